/**
 * The shape of a figure phrase reader (SPEC 5), after micromark's constructs: each reader tries
 * one kind of phrase at a token and says what it found there, and `detectFigures` asks the
 * readers of `constructs.ts` in order. A new kind of phrase is one module and one list entry.
 */
import type { Approx, Direction } from '../types.js'
import type { TokenView } from './token-view.js'

/** A figure before positions are attached: its tokens and what was read from them. */
export interface FoundFigure {
  /** First and last token of the figure phrase, inclusive. */
  first: number
  last: number
  value: number | [number, number]
  unit: string | null
  approx: Approx
  /** The approximator phrase, lower-cased, when there is one (`more than`). */
  phrase: string | null
  /** True when the unit is a counted noun (`investors`). */
  counted: boolean
  /** The direction a sign before the number gives (`−3%`, `+2.5%`), which movement words do not override. */
  sign?: Direction
}

/**
 * What a reader found at a token: a figure, a number that is no figure and is skipped whole up
 * to `next` (a year, a date, a name), or `null` when its phrase does not start there, which lets
 * the next reader of the list try.
 */
export type Step = { kind: 'figure'; figure: FoundFigure } | { kind: 'skip'; next: number } | null

/** One figure phrase reader. */
export interface Construct {
  /** Kebab-case name, for tests and for reading the list. */
  name: string
  /** Read the phrase starting at token `index` of `view`, if this reader's phrase starts there. */
  read(view: TokenView, index: number): Step
}
