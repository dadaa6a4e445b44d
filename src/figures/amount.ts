/**
 * Reads one amount of SPEC 5 forward from a token: sign, `~`, currency, the number in digits or
 * words, its scale and its unit (`$1.8 billion`, `470,000 investors`, `twenty-five percent`), or
 * recognizes the number as one that is no figure (a date, a time, an ordinal, a name, a year).
 */
import type { TokenView } from './token-view.js'
import {
  attachedScales,
  hundredExponent,
  percentAbbreviation,
  pointAbbreviations,
  spacedScales
} from './lexicon.js'
import { readCurrency } from './currency-prefix.js'
import { countsMillions, countsThousands, gluedHundredth, spacedScaleAt } from './number-scale.js'
import { oneIdioms, onePronounMarkers } from './noun-lexicon.js'
import { readSpelledNumber } from './spelled-number.js'
import { unitAt } from './unit.js'
import { countedNounAt } from './counted-noun.js'
import { isDateOrClock, isNamedNumber, numberChainEnd } from './not-figure.js'
import { isPairDash, marginLength, signs } from './sign.js'
import type { Direction } from '../types.js'

/** An amount as written, before approximators and ranges are read around it. */
export interface Amount {
  /** First and last token of the amount, inclusive. */
  first: number
  last: number
  /** The token of the number itself (the first word of a spelled number). */
  core: number
  /** Decimal digits before the scale, for `Number()`: `1.8`, `25`. */
  plain: string
  /** Power of ten of the scale: 9 for `billion`, 0 without a scale. */
  exponent: number
  scaled: boolean
  /** A `-` or `−` was written before the number (a range keeps the signed value). */
  negative: boolean
  /**
   * The direction a sign gives (SPEC 5.1): `-`/`−` down, `+` up; null without a sign, and for
   * `±N` and `+/-N`, which state a margin of N.
   */
  sign: Direction | null
  unit: string | null
  /** True when the unit is a counted noun (`investors`) rather than `%`, `pp` or a currency. */
  counted: boolean
  /** `~` written before the number (SPEC 5: `about`). */
  tilde: boolean
  /** Four bare digits 1900-2100 with no currency, scale, sign or `%`: read as a year. */
  yearLike: boolean
  /** True when a hyphen or en dash followed by another number touches the amount. */
  dashNext: boolean
}

/** What stands at a token: an amount, a number that is no figure, or nothing numeric. */
export type AmountRead =
  { kind: 'amount'; amount: Amount } | { kind: 'not-figure'; next: number } | { kind: 'none' }

/** How the amount is reached: `joined` when it is the second half of `10-12%`. */
export interface AmountContext {
  joined: boolean
}

