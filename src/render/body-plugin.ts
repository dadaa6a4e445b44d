/**
 * The last stage of the article processor (SPEC 8): the lead, and the sanitized body HTML and the
 * headline with every figure marked by its verdict.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { firstParagraphText } from '../markdown/parse-markdown.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { renderBodyHtml } from './body-html.js'
import { headlineHtml } from './headline-html.js'

export function bodyHtml() {
  return (tree: Root, file: VFile): void => {
    file.data.lead = collapseWhitespace(file.data.frontmatter?.summary ?? firstParagraphText(tree))
    file.data.bodyHtml = renderBodyHtml(tree, file.data.marks ?? [], String(file.value))
    file.data.headlineHtml = headlineHtml(file.data.frontmatter?.title ?? '', file.data.marks ?? [])
  }
}
