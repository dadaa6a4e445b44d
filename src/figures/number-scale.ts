/**
 * Scales read around a number beyond a single scale word (SPEC 5.1, 5.2): a second scale word
 * (`1.5 lakh crore`), and pence written as `p` glued to the digits (`20p`).
 */
import type { TokenView } from './token-view.js'
import type { Digits } from './tokenize.js'
import { secondScales, spacedScales } from './lexicon.js'
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
