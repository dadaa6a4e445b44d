/**
 * What qualifies a figure from outside its number (SPEC 5): the approximator phrase before it
 * (`just over`, `below the`) and the direction a movement word gives it (`fell 7%`, `a 14% drop`).
 */
import type { Approx, Direction } from '../types.js'
import type { TokenView } from './token-view.js'
import { approximators, levelApproximators, longestApproximator } from './lexicon.js'
import {
  longestMovementFiller,
  movementFillers,
  movementNouns,
  movementWords
} from './movement-lexicon.js'

/** An approximator phrase found at a token. */
export interface ApproximatorMatch {
  approx: Approx
  /** The phrase lower-cased, words joined by one space: `more than`. */
  phrase: string
  /** The token after the phrase. */
  next: number
}

/**
 * How many words back a movement word is looked for: past the longest filler phrase
 * (`fell as much as 7%`), to the movement word itself.
 */
const movementReach = longestMovementFiller + 1
const articles = new Set(['a', 'an', 'the'])
/** The first word of every approximator phrase. */
const approximatorStarts = new Set([...approximators.keys()].map((phrase) => phrase.split(' ')[0]))

/**
 * The longest approximator phrase that starts at token `index` (case-insensitive), so that
 * `just over` wins over `over` and `no more than` over `more than`.
 */
export function approximatorAt(view: TokenView, index: number): ApproximatorMatch | null {
  // Asked at every token: most words start no phrase, and are turned away before any phrase is built.
  const first = view.word(index)
  if (first === undefined || !approximatorStarts.has(first)) return null
  const words: string[] = []
  for (let offset = 0; offset < longestApproximator; offset++) {
    const word = offset === 0 ? view.word(index) : view.spacedWord(index + offset)
    if (word === undefined) break
    words.push(word)
  }
  for (let count = words.length; count > 0; count--) {
    const phrase = words.slice(0, count).join(' ')
    const approx = approximators.get(phrase)
    if (approx !== undefined) return { approx, phrase, next: index + count }
  }
  return null
}

/** What the direction reading needs to know about the figure. */
export interface DirectionSubject {
  /** First and last token of the figure phrase. */
  first: number
  last: number
  /** The approximator phrase, when there is one. */
  phrase: string | null
  /** True when the unit is a counted noun, whose next word may be a verb (`5 investors drop`). */
  counted: boolean
}

/**
 * The direction of a figure that states a change: a movement word before it, with fillers and
 * `-ly` adverbs allowed between (`plummeted over 7%`, `fell sharply by 7%`), or a movement noun
 * right after it (`a 14% drop`). A level approximator (`fell below $3,100`) or any other word
 * between (`climbed past $100,000`, `fell to $3,000`) leaves it without one.
 */
export function directionOf(view: TokenView, subject: DirectionSubject): Direction | null {
  if (subject.phrase !== null && levelApproximators.has(subject.phrase)) return null
  let index = subject.first - 1
  for (let step = 0; step < movementReach && view.spaced(index + 1); step++, index--) {
    const word = view.word(index)
    if (word === undefined) break
    // `gave up 552 points`: to give up ground is to lose it.
    if (word === 'up' && givingWords.has(view.word(index - 1) ?? '')) return 'down'
    const direction = movementWords.get(word)
    if (direction !== undefined) return direction
    if (!movementFillers.has(word) && !(word.length >= 4 && word.endsWith('ly'))) break
  }
  // `a rise of 0.3%`, `an increase of 5,000`: an article, a movement noun, `of`, the figure. A
  // noun that names a thing (`a storm surge of up to 4 feet`) has no article right before it.
  const of = subject.first - 1
  if (view.word(of) === 'of' && view.spaced(subject.first) && view.spaced(of)) {
    const before = movementNouns.get(view.word(of - 1) ?? '')
    if (before !== undefined && articles.has(view.spacedWord(of - 2) ?? '')) return before
  }
  const noun = movementNouns.get(view.spacedWord(subject.last + 1) ?? '')
  if (noun === undefined) return null
  const article = view.spaced(subject.first) ? view.word(subject.first - 1) : undefined
  // After a counted noun a movement word is mostly its verb (`5 investors drop`); a comparative is
  // not (`ends 650 points lower`).
  const comparative = comparatives.has(view.spacedWord(subject.last + 1) ?? '')
  return !subject.counted || comparative || articles.has(article ?? '') ? noun : null
}

const givingWords = new Set(['gave', 'give', 'gives', 'giving', 'given'])
const comparatives = new Set(['lower', 'higher'])

/** The figure read just before, for a restated change (`fell 318 points, or 0.8%`). */
export interface PreviousFigure {
  last: number
  direction: Direction | null
  unit: string | null
}

/**
 * The direction of a figure that restates the change before it in another unit: `, or` or an
 * opening parenthesis right after a figure with a direction (`fell 318 points, or 0.8%`, `rose
 * 5% (0.3 points)`) gives it the same direction (SPEC 5.4). A level stays without one.
 */
export function restatedDirection(
  view: TokenView,
  subject: DirectionSubject & { unit: string | null },
  previous: PreviousFigure | null
): Direction | null {
  if (previous?.direction == null) return null
  if (subject.phrase !== null && levelApproximators.has(subject.phrase)) return null
  let index = previous.last + 1
  if (view.symbol(index) === '(' && view.attached(index + 1)) {
    return index + 1 === subject.first ? previous.direction : null
  }
  if (view.symbol(index) === ',' && view.attached(index)) {
    // `fell 2,997 points, nearly 13%`: a percentage right after the comma restates a change
    // written in another unit.
    if (index + 1 === subject.first && subject.unit === '%' && previous.unit !== '%')
      return previous.direction
    index++
  }
  if (view.spacedWord(index) !== 'or' || !view.spaced(index + 1)) return null
  return index + 1 === subject.first ? previous.direction : null
}
