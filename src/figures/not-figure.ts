/**
 * Recognizes numbers that SPEC 5 says are no figures by what stands around them: dates and their
 * parts (`November 4`, `4 Nov`, `Nov. 3, 2025`), times of day (`6 pm`, `6 p.m.`, `9 o'clock`),
 * references (`No. 5`), names (`Route 38`) and chains of joined numbers (`2025-11-04`, `18:30`, `24/7`).
 */
import type { TokenView } from './token-view.js'
import { clockWords, months } from './lexicon.js'
import { namesAThing } from './name-number.js'

const chainJoiners = new Set(['-', '–', '/', ':', '.', ','])
const apostrophes = new Set(["'", '’'])
const referenceAbbreviations = new Set(['No', 'no', 'Nos', 'Vol', 'vol', 'p', 'pp', 'Fig', 'Art'])

/**
 * The token after a chain of numbers joined without spaces (`2025-11-04`, `9:30`, `1-2-3`),
 * starting at the number token `core`. The whole chain is skipped at once, which keeps a long
 * run like `1-1-1-...` linear.
 */
export function numberChainEnd(view: TokenView, core: number): number {
  let index = core
  for (;;) {
    const joiner = view.attachedSymbol(index + 1)
    if (joiner === undefined || !chainJoiners.has(joiner)) break
    if (!view.attached(index + 2) || !view.isNumber(index + 2)) break
    index += 2
  }
  return index + 1
}

/**
 * True when the number at `core` (amount tokens `first`..`next - 1`) is a date part or a time of
 * day: a month right before or after it, or a clock word after it.
 */
export function isDateOrClock(view: TokenView, first: number, core: number, next: number): boolean {
  if (isClockWordAt(view, next)) return true
  const digits = view.at(core)?.digits
  if (!digits || digits.grouped || digits.decimal || digits.plain.length > 2) return false
  const day = Number(digits.plain)
  if (day < 1 || day > 31 || first !== core) return false
  if (isMonthAt(view, next, true)) return true
  if (view.spacedWord(next) === 'of' && isMonthAt(view, next + 1, true)) return true
  if (!view.spaced(first)) return false
  if (isMonthAt(view, first - 1, false)) return true
  return (
    view.symbol(first - 1) === '.' && view.attached(first - 1) && isMonthAt(view, first - 2, false)
  )
}

/**
 * `No. 5`, `Vol. 3`: a number after a reference abbreviation is a label, not a figure; so is a
 * bare number right after a capitalized name word (`Route 38`, `Boeing 737`: `name-number.ts`).
 */
export function isNamedNumber(view: TokenView, first: number): boolean {
  if (namesAThing(view, first)) return true
  if (!view.spaced(first) || view.symbol(first - 1) !== '.' || !view.attached(first - 1)) {
    return false
  }
  return referenceAbbreviations.has(view.writtenWord(first - 2) ?? '')
}

function isMonthAt(view: TokenView, index: number, spacedBefore: boolean): boolean {
  if (spacedBefore && !view.spaced(index)) return false
  return months.has(view.writtenWord(index) ?? '')
}

function isClockWordAt(view: TokenView, index: number): boolean {
  const written = view.spaced(index) ? view.writtenWord(index) : undefined
  if (written === undefined) return false
  if (clockWords.has(written)) return true
  const lower = written.toLowerCase()
  if ((lower === 'a' || lower === 'p') && view.attachedSymbol(index + 1) === '.') {
    return view.attachedWord(index + 2) === 'm'
  }
  return (
    lower === 'o' &&
    apostrophes.has(view.attachedSymbol(index + 1) ?? '') &&
    view.attachedWord(index + 2) === 'clock'
  )
}
