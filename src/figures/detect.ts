/**
 * Finds every figure in an article's prose (SPEC 5): one left-to-right pass over the tokens that
 * reads, at each token, a `between X and Y` range, an approximator phrase with its amount, or a
 * bare amount, with a bounded look around each. Numbers that are no figures (dates, years, times,
 * ordinals, names, listed phrases) are skipped whole.
 */
import type { Approx, Figure, Prose } from '../types.js'
import type { ScanStats } from './tokenize.js'
import type { Amount } from './amount.js'
import { tokenize } from './tokenize.js'
import { TokenView } from './token-view.js'
import { readAmount } from './amount.js'
import { approximatorAt, directionOf } from './qualifiers.js'
import { markListedNotFigures } from './listed-not-figures.js'
import { createLineIndex } from './line-index.js'
import { sourceExtentAt } from './source-align.js'

/** Options of `detectFigures`. */
export interface DetectOptions {
  /** Phrases whose numbers are names, never figures (`not_figures` of SPEC 3); case-sensitive. */
  notFigures: readonly string[]
  /** When given, counts the work done (characters scanned plus tokens read); default none. */
  stats?: ScanStats
}

/** A figure before positions are attached: its tokens and what was read from them. */
interface FoundFigure {
  first: number
  last: number
  value: number | [number, number]
  unit: string | null
  approx: Approx
  phrase: string | null
  counted: boolean
}

type Step = { kind: 'figure'; figure: FoundFigure } | { kind: 'skip'; next: number } | null

/**
 * Every figure of `prose` in document order. `markdown` is the source the prose was extracted
 * from (frontmatter blanked), used for `line`, `column`, `sourceStart` and `sourceEnd`.
 */
export function detectFigures(prose: Prose, markdown: string, options: DetectOptions): Figure[] {
  const tokens = tokenize(prose, options.stats)
  markListedNotFigures(tokens, prose.text, options.notFigures)
  const view = new TokenView(tokens, options.stats)
  const place = createLineIndex(markdown)
  const figures: Figure[] = []
  let index = 0
  while (index < view.length) {
    const step = figureAt(view, index)
    if (step === null) {
      index++
    } else if (step.kind === 'skip') {
      index = Math.max(step.next, index + 1)
    } else {
      const found = step.figure
      const direction = directionOf(view, found)
      figures.push(toFigure(view, prose, markdown, place, found, direction))
      index = found.last + 1
    }
  }
  return figures
}

/** Try a `between` range, an approximator with its amount, then a bare amount at `index`. */
function figureAt(view: TokenView, index: number): Step {
  if (view.word(index) === 'between') {
    const between = betweenRange(view, index)
    if (between !== null) return between
  }
  const approximator = approximatorAt(view, index)
  if (approximator !== null && view.spaced(approximator.next)) {
    const afterThe = view.word(approximator.next) === 'the' && view.spaced(approximator.next + 1)
    const from = afterThe ? approximator.next + 1 : approximator.next
    const read = readAmount(view, from, { joined: false })
    if (read.kind === 'amount') {
      const approx = read.amount.tilde ? 'about' : approximator.approx
      return amountFigure(view, index, read.amount, approx, approximator.phrase)
    }
  }
  const read = readAmount(view, index, { joined: false })
  if (read.kind === 'none') return null
  if (read.kind === 'not-figure') return { kind: 'skip', next: read.next }
  return amountFigure(view, index, read.amount, read.amount.tilde ? 'about' : 'exact', null)
}

/** An amount with what may follow it: a second amount making a range, or nothing. */
function amountFigure(
  view: TokenView,
  first: number,
  amount: Amount,
  approx: Approx,
  phrase: string | null
): Step {
  const second = rangeEnd(view, first, amount)
  if (amount.yearLike && !(phrase !== null && amount.counted)) {
    return { kind: 'skip', next: second === null ? amount.last + 1 : second.last + 1 }
  }
  if (second !== null) {
    const range = joinRange(amount, second)
    if (range !== null) return { kind: 'figure', figure: { first, last: second.last, ...range } }
  }
  const value = valueOf(amount, amount.exponent)
  if (!Number.isFinite(value)) return { kind: 'skip', next: amount.last + 1 }
  const { unit, counted } = amount
  return {
    kind: 'figure',
    figure: { first, last: amount.last, value, unit, approx, phrase, counted }
  }
}

