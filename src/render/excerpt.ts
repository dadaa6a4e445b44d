/**
 * One-line excerpts as the seed feed cuts them (SPEC 8): a story's lead cut to `excerpt_length`
 * characters, the ellipsis included. "Characters" are graphemes, so a cut never splits an emoji,
 * a surrogate pair or a letter from its combining accent.
 */

import { collapseWhitespace } from '../text/whitespace.js'

/** Grapheme segmentation does not depend on the locale; a fixed one keeps output host-independent. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * Text made only of characters that always form a grapheme on their own: printable ASCII, Latin-1
 * and Latin Extended letters, spacing modifiers, general punctuation and currency signs. Not in
 * it: the soft hyphen (a control), combining marks, joiners, surrogates and every other script,
 * which go through the segmenter.
 */
const standsAlone =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*$/

// One whitespace rule for the whole product (src/text/whitespace.ts); re-exported for callers here.
export { collapseWhitespace }

/**
 * `text` on one line, at most `length` graphemes long: whitespace collapsed, and when too long,
 * the first `length - 1` graphemes followed by `…`. A space before the ellipsis is kept, as in
 * the seed feed, where the cut falls on characters and not on words.
 */
export function cutLine(text: string, length: number): string {
  if (!Number.isInteger(length) || length < 1) {
    throw new TypeError(`\`length\` must be a positive integer, got ${String(length)}`)
  }
  const line = collapseWhitespace(text)
  // Each grapheme is at least one UTF-16 unit, so a short string cannot be too long.
  if (line.length <= length) return line
  // Segmenting is slow and most leads are Latin text, where every character is a grapheme.
  if (standsAlone.test(line.slice(0, length + 1))) return `${line.slice(0, length - 1)}…`
  let count = 0
  let cut = 0
  for (const { index } of graphemes.segment(line)) {
    count++
    if (count === length) cut = index
    else if (count > length) return `${line.slice(0, cut)}…`
  }
  return line
}
