/**
 * Reads the unit written after a number (SPEC 5): `%` and its spellings, percentage points,
 * basis points, a currency name or code, or else the counted noun (`470,000 investors`).
 */
import type { TokenView } from './token-view.js'
import { currencyCodes, currencyWords, pointAbbreviations } from './lexicon.js'

/** A unit and the token after it. */
export interface UnitRead {
  unit: string
  next: number
}

const yuanWords = new Set(['yuan', 'rmb', 'renminbi'])
const pointWords = new Set(['point', 'points'])

/**
 * The unit spelled after the number at token `index`. After a currency sign only the yuan words
 * count (`¥5 billion yuan` is CNY, SPEC 5); other currencies take no further unit.
 */
export function unitAt(view: TokenView, index: number, currency: string | null): UnitRead | null {
  const word = view.spacedWord(index)
  if (currency !== null) {
    return currency === 'JPY' && yuanWords.has(word ?? '') ? { unit: 'CNY', next: index + 1 } : null
  }
  if (view.spaced(index) && view.symbol(index) === '%') return { unit: '%', next: index + 1 }
  if (word === undefined) return null
  const second = view.spacedWord(index + 1)
  if (word === 'percent' || word === 'pct') return { unit: '%', next: index + 1 }
  if (word === 'per' && second === 'cent') return { unit: '%', next: index + 2 }
  if (word === 'percentage' && pointWords.has(second ?? '')) return { unit: 'pp', next: index + 2 }
  if (word === 'basis' && pointWords.has(second ?? '')) return { unit: 'bp', next: index + 2 }
  const points = pointAbbreviations.get(word)
  if (points !== undefined) return { unit: points, next: index + 1 }
  const code = currencyCodes.get(view.writtenWord(index) ?? '') ?? currencyWords.get(word)
  if (code !== undefined) return { unit: code, next: index + 1 }
  if ((word === 'pound' || word === 'pounds') && second === 'sterling') {
    return { unit: 'GBP', next: index + 2 }
  }
  if (view.writtenWord(index) === 'US' && (second === 'dollar' || second === 'dollars')) {
    return { unit: 'USD', next: index + 2 }
  }
  return null
}
