/**
 * An approximator phrase with its amount (SPEC 5): `over 7%`, `just under 3%`, `below the $99,000`
 * (a `the` between is taken in). The longest phrase wins; a `~` on the amount still reads as
 * `about`. Without an amount after it the phrase is left to the next reader, and so is `up to`
 * right after a movement word, where it means `to` (SPEC 5.4: `jumps up to $11 million` names the
 * level reached, approx `exact`).
 */
import type { Construct, Step } from '../construct.js'
import type { TokenView } from '../token-view.js'
import { readAmount } from '../amount.js'
import { amountFigure } from '../amount-figure.js'
import { approximatorAt } from '../qualifiers.js'
import { movementWords } from '../movement-lexicon.js'

/** The approximator-with-amount reader. */
export const approximatorPhrase: Construct = { name: 'approximator-phrase', read }

function read(view: TokenView, index: number): Step {
  const approximator = approximatorAt(view, index)
  if (approximator === null || !view.spaced(approximator.next)) return null
  if (
    approximator.phrase === 'up to' &&
    view.spaced(index) &&
    movementWords.has(view.word(index - 1) ?? '')
  ) {
    return null
  }
  const afterThe = view.word(approximator.next) === 'the' && view.spaced(approximator.next + 1)
  const from = afterThe ? approximator.next + 1 : approximator.next
  const amount = readAmount(view, from, { joined: false })
  if (amount.kind !== 'amount') return null
  const approx = amount.amount.tilde ? 'about' : approximator.approx
  return amountFigure(view, index, amount.amount, approx, approximator.phrase)
}
