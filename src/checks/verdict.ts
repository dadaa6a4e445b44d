/**
 * The verdict on one figure: does the value the data gives support what the prose states?
 * Implements the approximator table, the direction rule and the tolerances of SPEC 5.
 */
import type { Approx, Direction, Figure, Tolerance } from '../types.js'
import { formatFraction, formatValue } from './format-value.js'
import { writtenPrecision } from './written-precision.js'
import type { WrittenPrecision } from './written-precision.js'

/** What a figure is judged against besides the data. */
export interface JudgeOptions {
  /** Site tolerances (`factcheck.tolerance` in `data/site.yaml`). */
  tolerance: Tolerance
  /** The check's `direction`; replaces the one read from the prose. */
  direction?: Direction
  /** The check's `tolerance`; replaces the site's `about`, `nearly` or `slightly` for this figure. */
  toleranceOverride?: number
}

/** The verdict on one figure. */
export interface Judgement {
  status: 'verified' | 'contradicted'
  /** `stated over 7%, data -7.41%`; contradicted messages say why in parentheses. */
  message: string
  /** An `over` figure the data exceeds by the site's `understated` factor or more. */
  understated: boolean
}

/**
 * Comparisons treat values closer than this fraction of their magnitude as equal, so a bound is
 * exact under floating point: `14.5` is inside `14%`, and a change computed as `7.000000000000006`
 * is not "over 7%". A billionth is far below any precision a newsroom writes and far above
 * double rounding error.
 */
export const relativeEpsilon = 1e-9

/**
 * Judges `figure` against `actual` (SPEC 5). With a direction the rule is applied to `|actual|`,
 * and a sign that disagrees contradicts the figure; an actual of zero (within
 * {@link relativeEpsilon} of the stated value) is no movement, so it contradicts either direction.
 * Without a direction the rule is applied to `actual` as it is.
 */
export function judgeFigure(figure: Figure, actual: number, options: JudgeOptions): Judgement {
  const direction = options.direction ?? figure.direction
  const shown = formatActual(figure, actual, direction)
  const stated = `stated ${figure.text}, data ${shown}`

  if (direction !== null) {
    const sign = signOf(actual, figure.value)
    const expected = direction === 'down' ? -1 : 1
    if (sign !== expected) {
      const verb = direction === 'down' ? 'fell' : 'rose'
      const moved = sign === 0 ? 'data unchanged' : sign < 0 ? 'data fell' : 'data rose'
      return {
        status: 'contradicted',
        message: `stated ${verb} ${figure.text}, data ${shown} (${moved})`,
        understated: false
      }
    }
  }

  const measured = direction === null ? actual : Math.abs(actual)
  const failure = ruleFailure(figure, measured, options)
  if (failure !== null) {
    return { status: 'contradicted', message: `${stated} (${failure})`, understated: false }
  }

  const s = Array.isArray(figure.value) ? figure.value[0] : figure.value
  const factor = options.tolerance.understated
  const understated = approxOf(figure) === 'over' && s > 0 && atLeast(measured, s * factor)
  if (understated) {
    const ratio = formatValue(measured / s, null, { decimals: 1 })
    return {
      status: 'verified',
      message: `${stated} (understated: the data is ${ratio} times the stated figure)`,
      understated
    }
  }
  return { status: 'verified', message: stated, understated }
}

/**
 * Writes the data's value for `figure` in the figure's unit, two digits finer than the figure is
 * written so a near miss shows; signed when a direction makes the sign part of the claim.
 */
export function formatActual(figure: Figure, actual: number, direction: Direction | null): string {
  return formatValue(actual, figure.unit, {
    signed: direction !== null,
    decimals: Math.max(2, writtenPrecision(figure).decimals + 2)
  })
}

// The reason the rule of the figure's approximator fails, or null when it holds.
// Widths use |s| so that the table's rules, written for positive figures, keep their meaning
// for a negative stated value.
/**
 * Whether `actual` supports `figure`: the status `judgeFigure` gives, without its message. The
 * suggestions of issue 20 try hundreds of values on each figure, and most of them fail.
 */
export function supports(figure: Figure, actual: number, options: JudgeOptions): boolean {
  const direction = options.direction ?? figure.direction
  if (direction !== null && signOf(actual, figure.value) !== (direction === 'down' ? -1 : 1))
    return false
  const measured = direction === null ? actual : Math.abs(actual)
  return ruleFailure(figure, measured, options, unsaid) === null
}

