/**
 * Reads the unit written after a number (SPEC 5.2): `%` and its spellings, percentage points,
 * basis points, a currency name or code, or else the counted noun (`470,000 investors`).
 */
import type { TokenView } from './token-view.js'
import { percentAbbreviation, pointAbbreviations } from './lexicon.js'
import {
  currencyCodes,
  currencySigns,
  currencyWords,
  dollarCountries,
  francCountries,
  hundredthExponent,
  hundredthWords
} from './currency-lexicon.js'

/** A unit, the power of ten it scales the number by (-2 for `cents`), and the token after it. */
export interface UnitRead {
  unit: string
  next: number
  exponent: number
}

const yuanWords = new Set(['yuan', 'rmb', 'renminbi'])
const pointWords = new Set(['point', 'points'])
const dollarWords = new Set(['dollar', 'dollars'])
const francWords = new Set(['franc', 'francs'])

/**
 * The unit spelled after the number at token `index`. After a currency sign only the yuan words
 * count (`¥5 billion yuan` is CNY, SPEC 5.2); other currencies take no further unit. `large` says
 * the number is scaled or at least 1,000, the only numbers `won` is the currency after (`4
 * trillion won`, `8,000 won`); after a small one it is the verb (`Of 12 seats, 5 won`).
 */
export function unitAt(
  view: TokenView,
  index: number,
  currency: string | null,
  large = false
): UnitRead | null {
  const word = view.spacedWord(index)
  if (currency !== null) {
    return currency === 'JPY' && yuanWords.has(word ?? '') ? unit('CNY', index + 1) : null
  }
  if (view.spaced(index) && view.symbol(index) === '%') return unit('%', index + 1)
  if (word === undefined) return signAfterNumber(view, index)
  const second = view.spacedWord(index + 1)
  if (word === 'percent' || word === 'pct' || word === percentAbbreviation) {
    return unit('%', index + 1)
  }
  if (word === 'per' && second === 'cent') return unit('%', index + 2)
  if (word === 'percentage' && pointWords.has(second ?? '')) return unit('pp', index + 2)
  if (word === 'basis' && pointWords.has(second ?? '')) return unit('bp', index + 2)
  const points = pointAbbreviations.get(word)
  if (points !== undefined) return unit(points, index + 1)
  if (word === 'euro' && (second === 'cent' || second === 'cents')) {
    return unit('EUR', index + 2, hundredthExponent)
  }
  const code = currencyCodes.get(view.writtenWord(index) ?? '') ?? currencyWords.get(word)
  if (code !== undefined) return unit(code, index + 1)
  if ((word === 'pound' || word === 'pounds') && second === 'sterling')
    return unit('GBP', index + 2)
  if (word === 'won' && large) return unit('KRW', index + 1)
  const hundredth = hundredthWords.get(word)
  if (hundredth !== undefined) return unit(hundredth, index + 1, hundredthExponent)
  return namedCurrencyAt(view, index, word, second)
}

/**
 * A currency named by a country and its unit: `Canadian dollars`, `Hong Kong dollars`, `Swiss
 * francs` (SPEC 5.2). `US` is read as written, so that the pronoun `us` names no dollar.
 */
function namedCurrencyAt(
  view: TokenView,
  index: number,
  word: string,
  second: string | undefined
): UnitRead | null {
  const twoWords = second === undefined ? undefined : `${word} ${second}`
  const third = view.spacedWord(index + 2)
  const pair = twoWords === undefined ? undefined : dollarCountries.get(twoWords)
  if (pair !== undefined && dollarWords.has(third ?? '')) return unit(pair, index + 3)
  if (word === 'u' && writtenUS(view, index) && dollarWords.has(view.spacedWord(index + 4) ?? '')) {
    return unit('USD', index + 5)
  }
  if (word === 'us' && view.writtenWord(index) !== 'US') return null
  const dollar = dollarCountries.get(word)
  if (dollar !== undefined && dollarWords.has(second ?? '')) return unit(dollar, index + 2)
  const franc = francCountries.get(word)
  if (franc !== undefined && francWords.has(second ?? '')) return unit(franc, index + 2)
  return null
}

/**
 * A currency sign after the number, glued or apart (`20€`, `5 €`: the continental style), when
 * no number follows it (`5 €10` is two amounts). Beyond the SPEC; not `$`, which after a number
 * is more often a stray of markup than a currency.
 */
function signAfterNumber(view: TokenView, index: number): UnitRead | null {
  const sign = view.symbol(index)
  const code = sign === undefined || sign === '$' ? undefined : currencySigns.get(sign)
  if (code === undefined || (view.attached(index + 1) && view.isNumber(index + 1))) return null
  return unit(code, index + 1)
}

/** `U.S.` written as AP writes it, at token `index`. */
function writtenUS(view: TokenView, index: number): boolean {
  return (
    view.writtenWord(index) === 'U' &&
    view.attachedSymbol(index + 1) === '.' &&
    view.attached(index + 2) &&
    view.writtenWord(index + 2) === 'S' &&
    view.attachedSymbol(index + 3) === '.'
  )
}

function unit(name: string, next: number, exponent = 0): UnitRead {
  return { unit: name, next, exponent }
}
