/**
 * The parser of the article processor: the Markdown of an article file (frontmatter blanked, so
 * positions are file positions) to mdast, with only the GFM constructs it may hold (see
 * parse-markdown.ts). A body nested deeper than the stages can walk is stopped here, before
 * anything walks it (SPEC 9).
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import { reportAll } from '../article/article-file.js'
import type { Problem } from '../types.js'
import { tooDeepToParse, tooDeepToRender } from './nesting.js'
import { parseMarkdown } from './parse-markdown.js'

/** Sets the processor's parser. */
export const markdownParser: Plugin<[], string, Root> = function () {
  this.parser = (document: string, file: VFile): Root => {
    const early = tooDeepToParse(document)
    if (early !== undefined) stop(file, early)
    return parseMarkdown(document)
  }
}

/** Stops a tree too deep to walk before any later plugin does (SPEC 9). */
export function nestingGuard() {
  return (tree: Root, file: VFile): void => {
    const deep = tooDeepToRender(tree)
    if (deep !== undefined) stop(file, deep)
  }
}

/** Thrown to end an article's processing; the file's message says why. */
export class ArticleStopped extends Error {}

function stop(file: VFile, problem: Problem): never {
  reportAll(file, [problem])
  throw new ArticleStopped(problem.message)
}
