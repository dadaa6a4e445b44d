/**
 * The one whitespace rule of factdesk (SPEC 6: "whitespace runs count as one space"): the
 * characters JavaScript's `\s` matches (tabs, newlines, no-break, thin and line separator spaces,
 * the byte-order mark U+FEFF, which editors paste in unseen), and not U+0085, more often a
 * mis-decoded `…` than a line break. Leads, check texts, asserts, expressions, titles and figure
 * detection (`figures/tokenize.ts`) all use `isWhitespace`, so that a check's text and the figure
 * it names are cut at the same places.
 */

/** `text` on one line: every whitespace run as one space, none at either end. */
export function collapseWhitespace(text: string): string {
  const parts: string[] = []
  let index = 0
  while (index < text.length) {
    while (index < text.length && isWhitespace(text.charCodeAt(index))) index++
    const start = index
    while (index < text.length && !isWhitespace(text.charCodeAt(index))) index++
    if (index > start) parts.push(text.slice(start, index))
  }
  return parts.join(' ')
}

/** Text with its whitespace runs collapsed, and where each of its characters came from. */
export interface CollapsedText {
  /** Every whitespace run as one space; not trimmed, so that offsets cover the whole text. */
  text: string
  /** Offset in the original text of each character of `text` (a run's first character). */
  offsets: Int32Array
}

/** `original` with every whitespace run as one space, each character mapped to its offset. */
export function collapseWithOffsets(original: string): CollapsedText {
  const offsets = new Int32Array(original.length)
  const parts: string[] = []
  let length = 0
  let index = 0
  while (index < original.length) {
    if (isWhitespace(original.charCodeAt(index))) {
      offsets[length++] = index
      parts.push(' ')
      while (index < original.length && isWhitespace(original.charCodeAt(index))) index++
    } else {
      const start = index
      while (index < original.length && !isWhitespace(original.charCodeAt(index)))
        offsets[length++] = index++
      parts.push(original.slice(start, index))
    }
  }
  return { text: parts.join(''), offsets: offsets.subarray(0, length) }
}

/** True for a whitespace character: what `\s` matches, U+FEFF included, U+0085 not. */
export function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
