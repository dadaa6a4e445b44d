/**
 * The whitespace rule of text as editors read it (SPEC 6: "whitespace runs count as one space"):
 * every run of the characters JavaScript's `\s` matches (tabs, newlines, no-break, thin and line
 * separator spaces, the byte-order mark) is one space. Leads, check texts, asserts, expressions
 * and titles all use it. Figure detection has its own predicate (`isSpace` in
 * `figures/tokenize.ts`: Unicode's White_Space, so U+0085 but not U+FEFF), which decides where a
 * figure's tokens end and is kept apart on purpose.
 */

/** `text` on one line: every whitespace run as one space, none at either end. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
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

// The characters JavaScript's `\s` matches, so that `collapseWhitespace` and `collapseWithOffsets`
// agree.
function isWhitespace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
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
