/**
 * Maps the characters of a text node's value back to the Markdown they came from. A value differs
 * from its source where Markdown rewrote it: backslash escapes (`\$5`), character references
 * (`&amp;`, `&#36;`), and container prefixes stripped from continuation lines (`> `, list
 * indentation). The walk reads each source character once and searches a bounded window only
 * when nothing else explains a difference, so it stays linear.
 */

/** How far ahead a character the walk cannot explain is searched for. */
const searchWindow = 64
const referencePattern = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y
const asciiPunctuation = /^[!-/:-@[-`{-~]$/

/**
 * Length of the character reference or backslash escape that starts at `offset` in `markdown`,
 * or 1 for a plain character: how much source one character of prose stands for.
 */
export function sourceExtentAt(markdown: string, offset: number): number {
  if (markdown.charCodeAt(offset) === 0x5c && asciiPunctuation.test(markdown.charAt(offset + 1))) {
    return 2
  }
  return Math.max(1, referenceLength(markdown, offset))
}

/**
 * Push, for each character of `value`, its offset in `markdown`, searching the node's source span
 * `start`..`end`. A character that cannot be placed gets `start`.
 */
export function alignValue(
  value: string,
  markdown: string,
  start: number,
  end: number,
  out: { push(offset: number): unknown }
): void {
  if (end - start === value.length && markdown.startsWith(value, start)) {
    for (let index = 0; index < value.length; index++) out.push(start + index)
    return
  }
  let cursor = start
  let afterLineEnding = false
  let index = 0
  while (index < value.length) {
    const char = value.charAt(index)
    if (afterLineEnding) cursor = skipContainerPrefix(markdown, cursor, end, char)
    afterLineEnding = char === '\n' || char === '\r'
    const source = markdown.charAt(cursor)
    if (cursor >= end) {
      out.push(start)
    } else if (source === '\\' && isEscapeOf(markdown, cursor, char)) {
      out.push(cursor)
      cursor += 2
    } else if (source === '&' && isDecodedReference(value, index, markdown, cursor)) {
      const length = referenceLength(markdown, cursor)
      out.push(cursor)
      while (index + 1 < value.length && isTrailingUnit(value.charCodeAt(index + 1))) {
        out.push(cursor)
        index++
      }
      cursor += length
    } else if (source === char) {
      out.push(cursor)
      cursor++
    } else {
      const found = findAhead(markdown, char, cursor + 1, Math.min(end, cursor + searchWindow))
      out.push(found < 0 ? start : found)
      if (found >= 0) cursor = found + 1
    }
    index++
  }
}

function findAhead(markdown: string, char: string, from: number, to: number): number {
  for (let offset = from; offset < to; offset++) if (markdown.charAt(offset) === char) return offset
  return -1
}

function isEscapeOf(markdown: string, cursor: number, char: string): boolean {
  const escaped = markdown.charAt(cursor + 1)
  return escaped === char && asciiPunctuation.test(escaped)
}

function referenceLength(markdown: string, offset: number): number {
  if (markdown.charCodeAt(offset) !== 0x26) return 0
  referencePattern.lastIndex = offset
  return referencePattern.test(markdown) ? referencePattern.lastIndex - offset : 0
}

/** A reference written in the source that the value holds decoded (not as literal text). */
function isDecodedReference(
  value: string,
  index: number,
  markdown: string,
  cursor: number
): boolean {
  const length = referenceLength(markdown, cursor)
  return length > 0 && !value.startsWith(markdown.slice(cursor, cursor + length), index)
}

/** The second code unit of a reference that decodes to two (an astral character, a mark). */
function isTrailingUnit(code: number): boolean {
  return (code >= 0xdc00 && code <= 0xdfff) || (code >= 0x300 && code <= 0x36f) || code === 0x338
}

/** After a line ending, skip the blockquote markers and indentation Markdown removed. */
function skipContainerPrefix(markdown: string, from: number, end: number, next: string): number {
  let cursor = from
  while (cursor < end) {
    const source = markdown.charAt(cursor)
    if (source === next || (source !== ' ' && source !== '\t' && source !== '>')) break
    cursor++
  }
  return cursor
}