const none: AmountRead = { kind: 'none' }
const leftOpeners = new Set(['(', '[', '{', '"', '“', '‘', "'", '’', '«', '—', '*'])
/** Read the amount that starts at token `from`, if any. */
export function readAmount(view: TokenView, from: number, context: AmountContext): AmountRead {
  let index = from
  const sign = view.symbol(index)
  const tilde = sign === '~' && view.attached(index + 1)
  if (tilde) index++
  // `±2` and `+/-2` state a margin: a figure of value 2 with no direction (SPEC 5.1).
  const margin = marginLength(view, index)
  // The dash of a descending pair (`50%-46%`) joins two figures; it is no minus sign.
  const negative =
    margin > 0 || isPairDash(view, index) ? undefined : signs.get(view.symbol(index) ?? '')
  const signed = margin > 0 || (negative !== undefined && view.attached(index + 1))
  if (signed) index += Math.max(margin, 1)
  // A margin sign may stand one space before its number (`+/- 3 points`); other signs are glued.
  const spacedMargin = margin > 0 && view.spaced(index)
  const currency = readCurrency(view, index)
  if (currency) index = currency.next
  const core = index
  const token = view.at(core)
  const apart = core > from && !view.attached(core) && !currency?.spaced
  if (!token || (apart && !(spacedMargin && !currency))) return none
  const base =
    token.kind === 'number' ? readDigits(view, core, currency !== null) : readSpelled(view, core)
  if (base === null) return none
  if (!context.joined && !leftIsClear(view, from)) {
    return { kind: 'not-figure', next: numberChainEnd(view, core) }
  }
  if (base.kind === 'not-figure' || token.listedNotFigure) {
    return { kind: 'not-figure', next: base.kind === 'not-figure' ? base.next : core + 1 }
  }
  const plainNumber = !currency && !tilde && !signed
  if (!context.joined && plainNumber && isDateOrClock(view, from, core, base.next)) {
    return { kind: 'not-figure', next: numberChainEnd(view, core) }
  }
  let exponent = base.exponent
  let next = base.next
  let scaled = exponent !== 0
  if (!scaled && !base.dashNext) {
    if (view.spacedWord(next) === 'hundred') {
      exponent += hundredExponent
      next++
    }
    const spacedScale = spacedScaleAt(view, next)
    exponent += spacedScale.exponent
    next = spacedScale.next
    scaled = exponent > 0
  }
  let unit: string | null = currency?.code ?? base.unit
  let counted = false
  if (!base.dashNext && (unit === null || currency?.code === 'JPY')) {
    const large = scaled || Number(base.plain) >= 1000
    const found = unitAt(view, next, currency?.code ?? null, large)
    if (found) {
      unit = found.unit
      next = found.next
      // Hundredths (`45 cents`) scale the number down and share that scale in a range.
      exponent += found.exponent
      scaled ||= found.exponent !== 0
    } else if (unit === null) {
      const noun = countedNounAt(view, next)
      if (noun) {
        unit = noun
        counted = true
        next++
      }
    }
  }
  const amount: Amount = {
    first: from,
    last: next - 1,
    core,
    plain: base.plain,
    exponent,
    scaled,
    negative: signed && negative === true,
    sign: !signed || negative === undefined ? null : negative ? 'down' : 'up',
    unit,
    counted,
    tilde,
    yearLike: false,
    dashNext: base.dashNext
  }
  amount.yearLike = isYearLike(view, amount, signed)
  if (base.spelled === 1 && !oneIsACount(view, amount))
    return { kind: 'not-figure', next: core + 1 }
  return { kind: 'amount', amount }
}

interface BaseNumber {
  kind: 'number'
  plain: string
  exponent: number
  unit: string | null
  next: number
  dashNext: boolean
  /** The value of a spelled number, 0 for digits. */
  spelled: number
}

type BaseRead = BaseNumber | { kind: 'not-figure'; next: number } | null

