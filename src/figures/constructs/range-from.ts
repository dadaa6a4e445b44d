/**
 * `range(s|d) from X to Y` (SPEC 5.3): after a `range` word, `from X to Y` states an interval, not
 * a move between two levels, and approximators on either end are taken in (`ranges from about $2
 * billion to about $10 billion` is one range, [2e9, 1e10] USD). Two years are skipped whole;
 * anything else leaves `from` to the next reader.
 */
import type { Construct, Step } from '../construct.js'
import type { TokenView } from '../token-view.js'
import type { AmountRead } from '../amount.js'
import { readAmount } from '../amount.js'
import { rangeStep } from '../amount-figure.js'
import { approximatorAt } from '../qualifiers.js'

/** The `range(s|d) from X to Y` reader. */
export const rangeFrom: Construct = { name: 'range-from', read }

const rangeWords = new Set(['range', 'ranges', 'ranged', 'ranging'])

function read(view: TokenView, index: number): Step {
  if (view.word(index) !== 'from' || !view.spaced(index)) return null
  if (!rangeWords.has(view.word(index - 1) ?? '')) return null
  const low = amountAfterApproximator(view, index + 1)
  if (low.kind !== 'amount') return null
  const to = low.amount.last + 1
  if (view.spacedWord(to) !== 'to') return null
  const high = amountAfterApproximator(view, to + 1)
  if (high.kind !== 'amount') return null
  return rangeStep(index, low.amount, high.amount)
}

/** The amount at token `index`, past an approximator phrase (`about`) when there is one. */
function amountAfterApproximator(view: TokenView, index: number): AmountRead {
  if (!view.spaced(index)) return { kind: 'none' }
  const approximator = approximatorAt(view, index)
  const from = approximator !== null && view.spaced(approximator.next) ? approximator.next : index
  return readAmount(view, from, { joined: false })
}
