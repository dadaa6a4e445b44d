/**
 * An amount on its own (SPEC 5): `$1.8 billion`, `470,000 investors`, `~5%`, or a range of two
 * (`10-12%`). A number that is no figure (a date, a time, an ordinal, a name) is skipped whole.
 * Last in the list: it reads what no longer phrase claimed.
 */
import type { Construct, Step } from '../construct.js'
import type { TokenView } from '../token-view.js'
import { readAmount } from '../amount.js'
import { amountFigure } from '../amount-figure.js'

/** The bare amount reader. */
export const bareAmount: Construct = { name: 'bare-amount', read }

function read(view: TokenView, index: number): Step {
  const amount = readAmount(view, index, { joined: false })
  if (amount.kind === 'none') return null
  if (amount.kind === 'not-figure') return { kind: 'skip', next: amount.next }
  const approx = amount.amount.tilde ? 'about' : 'exact'
  return amountFigure(view, index, amount.amount, approx, null)
}
