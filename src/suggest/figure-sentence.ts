/**
 * The sentence a figure is in (issue 20): the words around a figure say which series it is about
 * ("Ether", "liquidations") and which dates ("since June"), which is how its suggestions are
 * found and ranked. A sentence ends at `.`, `!` or `?` before a space, except after the
 * abbreviations newsrooms write inside sentences (`Nov. 3`, `U.S.`, `Mr.`).
 */

const abbreviation =
  /(?:^|[\s(])(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mr|mrs|ms|dr|st|no|vs|inc|corp|co|ltd|gov|sen|rep|u\.s|u\.k|e\.u|a\.m|p\.m)\.$/iu

/** The sentence of `text` holding the characters from `start` to `end` (end exclusive). */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start
  while (from > 0 && !endsSentence(text, from - 1)) from--
  let to = end
  while (to < text.length && !endsSentence(text, to)) to++
  return text.slice(from, Math.min(text.length, to + 1)).trim()
}

function endsSentence(text: string, at: number): boolean {
  const char = text[at]
  if (char !== '.' && char !== '!' && char !== '?') return false
  const next = text[at + 1]
  if (next !== undefined && !/\s/u.test(next)) return false
  if (char !== '.') return true
  return !abbreviation.test(text.slice(Math.max(0, at - 6), at + 1))
}