/** `supports` asks whether a rule fails, never why: its messages need no stated value. */
const unsaid = (): string => ''

function ruleFailure(
  figure: Figure,
  a: number,
  options: JudgeOptions,
  stated?: () => string
): string | null {
  const approx = approxOf(figure)
  if (approx === 'range') return rangeFailure(figure, a, stated)

  const s = Array.isArray(figure.value) ? figure.value[0] : figure.value
  // The stated value as the message writes it, made only for a failure's message.
  const S = stated ?? ((): string => formatValue(s, figure.unit, { decimals: 6 }))
  const { tolerance, toleranceOverride } = options
  const width = Math.abs(s)

  switch (approx) {
    case 'exact': {
      if (roundsTo(figure, a, s)) return null
      // A check's tolerance loosens an exact figure as it would an `about` one.
      if (toleranceOverride !== undefined && within(a, s, width * toleranceOverride)) return null
      return `does not round to ${S()}`
    }
    case 'over':
      return greater(a, s) ? null : `not over ${S()}`
    case 'at-least':
      return atLeast(a, s) ? null : `not at least ${S()}`
    case 'under':
      return greater(s, a) ? null : `not under ${S()}`
    case 'at-most':
      return atLeast(s, a) ? null : `not at most ${S()}`
    case 'nearly': {
      const t = toleranceOverride ?? tolerance.nearly
      if (!atLeast(s, a)) return `above ${S()}`
      return atLeast(a, s - width * t) ? null : `more than ${formatFraction(t)} below ${S()}`
    }
    case 'about': {
      const t = toleranceOverride ?? tolerance.about
      return within(a, s, width * t) || roundsTo(figure, a, s)
        ? null
        : `not within ${formatFraction(t)} of ${S()}`
    }
    case 'just-over': {
      const t = toleranceOverride ?? tolerance.slightly
      if (!greater(a, s)) return `not over ${S()}`
      return atLeast(s + width * t, a) ? null : `more than ${formatFraction(t)} over ${S()}`
    }
    case 'just-under': {
      const t = toleranceOverride ?? tolerance.slightly
      if (!greater(s, a)) return `not under ${S()}`
      return atLeast(a, s - width * t) ? null : `more than ${formatFraction(t)} under ${S()}`
    }
  }
}

function rangeFailure(figure: Figure, a: number, stated?: () => string): string | null {
  const [low, high] = Array.isArray(figure.value) ? figure.value : [figure.value, figure.value]
  if (atLeast(a, low) && atLeast(high, a)) return null
  if (stated !== undefined) return stated()
  const from = formatValue(low, figure.unit, { decimals: 6 })
  const to = formatValue(high, figure.unit, { decimals: 6 })
  return `not between ${from} and ${to}`
}

// A range value always means a range, whatever approximator detection attached to it.
function approxOf(figure: Figure): Approx {
  return Array.isArray(figure.value) ? 'range' : figure.approx
}

function roundsTo(figure: Figure, a: number, s: number): boolean {
  return within(a, s, precisionOf(figure).unit / 2)
}

// A figure's written precision is read from its text once, however many values are tried on it.
const precisions = new WeakMap<Figure, WrittenPrecision>()

function precisionOf(figure: Figure): WrittenPrecision {
  let precision = precisions.get(figure)
  if (precision === undefined) {
    precision = writtenPrecision(figure)
    precisions.set(figure, precision)
  }
  return precision
}

function within(a: number, s: number, halfWidth: number): boolean {
  return atLeast(a, s - halfWidth) && atLeast(s + halfWidth, a)
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= relativeEpsilon * Math.max(Math.abs(a), Math.abs(b))
}

function greater(a: number, b: number): boolean {
  return a > b && !nearlyEqual(a, b)
}

function atLeast(a: number, b: number): boolean {
  return a >= b || nearlyEqual(a, b)
}

function signOf(actual: number, stated: number | [number, number]): -1 | 0 | 1 {
  const reference = Math.abs(Array.isArray(stated) ? stated[1] : stated)
  if (Math.abs(actual) <= relativeEpsilon * reference) return 0
  return actual < 0 ? -1 : 1
}
