/**
 * Turns an amount read by `readAmount` into a figure (SPEC 5), with what may follow it: a second
 * amount that makes a range (`10-12%`, `5 to 7 days`), or nothing. Shared by the readers that end
 * in an amount, and the place where two amounts are joined into one range.
 */
import type { Approx } from '../types.js'
import type { Amount } from './amount.js'
import type { FoundFigure, Step } from './construct.js'
import type { TokenView } from './token-view.js'
import { readAmount } from './amount.js'
import { quoteEnd } from './number-quote.js'

/** The value, unit and approx of a figure, without its tokens. */
export type FigureParts = Omit<FoundFigure, 'first' | 'last'>

/**
 * The figure of `amount` (its phrase starting at token `first`), a range when a second amount
 * follows, or a skip when the amount reads as a year (unless an approximator counts it:
 * `over 2000 people`) or its value overflows.
 */
export function amountFigure(
  view: TokenView,
  first: number,
  amount: Amount,
  approx: Approx,
  phrase: string | null
): Step {
  const second = rangeEnd(view, first, amount)
  if (amount.yearLike && !(phrase !== null && amount.counted)) {
    return { kind: 'skip', next: second === null ? amount.last + 1 : second.last + 1 }
  }
  const high = second === null ? null : quoteEnd(view, amount, second)
  if (high !== null && !descendingPair(view, amount, high)) {
    const range = joinRange(amount, high)
    if (range !== null) return { kind: 'figure', figure: { first, last: high.last, ...range } }
  }
  // A sign gives the direction and the value is the magnitude (SPEC 5.1: `−3%` is 3, down).
  const value = Number(`${amount.plain}e${amount.exponent}`)
  if (!Number.isFinite(value)) return { kind: 'skip', next: amount.last + 1 }
  const { unit, counted, sign } = amount
  const figure = { first, last: amount.last, value, unit, approx, phrase, counted }
  return { kind: 'figure', figure: sign === null ? figure : { ...figure, sign } }
}

/**
 * One figure from two amounts: the unit and scale written once are shared (`10-12%`,
 * `$1.8-2.1 billion`); two different units make no range (`14% to $3,000`).
 */
export function joinRange(low: Amount, high: Amount): FigureParts | null {
  if (low.unit !== null && high.unit !== null && low.unit !== high.unit) return null
  const [lowExponent, highExponent] = sharedExponents(low, high)
  const a = valueOf(low, lowExponent)
  const b = valueOf(high, highExponent)
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null
  return {
    value: [Math.min(a, b), Math.max(a, b)],
    unit: low.unit ?? high.unit,
    approx: 'range',
    phrase: null,
    counted: low.unit === null ? high.counted : low.counted
  }
}

/**
 * The scales of two amounts read as one range reads them: a scale written once, on the end that
 * makes the pair ascend, counts for both (`2 to 3 million`, `$1.8 billion to 2`).
 */
export function sharedExponents(low: Amount, high: Amount): [number, number] {
  if (!low.scaled && high.scaled && Number(low.plain) <= Number(high.plain)) {
    return [high.exponent, high.exponent]
  }
  if (low.scaled && !high.scaled && Number(high.plain) >= Number(low.plain)) {
    return [low.exponent, low.exponent]
  }
  return [low.exponent, high.exponent]
}

/**
 * What a phrase reader of two amounts found from token `first`: two years are skipped whole
 * (`between 2020 and 2025`), two amounts of one unit are a range, anything else is left to the
 * next reader.
 */
export function rangeStep(first: number, low: Amount, high: Amount): Step {
  if (low.yearLike && high.yearLike) return { kind: 'skip', next: high.last + 1 }
  const range = joinRange(low, high)
  if (range === null) return null
  return { kind: 'figure', figure: { first, last: high.last, ...range } }
}

/**
 * The second amount of `X-Y`, `X – Y` or `X to Y` after `amount`, or null. `from X to Y` states a
 * move between two levels, not a range, so it yields two figures.
 */
function rangeEnd(view: TokenView, first: number, amount: Amount): Amount | null {
  const after = amount.last + 1
  const joiner = view.symbol(after)
  if (joiner === '-' || joiner === '–') {
    const tight = view.attached(after) && view.attached(after + 1)
    const loose = view.spaced(after) && view.spaced(after + 1)
    if (!tight && !loose) return null
    const read = readAmount(view, after + 1, { joined: true })
    return read.kind === 'amount' ? read.amount : null
  }
  if (view.spacedWord(after) !== 'to' || !view.spaced(after + 1)) return null
  if (view.spaced(first) && view.word(first - 1) === 'from') return null
  const read = readAmount(view, after + 1, { joined: false })
  if (read.kind !== 'amount') return null
  if (amount.yearLike && !read.amount.yearLike) return null
  return read.amount
}

/**
 * `50%-46%`, `3-1`: a dash between a higher and a lower number of the same scale is a poll's or a
 * score's pair, two figures (SPEC 5.3), not a range written backwards.
 */
function descendingPair(view: TokenView, low: Amount, high: Amount): boolean {
  const dash = view.symbol(low.last + 1)
  if (dash !== '-' && dash !== '–') return false
  return low.exponent === high.exponent && Number(low.plain) > Number(high.plain)
}

/** The number with its scale, built from decimal text so that `1.1 billion` is exact. */
function valueOf(amount: Amount, exponent: number): number {
  const magnitude = Number(`${amount.plain}e${exponent}`)
  return amount.negative ? -magnitude : magnitude
}
