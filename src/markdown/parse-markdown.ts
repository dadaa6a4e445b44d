/**
 * Markdown to mdast (SPEC 1: unified + remark-parse, with GFM tables, strikethrough and
 * autolinks). One processor for the whole build: creating it per article is wasted work.
 */
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { toString } from 'mdast-util-to-string'
import type { Root } from 'mdast'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/** Parses an article body (frontmatter blanked, so positions are file positions). */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}

/** The plain text of the first paragraph, whitespace collapsed: the default lead (SPEC 4 `summary`). */
export function firstParagraphText(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'paragraph') return toString(node).replace(/\s+/g, ' ').trim()
  }
  return ''
}
