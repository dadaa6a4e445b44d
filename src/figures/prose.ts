/**
 * The prose of an article body (SPEC 5): the text of paragraphs, headings, list items, table
 * cells and block quotes, with each character mapped back to its offset in the Markdown source.
 * Code, inline code, raw HTML, images, footnote labels and bare URLs are not prose; each leaves
 * a separator behind so that no figure phrase joins across it.
 */
import type { Link, Nodes, Root } from 'mdast'
import type { Prose } from '../types.js'
import { objectSeparator } from './tokenize.js'
import { alignValue } from './source-align.js'

/** Blocks whose children are inline text: each starts a new stretch of prose. */
const textBlocks = new Set(['paragraph', 'heading', 'tableCell'])
/** Inline nodes that stand for something other than prose text (an image, a code span ...). */
const objectNodes = new Set(['inlineCode', 'image', 'imageReference', 'footnoteReference'])
/** Nodes with nothing in them that is prose. */
const skippedNodes = new Set(['code', 'definition', 'thematicBreak', 'yaml', 'toml'])
const urlLike = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i

/**
 * Extract the plain text of `tree`, parsed from Markdown with remark-parse and remark-gfm.
 * Blocks are joined by one space; an inline node that is not prose becomes U+FFFC (an object)
 * or, for raw HTML and hard breaks, whitespace; all of these map to source offset -1.
 *
 * Pass the `markdown` the tree was parsed from to get exact offsets where Markdown rewrote the
 * text (escapes, character references, `>` prefixes of continuation lines). Without it, such a
 * text node maps every character to the node's start.
 */
export function extractProse(tree: Root, markdown?: string): Prose {
  const builder = new ProseBuilder(markdown)
  const stack: { node: Nodes; inline: boolean }[] = [{ node: tree, inline: false }]
  // Inside an inline <script> or <style>: its text is code, which the sanitizer drops from the page.
  let rawTextElement: string | undefined
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, inline } = item
    if (node.position) builder.cursor = Math.max(builder.cursor, node.position.start.offset ?? 0)
    if (node.type === 'text') {
      if (rawTextElement === undefined)
        builder.addText(node.value, node.position?.start.offset, node.position?.end.offset)
    } else if (node.type === 'html') {
      if (inline) builder.addSeparator(' ')
      rawTextElement = inline ? rawTextAfter(node.value, rawTextElement) : undefined
    } else if (node.type === 'break') {
      builder.addSeparator('\n')
    } else if (objectNodes.has(node.type) || (node.type === 'link' && isBareUrl(node))) {
      builder.addSeparator(objectSeparator)
    } else if (inline && !('children' in node)) {
      // An inline node of a syntax extension (math, a directive) is not prose either.
      builder.addSeparator(objectSeparator)
    } else if (!skippedNodes.has(node.type) && 'children' in node) {
      if (textBlocks.has(node.type)) {
        builder.startBlock()
        rawTextElement = undefined
      }
      const childrenInline = inline || textBlocks.has(node.type)
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index]
        if (child) stack.push({ node: child, inline: childrenInline })
      }
    }
  }
  return builder.finish()
}

/** The raw-text element (`script`, `style`) open after an inline HTML node, if any. */
function rawTextAfter(html: string, open: string | undefined): string | undefined {
  if (open !== undefined) return new RegExp(`</${open}\\s*>`, 'i').test(html) ? undefined : open
  const opening = /<(script|style)\b[^>]*>/i.exec(html)
  if (!opening?.[1]) return undefined
  const name = opening[1].toLowerCase()
  const rest = html.slice(opening.index + opening[0].length)
  return new RegExp(`</${name}\\s*>`, 'i').test(rest) || opening[0].endsWith('/>')
    ? undefined
    : name
}

/**
 * A link whose text is its own address (an autolink, a GFM autolink literal, or link text that is
 * a URL) shows a URL, not prose.
 */
function isBareUrl(link: Link): boolean {
  const [only, ...rest] = link.children
  if (only?.type !== 'text' || rest.length > 0) return false
  const text = only.value
  return (
    link.url === text ||
    link.url === `mailto:${text}` ||
    link.url === `http://${text}` ||
    urlLike.test(text)
  )
}

/** Without the source, only a value as long as its span can be mapped character by character. */
function mapWithoutSource(value: string, start: number, end: number, out: OffsetList): void {
  const verbatim = end - start === value.length
  for (let index = 0; index < value.length; index++) out.push(verbatim ? start + index : start)
}

/** Collects prose text and its source offsets, adding block and node separators as needed. */
class ProseBuilder {
  /** Source offset reached so far: where a text node without a position is assumed to start. */
  cursor = 0
  readonly #markdown: string | undefined
  readonly #parts: string[] = []
  readonly #offsets: OffsetList
  #length = 0
  #blockPending = false

  constructor(markdown: string | undefined) {
    this.#markdown = markdown
    // Prose is rarely longer than its source: one allocation mostly does.
    this.#offsets = new OffsetList((markdown?.length ?? 0) + 64)
  }

  startBlock(): void {
    this.#blockPending = true
  }

  addText(value: string, start: number | undefined, end: number | undefined): void {
    if (value.length === 0) return
    this.#beforeContent()
    const from = start ?? this.cursor
    const to = end ?? from + value.length
    if (this.#markdown !== undefined) alignValue(value, this.#markdown, from, to, this.#offsets)
    else mapWithoutSource(value, from, to, this.#offsets)
    this.#parts.push(value)
    this.#length += value.length
    this.cursor = Math.max(this.cursor, to)
  }

  addSeparator(char: string): void {
    this.#beforeContent()
    this.#parts.push(char)
    this.#offsets.push(-1)
    this.#length += char.length
  }

  finish(): Prose {
    return { text: this.#parts.join(''), sourceOffsets: this.#offsets.toArray() }
  }

  #beforeContent(): void {
    if (this.#blockPending && this.#length > 0) {
      this.#parts.push(' ')
      this.#offsets.push(-1)
      this.#length++
    }
    this.#blockPending = false
  }
}

/**
 * Source offsets as they are found, one per prose character, in a typed array grown by doubling:
 * a plain array of numbers would cost several times the memory, and the garbage, of an article's
 * text before being copied into the `Int32Array` prose keeps.
 */
class OffsetList {
  #offsets: Int32Array
  #length = 0

  constructor(capacity: number) {
    this.#offsets = new Int32Array(Math.max(16, capacity))
  }

  push(offset: number): void {
    if (this.#length === this.#offsets.length) {
      const grown = new Int32Array(this.#offsets.length * 2)
      grown.set(this.#offsets)
      this.#offsets = grown
    }
    this.#offsets[this.#length++] = offset
  }

  /** The offsets pushed, in a typed array of exactly their number. */
  toArray(): Int32Array {
    return this.#offsets.slice(0, this.#length)
  }
}
