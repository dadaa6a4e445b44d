/**
 * Where each character of a YAML string value was written: the headline and the summary are prose
 * (SPEC 5), so a figure in them is placed at its line and column inside the frontmatter, whether
 * the string is plain, quoted (with `\"`, `\u00a0` or `''` escapes) or a folded block.
 */
import { Scalar } from 'yaml'

/** Escapes of double-quoted YAML that are longer than two characters, by their letter. */
const longEscapes: Readonly<Record<string, number>> = { x: 4, u: 6, U: 10 }

/**
 * The offset in `text` of each UTF-16 unit of `scalar.value`, a string the document read from
 * `text`. One walk along the scalar's source: a character the value holds as written maps to
 * itself, an escape to its backslash, a folded line break to the break; indentation, line
 * continuations and quotes the value does not keep are skipped.
 */
export function scalarOffsets(scalar: Scalar, text: string): Int32Array | undefined {
  const value: unknown = scalar.value
  const range = scalar.range
  if (typeof value !== 'string' || range === undefined || range === null) return undefined
  const [start, end] = range
  const doubleQuoted = scalar.type === Scalar.QUOTE_DOUBLE
  const singleQuoted = scalar.type === Scalar.QUOTE_SINGLE
  let cursor = start
  if (doubleQuoted || singleQuoted) cursor++
  else if (scalar.type === Scalar.BLOCK_FOLDED || scalar.type === Scalar.BLOCK_LITERAL)
    cursor = afterLineBreak(text, cursor, end)
  const offsets = new Int32Array(value.length)
  let index = 0
  while (index < value.length) {
    const char = value.charAt(index)
    const written = text.charAt(cursor)
    if (cursor >= end) {
      offsets[index++] = Math.max(start, end - 1)
    } else if (doubleQuoted && written === '\\' && isLineBreak(text.charAt(cursor + 1))) {
      // An escaped line break joins the lines: nothing of it is in the value.
      cursor = skipIndentation(text, afterLineBreak(text, cursor, end), end)
    } else if (doubleQuoted && written === '\\') {
      offsets[index++] = cursor
      // An escape of a character outside the BMP stands for two units of the value.
      if (isHighSurrogate(value.charCodeAt(index - 1)) && index < value.length)
        offsets[index++] = cursor
      cursor += longEscapes[text.charAt(cursor + 1)] ?? 2
    } else if (written === char) {
      offsets[index++] = cursor
      cursor += singleQuoted && char === "'" ? 2 : 1
    } else if (isLineBreak(written) || written === ' ' || written === '\t') {
      if (char === ' ' || char === '\n') {
        // A folded line break (or the blank lines of one) is one space or break of the value.
        offsets[index++] = cursor
        cursor = skipFolding(text, cursor, end)
      } else {
        cursor = skipFolding(text, cursor, end)
      }
    } else {
      // Nothing here explains the character: keep going in step rather than search.
      offsets[index++] = cursor++
    }
  }
  return offsets
}

function isLineBreak(char: string): boolean {
  return char === '\n' || char === '\r'
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** The offset after the line break at or after `from`. */
function afterLineBreak(text: string, from: number, end: number): number {
  let cursor = from
  while (cursor < end && !isLineBreak(text.charAt(cursor))) cursor++
  if (text.charAt(cursor) === '\r') cursor++
  if (text.charAt(cursor) === '\n') cursor++
  return cursor
}

function skipIndentation(text: string, from: number, end: number): number {
  let cursor = from
  while (cursor < end && (text.charAt(cursor) === ' ' || text.charAt(cursor) === '\t')) cursor++
  return cursor
}

/** Past the spaces, tabs and line breaks at `from`: what folding turns into one character. */
function skipFolding(text: string, from: number, end: number): number {
  let cursor = from
  while (cursor < end) {
    const char = text.charAt(cursor)
    if (char !== ' ' && char !== '\t' && !isLineBreak(char)) break
    cursor++
  }
  return cursor
}
