/**
 * The figure phrase readers (SPEC 5), in the order `detectFigures` tries them at each token; the
 * first that finds its phrase there wins. So a reader whose phrase begins with what a later one
 * would read alone must stand before it, and the bare amount, which reads any number, comes last.
 * A new kind of figure phrase is a module under `constructs/` and one entry here.
 */
import type { Construct } from './construct.js'
import { betweenRange } from './constructs/between-range.js'
import { approximatorPhrase } from './constructs/approximator-phrase.js'
import { bareAmount } from './constructs/bare-amount.js'
import { rangeFrom } from './constructs/range-from.js'
import { toPair } from './constructs/to-pair.js'

/** Every figure phrase reader, in the order they are tried. */
export const constructs: readonly Construct[] = [
  betweenRange,
  rangeFrom,
  approximatorPhrase,
  toPair,
  bareAmount
]
