/**
 * The figures stage of the article processor (SPEC 5): the article's prose (headline, summary and
 * body), and every figure phrase in it with its position in the file and the part it is in.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { articleProse, partAt } from './article-prose.js'
import { detectFigures } from './detect.js'
import { extractProse } from './prose.js'

export interface FiguresOptions {
  /** Phrases the site lists as never figures (`not_figures`, SPEC 3). */
  notFigures: readonly string[]
}

export function findFigures(options: FiguresOptions) {
  return (tree: Root, file: VFile): void => {
    const { frontmatter, places } = file.data
    if (frontmatter === undefined || places === undefined)
      throw new TypeError(`${file.path}: figures are found in a loaded file`)
    const markdown = String(file.value)
    const body = extractProse(tree, markdown)
    const article = articleProse(frontmatter, places, body)
    const found = detectFigures(article.prose, markdown, { notFigures: options.notFigures })
    for (const figure of found) figure.in = partAt(article, figure.start)
    file.data.prose = article.prose
    file.data.bodyProse = body
    file.data.found = found
  }
}