/** `between 10 and 12%`: a range only when both amounts are there and agree on their unit. */
function betweenRange(view: TokenView, index: number): Step {
  if (!view.spaced(index + 1)) return null
  const low = readAmount(view, index + 1, { joined: false })
  if (low.kind !== 'amount') return null
  const and = low.amount.last + 1
  if (view.spacedWord(and) !== 'and' || !view.spaced(and + 1)) return null
  const high = readAmount(view, and + 1, { joined: false })
  if (high.kind !== 'amount') return null
  if (low.amount.yearLike && high.amount.yearLike) {
    return { kind: 'skip', next: high.amount.last + 1 }
  }
  const range = joinRange(low.amount, high.amount)
  if (range === null) return null
  return { kind: 'figure', figure: { first: index, last: high.amount.last, ...range } }
}

/**
 * The second amount of `X-Y`, `X – Y` or `X to Y` after `amount`, or null. `from X to Y` states a
 * move between two levels, not a range, so it yields two figures.
 */
function rangeEnd(view: TokenView, first: number, amount: Amount): Amount | null {
  const after = amount.last + 1
  const joiner = view.symbol(after)
  if (joiner === '-' || joiner === '–') {
    const tight = view.attached(after) && view.attached(after + 1)
    const loose = view.spaced(after) && view.spaced(after + 1)
    if (!tight && !loose) return null
    const read = readAmount(view, after + 1, { joined: true })
    return read.kind === 'amount' ? read.amount : null
  }
  if (view.spacedWord(after) !== 'to' || !view.spaced(after + 1)) return null
  if (view.spaced(first) && view.word(first - 1) === 'from') return null
  const read = readAmount(view, after + 1, { joined: false })
  if (read.kind !== 'amount') return null
  if (amount.yearLike && !read.amount.yearLike) return null
  return read.amount
}

type RangeParts = Omit<FoundFigure, 'first' | 'last'>

/**
 * One figure from two amounts: the unit and scale written once are shared (`10-12%`,
 * `$1.8-2.1 billion`); two different units make no range (`14% to $3,000`).
 */
function joinRange(low: Amount, high: Amount): RangeParts | null {
  if (low.unit !== null && high.unit !== null && low.unit !== high.unit) return null
  let lowExponent = low.exponent
  let highExponent = high.exponent
  if (!low.scaled && high.scaled && Number(low.plain) <= Number(high.plain)) {
    lowExponent = high.exponent
  } else if (low.scaled && !high.scaled && Number(high.plain) >= Number(low.plain)) {
    highExponent = low.exponent
  }
  const a = valueOf(low, lowExponent)
  const b = valueOf(high, highExponent)
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null
  return {
    value: [Math.min(a, b), Math.max(a, b)],
    unit: low.unit ?? high.unit,
    approx: 'range',
    phrase: null,
    counted: low.unit === null ? high.counted : low.counted
  }
}

/** The number with its scale, built from decimal text so that `1.1 billion` is exact. */
function valueOf(amount: Amount, exponent: number): number {
  const magnitude = Number(`${amount.plain}e${exponent}`)
  return amount.negative ? -magnitude : magnitude
}

function toFigure(
  view: TokenView,
  prose: Prose,
  markdown: string,
  place: ReturnType<typeof createLineIndex>,
  found: FoundFigure,
  direction: Figure['direction']
): Figure {
  const start = view.at(found.first)?.start ?? 0
  const end = view.at(found.last)?.end ?? start
  const { sourceStart, sourceEnd } = sourceSpan(prose, markdown, start, end)
  const { line, column } = place(sourceStart)
  return {
    text: prose.text.slice(start, end),
    value: found.value,
    unit: found.unit,
    approx: found.approx,
    direction,
    line,
    column,
    start,
    end,
    sourceStart,
    sourceEnd
  }
}

/** Source offsets of a prose span: from its first mapped character to the end of its last. */
function sourceSpan(prose: Prose, markdown: string, start: number, end: number) {
  const offsets = prose.sourceOffsets
  let first = start
  while (first < end && (offsets[first] ?? -1) < 0) first++
  let last = end - 1
  while (last > first && (offsets[last] ?? -1) < 0) last--
  const sourceStart = Math.max(0, offsets[first] ?? 0)
  const lastOffset = Math.max(sourceStart, offsets[last] ?? sourceStart)
  return { sourceStart, sourceEnd: lastOffset + sourceExtentAt(markdown, lastOffset) }
}
