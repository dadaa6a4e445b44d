/**
 * Spelled numbers from `one` to `ninety-nine` (SPEC 5): `three`, `twenty-five`, `twenty five`.
 * A hyphenated word right after one makes a compound adjective (`one-off`, `three-day`), which
 * states no figure.
 */
import type { TokenView } from './token-view.js'
import { spelledTens, spelledUnits } from './lexicon.js'

/** A spelled number and the token after it, or a compound that holds no figure. */
export type SpelledRead =
  { kind: 'spelled'; value: number; next: number } | { kind: 'compound'; next: number } | null

/** Read the spelled number whose first word is the token `core`, if it is one. */
export function readSpelledNumber(view: TokenView, core: number): SpelledRead {
  const word = view.word(core)
  if (word === undefined) return null
  const tens = spelledTens.get(word)
  let value = tens ?? spelledUnits.get(word)
  if (value === undefined) return null
  let next = core + 1
  if (tens !== undefined) {
    const joined = view.attachedSymbol(next) === '-' && view.attached(next + 1)
    const unitWord = joined ? view.word(next + 1) : view.spacedWord(next)
    const unit = spelledUnits.get(unitWord ?? '')
    if (unit !== undefined && unit < 10) {
      value += unit
      next += joined ? 2 : 1
    }
  }
  if (view.attachedSymbol(next) === '-' && view.attachedWord(next + 1) !== undefined) {
    return { kind: 'compound', next: next + 2 }
  }
  return { kind: 'spelled', value, next }
}
