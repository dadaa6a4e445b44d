/**
 * Markdown to mdast (SPEC 1: unified + remark-parse, with GitHub Flavored Markdown). Processors
 * are made once per set of GFM constructs and reused: an article only pays for the constructs
 * it may contain (see gfm-features.ts).
 */
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { toString } from 'mdast-util-to-string'
import { selectGfm } from './gfm-features.js'
import type { Root } from 'mdast'
import type { GfmSelection } from './gfm-features.js'

const processors = new Map<string, ReturnType<typeof createProcessor>>()

/** Parses an article body (frontmatter blanked, so positions are file positions). */
export function parseMarkdown(markdown: string): Root {
  const selection = selectGfm(markdown)
  let processor = processors.get(selection.key)
  if (processor === undefined) {
    processor = createProcessor(selection)
    processors.set(selection.key, processor)
  }
  return processor.parse(markdown)
}

function createProcessor(selection: GfmSelection) {
  return unified()
    .use(remarkParse)
    .use(function addGfm() {
      const data = this.data()
      data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...selection.micromarkExtensions]
      data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), ...selection.fromMarkdownExtensions]
    })
    .freeze()
}

/** The plain text of the first paragraph, whitespace collapsed: the default lead (SPEC 4 `summary`). */
export function firstParagraphText(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'paragraph') return toString(node).replace(/\s+/g, ' ').trim()
  }
  return ''
}
