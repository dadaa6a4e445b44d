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

/**
 * The clause of `sentence` around the characters from `start` to `end`: between commas,
 * semicolons, colons, dashes and the conjunctions that join two statements ("and", "but",
 * "while"). "Closures reached $1.9 billion, and longs made up more than 90% of it" is two
 * clauses; the longs are the second one's.
 */
export function clauseAround(sentence: string, start: number, end: number): string {
  let from = 0
  let to = sentence.length
  for (const match of sentence.matchAll(clauseBreak)) {
    const at = match.index ?? 0
    if (at + match[0].length <= start) from = at + match[0].length
    else if (at >= end) {
      to = at
      break
    }
  }
  return sentence.slice(from, to).trim()
}

const clauseBreak = /[,;:\u2013\u2014]|\s(?:and|but|while|whereas)\s/gu
