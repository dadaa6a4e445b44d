/**
 * A change stated once for two figures (SPEC 5.4, as copy editors read it): `the number fell by
 * 56 000 in the EU28 and by 5 000 in the euro area`, `fell 12 per cent for GM and 7.5 per cent
 * for Ford`. The second figure takes the first one's direction when it is coordinated with it:
 * `and by` before it, or `and` with the same unit and the same preposition after each figure.
 * Beyond the SPEC's letter; the corpus of published copy holds both forms.
 */
import type { Direction } from '../types.js'
import type { TokenView } from './token-view.js'

/** The figure read just before, as the coordination rule needs it. */
export interface CoordinatedFigure {
  last: number
  direction: Direction | null
  unit: string | null
}

/** What the rule needs of the figure being read. */
export interface CoordinatedSubject {
  first: number
  last: number
  unit: string | null
}

/** Words a figure's place phrase starts with (`in the euro area`, `for Ford`). */
const prepositions = new Set(['in', 'for', 'at', 'on', 'among', 'across'])

/** The most tokens a place phrase may have between the first figure and `and`. */
const placeReach = 4

/** The direction `subject` shares with `previous` by coordination, or null. */
export function coordinatedDirection(
  view: TokenView,
  subject: CoordinatedSubject,
  previous: CoordinatedFigure | null
): Direction | null {
  if (previous?.direction == null || previous.unit !== subject.unit) return null
  let and = subject.first - 1
  const viaBy = view.word(and) === 'by' && view.spaced(and) && view.spaced(subject.first)
  if (viaBy) and--
  if (view.word(and) !== 'and' || !view.spaced(and + 1) || !view.spaced(and)) return null
  const between = and - previous.last - 1
  if (between < 0 || between > placeReach) return null
  for (let index = previous.last + 1; index < and; index++) {
    // Words, and digits glued to one (`the EU28`): a place, never another figure.
    const word = view.word(index) !== undefined && view.spaced(index)
    if (!word && !(view.isNumber(index) && view.attached(index))) return null
  }
  if (viaBy) return previous.direction
  // `X for GM and Y for Ford`: the same preposition after both figures makes them parallel.
  const place = view.word(previous.last + 1)
  if (between === 0 || place === undefined || !prepositions.has(place)) return null
  return view.spacedWord(subject.last + 1) === place ? previous.direction : null
}
