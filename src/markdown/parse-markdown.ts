/**
 * Markdown to mdast (SPEC 1: unified + remark-parse, with GitHub Flavored Markdown). Processors
 * are made once per set of GFM constructs and reused: an article only pays for the constructs
 * it may contain (see gfm-features.ts).
 */
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { toString } from 'mdast-util-to-string'
import { collapseWhitespace } from '../text/whitespace.js'
import { autolinkTrigger, selectGfm } from './gfm-features.js'
import type { Root, RootContent } from 'mdast'
import type { GfmSelection } from './gfm-features.js'

const processors = new Map<string, ReturnType<typeof createProcessor>>()

/**
 * Parses an article body (frontmatter blanked, so positions are file positions).
 *
 * Autolink literals are the costliest GFM construct (tried at every word) and most articles
 * trigger it only with URLs inside `[text](https://...)`, where it never runs. So the body is
 * parsed without it first; only when a text node holds something that could start an autolink
 * (`www.`, `http://`, `@`) is it parsed again with it. Without the construct such text stays text,
 * so this finds every body the construct could change, and the tree is the full-GFM tree.
 */
export function parseMarkdown(markdown: string): Root {
  // The blanked frontmatter is blank lines, which Markdown ignores at the start of a document but
  // micromark still reads through (about 0.2 ms an article of the bench, 15% of its parse): the
  // body is parsed from its first line and its positions moved to where it lies in the file.
  const from = bodyLineStart(markdown)
  if (from === 0) return parseBody(markdown)
  const tree = parseBody(markdown.slice(from))
  moveDown(tree, lineBreaksIn(markdown, from), from)
  // The root spans the file, as when the blank lines are parsed.
  if (tree.position !== undefined) tree.position.start = { line: 1, column: 1, offset: 0 }
  return tree
}

function parseBody(markdown: string): Root {
  const tree = parseWith(selectGfm(markdown, { autolinks: false }), markdown)
  if (!autolinkTrigger.test(markdown) || !textMatches(tree, autolinkTrigger)) return tree
  return parseWith(selectGfm(markdown), markdown)
}

/** Where the first line that is not blank begins: after the last line break of the leading blanks. */
function bodyLineStart(markdown: string): number {
  const blanks = /^[ \t\r\n]*/.exec(markdown)?.[0] ?? ''
  return Math.max(blanks.lastIndexOf('\n'), blanks.lastIndexOf('\r')) + 1
}

/** Line breaks in `markdown` before `end` (CRLF, CR and LF each one, as micromark counts them). */
function lineBreaksIn(markdown: string, end: number): number {
  let breaks = 0
  for (let at = 0; at < end; at++) {
    const code = markdown.charCodeAt(at)
    if (code === 10 || (code === 13 && markdown.charCodeAt(at + 1) !== 10)) breaks++
  }
  return breaks
}

/** Moves every position in `tree` down `lines` lines and on `offset` characters. */
function moveDown(tree: Root, lines: number, offset: number): void {
  const moved = new Set<object>()
  const stack: (Root | RootContent)[] = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const position = node.position
    if (position !== undefined) {
      for (const point of [position.start, position.end]) {
        if (moved.has(point)) continue
        moved.add(point)
        point.line += lines
        if (point.offset !== undefined) point.offset += offset
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

function parseWith(selection: GfmSelection, markdown: string): Root {
  let processor = processors.get(selection.key)
  if (processor === undefined) {
    processor = createProcessor(selection)
    processors.set(selection.key, processor)
  }
  return processor.parse(markdown)
}

/** Walked without recursion: the body's depth is only checked on the tree this returns. */
function textMatches(tree: Root, pattern: RegExp): boolean {
  const stack: (Root | RootContent)[] = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text' && pattern.test(node.value)) return true
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return false
}

function createProcessor(selection: GfmSelection) {
  return unified()
    .use(remarkParse)
    .use(function addGfm() {
      const data = this.data()
      data.micromarkExtensions = [
        ...(data.micromarkExtensions ?? []),
        ...selection.micromarkExtensions
      ]
      data.fromMarkdownExtensions = [
        ...(data.fromMarkdownExtensions ?? []),
        ...selection.fromMarkdownExtensions
      ]
    })
    .freeze()
}

/** The plain text of the first paragraph, whitespace collapsed: the default lead (SPEC 4 `summary`). */
export function firstParagraphText(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'paragraph') return collapseWhitespace(toString(node))
  }
  return ''
}
