/**
 * Where each character of an mdast `text` node came from in the Markdown source. A text node's
 * `value` is not always a verbatim slice of the source: continuation lines lose their indentation
 * and `>` markers, `\*` loses its backslash and `&amp;` becomes `&`. Figure marks are given as
 * source offsets (SPEC 8), so the renderer needs this map to split text at the right characters.
 */
import type { Text } from 'mdast'

/** A numeric character reference or a named one; named ones are matched, not decoded. */
const characterReference = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|[A-Za-z][A-Za-z0-9]{0,31});/

/**
 * The source offset of every UTF-16 unit of `node.value`, or -1 where it cannot be placed.
 * With `markdown` the value is aligned against the source exactly; without it, each line of the
 * value is assumed verbatim and the indentation the parser removed is spread evenly between lines.
 */
export function textSourceOffsets(node: Text, markdown?: string): Int32Array {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const offsets = new Int32Array(node.value.length).fill(-1)
  if (start === undefined || end === undefined) return offsets
  if (markdown !== undefined && end <= markdown.length) {
    alignAgainstSource(node.value, markdown, start, end, offsets)
  } else {
    estimateFromLines(node.value, start, end, offsets)
  }
  return offsets
}

/** Walks value and source together; source characters the value does not hold are syntax. */
function alignAgainstSource(
  value: string,
  source: string,
  start: number,
  end: number,
  offsets: Int32Array
): void {
  if (source.slice(start, end) === value) {
    for (let index = 0; index < value.length; index++) offsets[index] = start + index
    return
  }
  let cursor = start
  let index = 0
  while (index < value.length && cursor < end) {
    const wanted = value[index]
    const found = source[cursor]
    if (found === wanted) {
      offsets[index++] = cursor++
      continue
    }
    if (found === '\\' && source[cursor + 1] === wanted) {
      offsets[index++] = cursor + 1
      cursor += 2
      continue
    }
    const width = found === '&' ? referenceWidth(source, cursor, value, index) : undefined
    if (width !== undefined) {
      for (let unit = 0; unit < width.units; unit++) offsets[index + unit] = cursor
      index += width.units
      cursor += width.length
      continue
    }
    cursor++
  }
}

/**
 * How many source characters a character reference at `cursor` spans and how many value units it
 * decoded to; undefined when the source there is not a reference standing for the value's text.
 */
function referenceWidth(
  source: string,
  cursor: number,
  value: string,
  index: number
): { length: number; units: number } | undefined {
  const match = characterReference.exec(source.slice(cursor, cursor + 40))
  if (match === null) return undefined
  const length = match[0].length
  const code =
    match[1] !== undefined
      ? Number(match[1])
      : match[2] !== undefined
        ? parseInt(match[2], 16)
        : undefined
  if (code !== undefined) {
    const decoded = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
    return value.startsWith(decoded, index) ? { length, units: decoded.length } : undefined
  }
  // A named reference decodes to one or two units; the source character after it settles which.
  const next = source[cursor + length]
  const units = value[index + 1] === next || index + 1 >= value.length ? 1 : 2
  return { length, units: Math.min(units, value.length - index) }
}

/** Places each value line verbatim, anchoring the first line at the start and the last at the end. */
function estimateFromLines(value: string, start: number, end: number, offsets: Int32Array): void {
  const lines = value.split('\n')
  const removed = end - start - value.length
  const perBreak = lines.length > 1 ? Math.max(0, removed) / (lines.length - 1) : 0
  let index = 0
  lines.forEach((line, number) => {
    const lineStart =
      number === lines.length - 1 && number > 0
        ? end - line.length
        : start + index + Math.round(perBreak * number)
    for (let column = 0; column <= line.length && index + column < value.length; column++) {
      offsets[index + column] = column < line.length ? lineStart + column : lineStart + line.length
    }
    index += line.length + 1
  })
}
