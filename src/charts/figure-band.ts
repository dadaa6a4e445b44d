/**
 * The values a stated figure allows, as an interval a chart can shade (issue 19). It follows the
 * approximator table, direction rule and tolerances of SPEC 5 as `checks/verdict.ts` applies them,
 * then maps the interval of results into the series' own units through the form of the result:
 * a value of the series is drawn as it is, a change as the end values it allows from the start.
 */
import type { Direction, Figure, Tolerance } from '../types.js'
import { writtenPrecision } from '../checks/written-precision.js'

/** A closed interval; an open end is an infinity, which a chart clips to its plot. */
export type Band = readonly [low: number, high: number]

/** What the verdict on a figure weighs besides the figure itself. */
export interface BandOptions {
  tolerance: Tolerance
  /** The check's direction, else the figure's. */
  direction: Direction | null
  /** The check's own tolerance, replacing the site's for `about`, `nearly` and `slightly`. */
  toleranceOverride?: number
}

/** The results of a check's expression that `figure` allows: the interval the verdict accepts. */
export function allowedResults(figure: Figure, options: BandOptions): Band {
  const [low, high] = allowedMeasure(figure, options)
  // A direction judges |result| and requires the sign: a fall of 7 to 10% is a result of -10..-7.
  if (options.direction === 'down') return [-high, Math.min(-low, 0)]
  if (options.direction === 'up') return [Math.max(low, 0), high]
  return [low, high]
}

/** The end values of a change from `start` whose results lie in `results`. */
export function changeBand(results: Band, start: number, percent: boolean): Band {
  const end = (result: number): number => (percent ? start * (1 + result / 100) : start + result)
  return ordered(end(results[0]), end(results[1]))
}

/** The values at the key read whose drawdown from `peak`, in percent, lies in `results`. */
export function drawdownBand(results: Band, peak: number): Band {
  const at = (result: number): number => peak * (1 - result / 100)
  return ordered(at(results[0]), at(results[1]))
}

// The interval of the measured value (|result| under a direction), rule by rule of SPEC 5.
function allowedMeasure(figure: Figure, options: BandOptions): Band {
  if (Array.isArray(figure.value)) return ordered(figure.value[0], figure.value[1])
  const s = figure.value
  const width = Math.abs(s)
  const { tolerance, toleranceOverride } = options
  const rounding = writtenPrecision(figure).unit / 2
  switch (figure.approx) {
    case 'exact': {
      const half = Math.max(
        rounding,
        toleranceOverride === undefined ? 0 : width * toleranceOverride
      )
      return [s - half, s + half]
    }
    case 'over':
    case 'at-least':
      return [s, Infinity]
    case 'under':
    case 'at-most':
      return [-Infinity, s]
    case 'nearly':
      return [s - width * (toleranceOverride ?? tolerance.nearly), s]
    case 'about': {
      const half = Math.max(rounding, width * (toleranceOverride ?? tolerance.about))
      return [s - half, s + half]
    }
    case 'just-over':
      return [s, s + width * (toleranceOverride ?? tolerance.slightly)]
    case 'just-under':
      return [s - width * (toleranceOverride ?? tolerance.slightly), s]
    case 'range':
      return [s, s]
  }
}

function ordered(a: number, b: number): Band {
  return a <= b ? [a, b] : [b, a]
}
