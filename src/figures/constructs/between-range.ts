/**
 * `between 10 and 12%` (SPEC 5): a range only when both amounts are there and agree on their unit.
 * Two years (`between 2020 and 2025`) are skipped whole; anything else leaves `between` to the
 * next reader.
 */
import type { Construct, Step } from '../construct.js'
import type { TokenView } from '../token-view.js'
import { readAmount } from '../amount.js'
import { rangeStep } from '../amount-figure.js'

/** The `between X and Y` range reader. */
export const betweenRange: Construct = { name: 'between-range', read }

function read(view: TokenView, index: number): Step {
  if (view.word(index) !== 'between' || !view.spaced(index + 1)) return null
  const low = readAmount(view, index + 1, { joined: false })
  if (low.kind !== 'amount') return null
  const and = low.amount.last + 1
  if (view.spacedWord(and) !== 'and' || !view.spaced(and + 1)) return null
  const high = readAmount(view, and + 1, { joined: false })
  if (high.kind !== 'amount') return null
  return rangeStep(index, low.amount, high.amount)
}