/** Digits and what touches them on the right: `%`, a scale suffix, or a sign it is no figure. */
function readDigits(view: TokenView, core: number, hasCurrency: boolean): BaseRead {
  const digits = view.at(core)?.digits
  if (!digits) return null
  if (!digits.wellFormed) return { kind: 'not-figure', next: numberChainEnd(view, core) }
  const result: BaseNumber = {
    kind: 'number',
    plain: digits.plain,
    exponent: 0,
    unit: null,
    next: core + 1,
    dashNext: false,
    spelled: 0
  }
  const after = core + 1
  const joiner = view.attachedSymbol(after)
  if (joiner !== undefined && view.attached(after + 1)) {
    if (joiner === '-' || joiner === '–') {
      if (view.isNumber(after + 1)) {
        const end = numberChainEnd(view, core)
        if (end > after + 2) return { kind: 'not-figure', next: end }
        result.dashNext = true
        return result
      }
      if (view.word(after + 1) !== undefined) return { kind: 'not-figure', next: after + 2 }
    }
    if ((joiner === ':' || joiner === '/') && view.isNumber(after + 1)) {
      return { kind: 'not-figure', next: numberChainEnd(view, core) }
    }
  }
  const suffix = view.attached(after) ? view.writtenWord(after) : undefined
  if (suffix !== undefined) {
    const scale = attachedScales.get(suffix)
    const points = pointAbbreviations.get(suffix.toLowerCase())
    const pence = hasCurrency ? null : gluedHundredth(suffix, digits)
    const counts = countsMillions(view, suffix, after) || countsThousands(view, suffix, core)
    if (scale && (!scale.needsCurrency || hasCurrency || counts)) {
      result.exponent = scale.exponent
      result.next = after + 1
    } else if (pence !== null) {
      result.unit = pence.unit
      result.exponent = pence.exponent
      result.next = after + 1
    } else if (points !== undefined) {
      result.unit = points
      result.next = after + 1
    } else if (suffix === percentAbbreviation && !hasCurrency) {
      result.unit = '%'
      result.next = after + 1
    } else {
      return { kind: 'not-figure', next: after + 1 }
    }
  }
  if (joiner === '¢' && result.next === after) {
    // `60¢`, `US60¢`: the hundredth of the currency written before it, else of the dollar.
    result.exponent = -2
    if (!hasCurrency) result.unit = 'USD'
    result.next = after + 1
  }
  if (joiner === '%' || view.attachedSymbol(result.next) === '%') {
    if (result.unit === null && !hasCurrency) {
      result.unit = '%'
      result.next++
    }
  }
  return result
}

/** A spelled number as a base number; a hyphenated compound (`one-off`) is no figure. */
function readSpelled(view: TokenView, core: number): BaseRead {
  // SPEC 5.1: `a`/`an` right before a scale word is one of it (`a billion dollars` is 1e9 USD).
  const article = view.word(core)
  if ((article === 'a' || article === 'an') && spacedScales.has(view.spacedWord(core + 1) ?? '')) {
    return {
      kind: 'number',
      plain: '1',
      exponent: 0,
      unit: null,
      next: core + 1,
      dashNext: false,
      spelled: 0
    }
  }
  const spelled = readSpelledNumber(view, core)
  if (spelled === null || spelled.kind === 'compound') {
    return spelled && { kind: 'not-figure', next: spelled.next }
  }
  const { value, next } = spelled
  return {
    kind: 'number',
    plain: String(value),
    exponent: 0,
    unit: null,
    next,
    dashNext: false,
    spelled: value
  }
}

/**
 * The amount must start a word of its own: a letter, digit or joining symbol touching it on the
 * left makes the number part of a name (`G7`, `COVID-19`, `#1`).
 */
function leftIsClear(view: TokenView, first: number): boolean {
  if (!view.attached(first)) return !isNamedNumber(view, first)
  const before = view.at(first - 1)
  if (!before || before.kind === 'boundary') return true
  return before.kind === 'symbol' && (leftOpeners.has(before.text) || isPairDash(view, first - 1))
}

function isYearLike(view: TokenView, amount: Amount, signed: boolean): boolean {
  const token = view.at(amount.core)
  const digits = token?.digits
  if (!digits || digits.grouped || digits.decimal || digits.plain.length !== 4) return false
  const value = Number(digits.plain)
  if (value < 1900 || value > 2100) return false
  return !signed && !amount.tilde && !amount.scaled && (amount.unit === null || amount.counted)
}

/**
 * A bare `one` is usually a pronoun or an idiom (`one of`, `no one`, `one day`): it is a figure
 * only with a scale, a percent or a counted noun, and not after `the`, `no`, `any` ...
 */
function oneIsACount(view: TokenView, amount: Amount): boolean {
  const before = view.spaced(amount.first) ? view.word(amount.first - 1) : undefined
  if (before !== undefined && onePronounMarkers.has(before)) return false
  if (amount.scaled || (amount.unit !== null && !amount.counted)) return true
  return amount.counted && !oneIdioms.has(amount.unit ?? '')
}
