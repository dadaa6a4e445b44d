/**
 * Scales read around a number beyond a single scale word (SPEC 5.1, 5.2): a second scale word
 * (`1.5 lakh crore`), pence written as `p` glued to the digits (`20p`), and a glued `m` of millions
 * before a plural count (`29m households`).
 */
import type { TokenView } from './token-view.js'
import type { Digits } from './tokenize.js'
import { approximators, secondScales, spacedScales } from './lexicon.js'
import { movementWords } from './movement-lexicon.js'
import { hundredthExponent, videoResolutions } from './currency-lexicon.js'

/** A scale read after the number: its power of ten (0 for none) and the token after it. */
export interface ScaleRead {
  exponent: number
  next: number
}

/** The scale word at token `index` (apart from the number), with a second one that may follow. */
export function spacedScaleAt(view: TokenView, index: number): ScaleRead {
  const first = view.spacedWord(index)
  const exponent = spacedScales.get(first ?? '')
  if (first === undefined || exponent === undefined) return { exponent: 0, next: index }
  const second = view.spacedWord(index + 1)
  const after = second === undefined ? undefined : secondScales.get(second)
  if (second === undefined || after === undefined || !after.has(first)) {
    return { exponent, next: index + 1 }
  }
  return { exponent: exponent + (spacedScales.get(second) ?? 0), next: index + 2 }
}

/** The unit and scale of `p` glued to digits (`20p` is 0.2 GBP), or null (`720p` is video). */
export function gluedHundredth(
  suffix: string,
  digits: Digits
): { unit: string; exponent: number } | null {
  if (suffix !== 'p' || videoResolutions.has(digits.plain)) return null
  return { unit: 'GBP', exponent: hundredthExponent }
}

/**
 * `29m households`: a glued `m` without a currency is millions when people or things in the
 * plural follow, as British papers write counts; before anything else it stays metres (`100m
 * sprint`, `5m deep`). Beyond the SPEC.
 */
export function countsMillions(view: TokenView, suffix: string, at: number): boolean {
  if (suffix !== 'm' || !view.spaced(at + 1)) return false
  const next = view.word(at + 1)
  if (next === undefined) return false
  if (pluralPeople.has(next)) return true
  return next.length > 3 && next.endsWith('s') && !next.endsWith('ss') && !lengthWords.has(next)
}

const pluralPeople = new Set(['people', 'children', 'men', 'women'])
const lengthWords = new Set(['metres', 'meters', 'miles', 'yards', 'feet', 'inches', 'years'])

/** The last word of every approximator phrase (`nearly`, `than`, `over`). */
const approximatorEnds = new Set(
  [...approximators.keys()].map((phrase) => phrase.split(' ').at(-1))
)

/**
 * `Dow Falls Nearly 3K`: a glued `K` without a currency is thousands when an approximator or a
 * movement word stands right before the number, as headlines write it; otherwise it stays what
 * it more often is (`a 4K screen`). Beyond the SPEC.
 */
export function countsThousands(view: TokenView, suffix: string, core: number): boolean {
  if (suffix !== 'K' || !view.spaced(core)) return false
  const before = view.word(core - 1)
  return before !== undefined && (approximatorEnds.has(before) || movementWords.has(before))
}
