/**
 * `X to Y` that is no range but two figures (SPEC 5.3): a descending pair, as in a poll or a score
 * (`leads 47 percent to 39 percent`), or a change and the level it reaches, the unit written
 * after the first amount only (`lost 500 points to 38,000`; a range writes its unit at the end or
 * on both ends) or the level far above the change (`fell £151 to £1,923`). This reader claims the first amount alone, so that the second is read on its own
 * after it; a unit written only after the second (`47 to 39 percent`) counts for both. Any other
 * `X to Y` (`10 to 12 percent`) is left to the bare amount reader, which joins it into a range.
 */
import type { Construct, Step } from '../construct.js'
import type { TokenView } from '../token-view.js'
import type { Amount } from '../amount.js'
import { readAmount } from '../amount.js'
import { directionOf } from '../qualifiers.js'
import { sharedExponents } from '../amount-figure.js'

/**
 * A change is taken for the level it reaches, not the low end of a range, when a movement word or a
 * sign gives it a direction and the level is at least this many times larger (`fell £151 to
 * £1,923`, `+$0.99 to $31.06`); a range of changes spans less (`rose 10 to 12 percent`).
 */
const levelRatio = 10

/** The reader of an `X to Y` that is no range. */
export const toPair: Construct = { name: 'to-pair', read }

/** Units written after the number (a currency may stand before it: `$5 to 6`). */
const unitsAfter = new Set(['%', 'pp', 'bp'])

/** How many tokens after the first a `to` is looked for before any amount is read. */
const toReach = 8

function read(view: TokenView, index: number): Step {
  if (!toAhead(view, index)) return null
  const first = readAmount(view, index, { joined: false })
  if (first.kind !== 'amount' || first.amount.dashNext) return null
  const low = first.amount
  const to = low.last + 1
  if (view.spacedWord(to) !== 'to' || !view.spaced(to + 1)) return null
  if (view.spaced(index) && view.word(index - 1) === 'from') return null
  const second = readAmount(view, to + 1, { joined: false })
  if (second.kind !== 'amount') return null
  const high = second.amount
  if (low.yearLike || high.yearLike) return null
  if (low.unit !== null && high.unit !== null && low.unit !== high.unit) return null
  const unitFirstOnly = (low.counted || unitsAfter.has(low.unit ?? '')) && high.unit === null
  if (!unitFirstOnly && !descends(low, high) && !changeToLevel(view, index, low, high)) return null
  const value = Number(`${low.plain}e${low.exponent}`)
  if (!Number.isFinite(value)) return null
  const shared = low.unit === null && !high.counted
  const figure = {
    first: index,
    last: low.last,
    value,
    unit: shared ? high.unit : low.unit,
    approx: low.tilde ? ('about' as const) : ('exact' as const),
    phrase: null,
    counted: low.counted
  }
  return { kind: 'figure', figure: low.sign === null ? figure : { ...figure, sign: low.sign } }
}

/** True when a moved `low` reaches a level `high` far above it. */
function changeToLevel(view: TokenView, index: number, low: Amount, high: Amount): boolean {
  const a = Number(`${low.plain}e${low.exponent}`)
  const b = Number(`${high.plain}e${high.exponent}`)
  if (!(a > 0) || b < a * levelRatio) return false
  if (low.sign !== null) return true
  const subject = { first: index, last: low.last, phrase: null, counted: low.counted }
  return directionOf(view, subject) !== null
}

/**
 * True when the first amount is the larger, the scale written once shared as a range shares it
 * (`2 to 3 million` ascends).
 */
function descends(low: Amount, high: Amount): boolean {
  const [lowExponent, highExponent] = sharedExponents(low, high)
  const a = Number(`${low.plain}e${lowExponent}`) * (low.negative ? -1 : 1)
  const b = Number(`${high.plain}e${highExponent}`) * (high.negative ? -1 : 1)
  return a > b
}

/** A `to` within reach: most tokens have none, and are turned away before an amount is read. */
function toAhead(view: TokenView, index: number): boolean {
  const next = nextToOf(view)[index + 1] ?? view.length
  return next <= index + toReach
}

// Asked at every token: the next `to` after each token, found in one pass per text.
const nextTos = new WeakMap<TokenView, Int32Array>()

function nextToOf(view: TokenView): Int32Array {
  let next = nextTos.get(view)
  if (next === undefined) {
    next = new Int32Array(view.length + 1).fill(view.length)
    for (let at = view.length - 1; at >= 0; at--)
      next[at] = view.word(at) === 'to' ? at : (next[at + 1] ?? view.length)
    nextTos.set(view, next)
  }
  return next
}
