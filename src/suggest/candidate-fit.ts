/**
 * How well a candidate fits a figure (issue 20), as a score: higher is better. What counts, in
 * order of weight: the unit (a percent figure wants a percent result, `$` a column in USD, "470,000
 * traders" a column named for traders), the dates the sentence names, the words of the sentence
 * found among the candidate's names ("Ether" and the dictionary's subject of `eth-usd.csv`), how
 * close the value lies to the stated one, nearness to the article's date, and simplicity (a value
 * before a change, a change before a window, a window before a drawdown). A figure that moves
 * ("fell 7%") is a change; one that does not ("$99,420") is a level.
 */
import type { Figure } from '../types.js'
import type { Candidate, Family, WindowKind } from './candidates.js'
import { stem, wordsOf } from './data-columns.js'
import type { DataNumbers } from './data-columns.js'
import type { NamedDates } from './named-dates.js'

/** Columns a market's move is measured on, unless the sentence says otherwise. */
const usual = new Set(['close', 'closing', 'price', 'last', 'value', 'level'])

function moves(candidate: Candidate): boolean {
  return candidate.family === 'change' || candidate.family === 'pct_change'
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/** What a figure is matched with, worked out once per figure. */
export interface FigureContext {
  figure: Figure
  /** The stemmed words of its sentence. */
  words: ReadonlySet<string>
  /** The stemmed words of its clause: a name found there counts twice. */
  clause: ReadonlySet<string>
  /** The sentence speaks of a period without dating it: runs of days of no name are tried. */
  vague: boolean
  named: NamedDates
  /** The dates named within a few words of the figure. */
  near: NamedDates
}

/** How far a unit fits: 3 stated, 2 read from a name, 1 unknown, 0 refused. */
export function unitFit(figure: Figure, candidate: Candidate): number {
  const stated = figure.unit
  const unit = candidate.unit
  const names = candidate.source.words
  if (stated === '%') {
    if (unit === '%') return 3
    return unit === 'pp' ? 1 : 0
  }
  if (stated === 'pp') return unit === 'pp' ? 3 : unit === '%' ? 1 : 0
  if (stated === 'bp') return 0
  if (stated !== null && /^[A-Z]{3}$/u.test(stated)) {
    if (unit === stated) return 3
    if (unit === null && names.has(stated.toLowerCase())) return 3
    // The data desk described the column and gave it no currency: it counts something else.
    if (unit === null) return candidate.source.described ? 0 : 1
    return 0
  }
  if (stated === null) return unit === null ? 2 : isAmount(unit) ? 0 : 1
  // A counted noun: "traders", "hours", "square miles", or "BTC", which is no currency of SPEC 5.2.
  const nouns = stemmedWords(stated)
  const unitWords = unit === null ? [] : stemmedWords(unit)
  if (unitWords.some((word) => nouns.includes(word))) return 3
  if (unit !== null && isAmount(unit)) return 0
  if (nouns.some((noun) => names.has(noun))) return 3
  return 1
}

// Units are a handful of strings, each split into words once rather than once per candidate.
const unitWordCache = new Map<string, readonly string[]>()

function stemmedWords(unit: string): readonly string[] {
  let words = unitWordCache.get(unit)
  if (words === undefined) {
    words = wordsOf(unit).map(stem)
    if (unitWordCache.size < 10_000) unitWordCache.set(unit, words)
  }
  return words
}

/** A percent, points or a currency: never what a counted figure counts. */
function isAmount(unit: string): boolean {
  return unit === '%' || unit === 'pp' || /^[A-Z]{3}$/u.test(unit)
}

const simplicity: Readonly<Record<Family, number>> = {
  value: 0,
  change: 0.5,
  pct_change: 0.5,
  max: 1,
  min: 1,
  mean: 1.5,
  sum: 1.5,
  drawdown: 1.5,
  share: 1.5
}
const movements = new Set<Family>(['change', 'pct_change'])

/**
 * The words that say a sentence speaks of a window's extreme, average, total, a fall from a peak
 * or a part of a whole (stemmed, as `FigureContext.words`): "its lowest level", "off its August
 * peak", "90% of it".
 */
const cues: Partial<Record<Family, readonly string[]>> = {
  max: ['high', 'highest', 'peak', 'peaked', 'record', 'top', 'topped', 'maximum', 'most'],
  min: ['low', 'lowest', 'bottom', 'trough', 'minimum', 'least'],
  mean: ['average', 'averaged', 'mean'],
  sum: [
    'total',
    'totalled',
    'totaled',
    'combined',
    'cumulative',
    'altogether',
    'sold',
    'bought',
    'all'
  ],
  drawdown: ['peak', 'high', 'off', 'below', 'drawdown', 'under'],
  share: ['of', 'share', 'accounted', 'proportion', 'portion']
}

/** Words too common in data names and sentences to tell two series apart. */
const common = new Set([
  'the',
  'and',
  'of',
  'in',
  'on',
  'at',
  'to',
  'daily',
  'data',
  'total',
  'value',
  'us',
  'usd',
  'price'
])

// Every candidate reading one column shares its names: their overlap with a figure's sentence is
// counted once per column and figure.
const overlaps = new WeakMap<FigureContext, Map<DataNumbers, number>>()

/** Names found in the figure's clause count 2, elsewhere in its sentence a half. */
function overlapOf(context: FigureContext, source: DataNumbers): number {
  let bySource = overlaps.get(context)
  if (bySource === undefined) overlaps.set(context, (bySource = new Map()))
  let overlap = bySource.get(source)
  if (overlap === undefined) {
    overlap = 0
    for (const word of source.words) {
      if (common.has(word)) continue
      if (context.clause.has(word)) overlap += 2
      else if (context.words.has(word)) overlap += 0.5
    }
    bySource.set(source, overlap)
  }
  return overlap
}

/** The score of `candidate` for a figure in `context`, whose value `actual` verifies or not. */
export function fitScore(
  context: FigureContext,
  candidate: Candidate,
  fit: number,
  options: { closeness?: boolean } = {}
): number {
  const { figure } = context
  let score = 3 * fit
  const overlap = overlapOf(context, candidate.source)
  score += Math.min(overlap, 6)
  score += namedDateScore(context, candidate)
  score += Math.max(0, 2 - candidate.age)
  score -= simplicity[candidate.family]
  if (candidate.from === undefined && candidate.family !== 'value') score -= 0.5
  // A candidate that contradicts is off by definition: which reading was meant decides.
  if (options.closeness !== false) score += closeness(figure, candidate.value) * 2
  if (moves(candidate) && candidate.source.kind === 'column' && usual.has(candidate.source.column))
    score += 1.5
  score += windowScore(context, candidate)
  // "Held above $1,200 all week": the week's low stayed above it (its high, for "below").
  score += holding(context, candidate)
  const cue = cues[candidate.family]
  if (cue !== undefined) score += cue.some((word) => context.words.has(word)) ? 1.5 : -1
  const moving = movements.has(candidate.family)
  if (figure.direction !== null) score += moving ? 1.5 : -1.5
  else if (moving) score -= 2
  return score
}

/** The words that name each period (stemmed): "over the past week", "on the day", "this year". */
const periodWords: Readonly<Record<WindowKind, readonly string[]>> = {
  day: ['day', 'session', 'today', 'yesterday', 'overnight', 'daily', 'intraday', ...weekdays],
  week: ['week', 'weekly', 'seven'],
  month: ['month', 'monthly', 'thirty'],
  quarter: ['quarter', 'quarterly'],
  year: ['year', 'annual', 'annually', 'ytd'],
  named: [],
  whole: ['ever', 'record', 'history', 'all'],
  span: []
}

/**
 * A period the sentence names is worth a point; a day's move is the commonest in a daily report
 * and worth half of one when the sentence names no period.
 */
function windowScore(context: FigureContext, candidate: Candidate): number {
  const window = candidate.window
  if (window === undefined) return 0
  if (periodWords[window].some((word) => context.words.has(word))) return 1.5
  // A run of days no sentence names is the last reading tried.
  return window === 'day' ? 0.5 : window === 'span' ? -2 : 0
}

const holdWords = ['held', 'stayed', 'remained', 'kept', 'hovered']

function holding(context: FigureContext, candidate: Candidate): number {
  if (!holdWords.some((word) => context.words.has(word))) return 0
  const { approx } = context.figure
  const column = candidate.source.kind === 'column' ? candidate.source.column : ''
  if (candidate.family === 'min' && (approx === 'over' || approx === 'at-least'))
    return column === 'low' ? 2 : 1
  if (candidate.family === 'max' && (approx === 'under' || approx === 'at-most'))
    return column === 'high' ? 2 : 1
  return 0
}

/**
 * What reading the dates the sentence names is worth: more for dates written next to the figure
 * than for those elsewhere in its sentence ("over 7% ..., its lowest level since June" names
 * June for the low, not for the fall). A window that ignores dates named next to the figure loses
 * a little; a value on the article's own date does not, as that is what a level means by default.
 */
function namedDateScore(context: FigureContext, candidate: Candidate): number {
  if (readsNamed(context.near, candidate)) return 3
  if (readsNamed(context.named, candidate)) return 0.5
  const { near } = context
  const names = near.days.length + near.since.length + near.spans.length
  return names > 0 && !(candidate.family === 'value' && candidate.age === 0) ? -0.5 : 0
}

function readsNamed(named: NamedDates, candidate: Candidate): boolean {
  const { from, at } = candidate
  if (at !== undefined && named.days.includes(at)) return true
  if (from === undefined) return false
  if (named.since.includes(from) || named.days.includes(from)) return true
  return named.spans.some((span) => span.from <= from && from <= span.to)
}

/**
 * An `over` figure far below what the data says ("over $100 million" for $1.7 billion), or an
 * `under` one far above it: true, but not what a reporter would write (SPEC 5, `understated`), so
 * never suggested.
 */
export function understates(figure: Figure, actual: number, factor: number): boolean {
  const stated = Array.isArray(figure.value) ? figure.value[0] : figure.value
  const measured = figure.direction === null ? actual : Math.abs(actual)
  if (stated <= 0 || measured <= 0) return false
  // "under $100" for $2: as true, and as unlikely to be meant.
  if (figure.approx === 'under' || figure.approx === 'at-most') return measured * factor <= stated
  if (figure.approx !== 'over' && figure.approx !== 'at-least') return false
  return measured >= stated * factor
}

/**
 * Whether a value can be what the figure states at all: a level written as a positive number
 * (`below $99,000`) is never a negative change, however far below it lies.
 */
export function plausible(figure: Figure, actual: number): boolean {
  if (figure.direction !== null) return true
  const low = Array.isArray(figure.value) ? figure.value[0] : figure.value
  return low < 0 || actual >= 0
}

/** 1 when `actual` is the stated value, falling to 0 as it moves a tenth away. */
export function closeness(figure: Figure, actual: number): number {
  const stated = Array.isArray(figure.value)
    ? (figure.value[0] + figure.value[1]) / 2
    : figure.value
  const measured = figure.direction === null ? actual : Math.abs(actual)
  if (stated === 0) return measured === 0 ? 1 : 0
  const gap = Math.abs(measured - stated) / Math.abs(stated)
  return Math.max(0, 1 - gap * 10)
}

/** The relative distance of `actual` from the stated value, for the "closest" line. */
export function relativeGap(figure: Figure, actual: number): number {
  const stated = Array.isArray(figure.value)
    ? (figure.value[0] + figure.value[1]) / 2
    : figure.value
  const measured = figure.direction === null ? actual : Math.abs(actual)
  if (stated === 0) return measured === 0 ? 0 : Infinity
  return Math.abs(measured - stated) / Math.abs(stated)
}
