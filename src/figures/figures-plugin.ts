/**
 * The figures stage of the article processor (SPEC 5): the body's plain text, and every figure
 * phrase in it with its position in the file.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { detectFigures } from './detect.js'
import { extractProse } from './prose.js'

export interface FiguresOptions {
  /** Phrases the site lists as never figures (`not_figures`, SPEC 3). */
  notFigures: readonly string[]
}

export function findFigures(options: FiguresOptions) {
  return (tree: Root, file: VFile): void => {
    const markdown = String(file.value)
    const prose = extractProse(tree, markdown)
    file.data.prose = prose
    file.data.found = detectFigures(prose, markdown, { notFigures: options.notFigures })
  }
}
