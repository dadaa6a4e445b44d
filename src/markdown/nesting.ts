/**
 * How deep an article body may nest (issue 15, README "Limits"): at most `maxNesting` block levels
 * (block quotes, list items), inline levels (emphasis, strong, strikethrough, links) and raw HTML
 * elements. No story needs more than a handful; the limits keep every library that walks the tree
 * recursively (mdast-util-to-hast, hast-util-from-parse5, hast-util-to-html, rehype-sanitize) far
 * from the end of the stack, and the Markdown parser, whose work per line grows with the number of
 * open containers, linear. A deeper body is one positioned problem, never a stack overflow.
 */
import type { Nodes, Root } from 'mdast'
import type { Problem } from '../types.js'

/** Levels of each kind a body may nest. */
export const maxNesting = 100

/** The rule of a body nested past the limit: an input error (SPEC 9), exit 2. */
const rule = 'article-too-deep'

/**
 * Where a line of `markdown` could open more than `maxNesting` block containers, found before the
 * parser sees the text, in one pass. A line's depth is at most the container markers at its start
 * (`>`, `-`, `*`, `+`, `1.`, `1)`) plus half its other leading whitespace, since a list item is only
 * continued by indenting its content, two columns or more.
 */
export function tooDeepToParse(markdown: string): Problem | undefined {
  let line = 1
  let start = 0
  while (start <= markdown.length) {
    const end = lineEnd(markdown, start)
    const column = deepColumn(markdown, start, end)
    if (column !== undefined && !thematicBreak.test(markdown.slice(start, end))) {
      return tooDeep(line, column, limitMessage('lists or block quotes'))
    }
    start = end + 1
    line++
  }
  return undefined
}

/** A line of `- - - ...` or `* * * ...` alone is a rule across the page, not nested lists. */
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/

/** Block containers and inline wrappers, each counted apart. */
const blockContainers = new Set(['blockquote', 'listItem', 'footnoteDefinition'])
const inlineWrappers = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Where the parsed body nests more than `maxNesting` block or inline levels, or holds raw HTML
 * that does, walked without recursion so that the check itself cannot overflow.
 */
export function tooDeepToRender(tree: Root): Problem | undefined {
  const stack: { node: Nodes; blocks: number; inlines: number }[] = [
    { node: tree, blocks: 0, inlines: 0 }
  ]
  const html = new HtmlDepth()
  while (stack.length > 0) {
    const { node, blocks, inlines } = stack.pop() as (typeof stack)[number]
    const start = node.position?.start
    if (blocks > maxNesting || inlines > maxNesting) {
      const what = blocks > maxNesting ? 'lists or block quotes' : 'emphasis or links'
      return tooDeep(start?.line ?? 1, start?.column ?? 1, limitMessage(what))
    }
    if (node.type === 'html') {
      const place = html.read(node.value)
      if (place !== undefined && start !== undefined) {
        const line = start.line + place.line - 1
        const column = place.line === 1 ? start.column + place.column - 1 : place.column
        return tooDeep(line, column, limitMessage('HTML elements'))
      }
    }
    if (!('children' in node)) continue
    const inner = {
      blocks: blocks + (blockContainers.has(node.type) ? 1 : 0),
      inlines: inlines + (inlineWrappers.has(node.type) ? 1 : 0)
    }
    // Pushed last to first, so that nodes are visited in document order (HTML depth depends on it).
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push({ node: node.children[index] as Nodes, ...inner })
    }
  }
  return undefined
}

/** The problem for a stage that overflowed the stack all the same: placed at the body's start. */
export function tooDeepToProcess(markdown: string): Problem {
  // The frontmatter is blanked to spaces (positions are file positions): the body starts after it.
  const first = markdown.search(/[^\s]/)
  const before = first === -1 ? '' : markdown.slice(0, first)
  const line = before.split('\n').length
  return tooDeep(
    line,
    1,
    `the body nests too deeply to be processed; keep lists, quotes, emphasis and HTML within ${maxNesting} levels`
  )
}

function limitMessage(what: string): string {
  return `the body nests ${what} more than ${maxNesting} levels deep, past factdesk's limit of ${maxNesting}; flatten it`
}

function tooDeep(line: number, column: number, message: string): Problem {
  return { severity: 'error', line, column, rule, message }
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start)
  return end === -1 ? text.length : end
}

/** The 1-based column of the marker that takes a line past the limit, if one does. */
function deepColumn(text: string, start: number, end: number): number | undefined {
  let markers = 0
  let indent = 0
  let index = start
  while (index < end) {
    const char = text.charCodeAt(index)
    if (char === space || char === tab) {
      indent += char === tab ? 4 : 1
      index++
      continue
    }
    const width = markerWidth(text, index, end)
    if (width === 0) break
    markers++
    if (markers + Math.floor(indent / 2) > maxNesting) return index - start + 1
    index += width
    // The whitespace that ends a marker belongs to it, not to the indentation.
    if (index < end && (text.charCodeAt(index) === space || text.charCodeAt(index) === tab)) index++
  }
  // A blank line (the frontmatter is blanked to spaces, too) holds nothing, however wide.
  const blank = index === end || (index === end - 1 && text[index] === '\r')
  return !blank && markers + Math.floor(indent / 2) > maxNesting ? index - start + 1 : undefined
}

const space = 0x20
const tab = 0x09

/** Characters of a block quote or list item marker at `index`, 0 when there is none. */
function markerWidth(text: string, index: number, end: number): number {
  const char = text[index]
  if (char === '>') return 1
  const endsMarker = (at: number) =>
    at === end || text[at] === ' ' || text[at] === '\t' || text[at] === '\r'
  if ((char === '-' || char === '*' || char === '+') && endsMarker(index + 1)) return 1
  let digits = 0
  while (digits < 9 && index + digits < end && isDigit(text.charCodeAt(index + digits))) digits++
  if (digits === 0) return 0
  const after = text[index + digits]
  return (after === '.' || after === ')') && endsMarker(index + digits + 1) ? digits + 1 : 0
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/**
 * Elements that never hold others (void) or that the HTML parser closes when the next of their
 * kind opens: neither makes the tree deeper.
 */
const flatElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'html',
  'head',
  'body'
])

/** Elements inside which `<x/>` closes itself, as the HTML parser reads SVG and MathML. */
const foreignRoots = new Set(['svg', 'math'])

/**
 * The depth of open HTML elements across the raw HTML pieces of a body, in document order, as
 * the HTML parser will nest them: an estimate from start and end tags, in one pass.
 */
class HtmlDepth {
  private depth = 0
  private foreign = 0

  /** Where (1-based, within `html`) the depth first passes the limit, if it does. */
  read(html: string): { line: number; column: number } | undefined {
    const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g
    for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
      const [, closing, rawName = '', selfClosing] = match
      const name = rawName.toLowerCase()
      if (closing === '/') {
        if (foreignRoots.has(name) && this.foreign > 0) this.foreign--
        if (!flatElements.has(name) && this.depth > 0) this.depth--
        continue
      }
      if (flatElements.has(name) || (selfClosing === '/' && this.foreign > 0)) continue
      if (foreignRoots.has(name)) this.foreign++
      this.depth++
      if (this.depth > maxNesting) return placeIn(html, match.index)
    }
    return undefined
  }
}

function placeIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, column: offset - lastBreak }
}
