/**
 * Every value a suggested check could compute for one article (issue 20), worked out on the
 * numbers directly: for each numeric column of a dated table, the value at the article's date
 * and the days before it; changes and percent changes over the day, the week, the month, the year
 * so far and since the dates the article's sentences name; minimum, maximum, mean and sum over
 * such windows and over named months; drawdowns from a peak in those periods; and the share of
 * one column in another on the same day. Labelled tables and records give their values. Each
 * candidate carries the expression that computes it in the check language, so a chosen one is
 * confirmed by the evaluator itself (`suggest-figure.ts`) before it is shown.
 *
 * The pool is bounded (`maxCandidates`), so suggestion costs the same on ten years of days as on
 * a month: every window is found by binary search over the sorted keys.
 */
import type { DataNumbers, NumberColumn } from './data-columns.js'
import { recordExpr, seriesExpr } from './expr-text.js'
import { exactIndex, lastValidAtOrBefore, rowsOf, startsBefore, windowsEnding } from './periods.js'
import type { Window, WindowKind } from './periods.js'
import type { DateSpan } from './named-dates.js'

/** How a candidate computes its value, simplest first. */
export type Family =
  'value' | 'change' | 'pct_change' | 'min' | 'max' | 'mean' | 'sum' | 'drawdown' | 'share'

export type { WindowKind } from './periods.js'

export interface Candidate {
  family: Family
  expr: string
  value: number
  /** The unit of the result: the column's, `%` for percent changes, shares and drawdowns. */
  unit: string | null
  /** The data read. */
  source: DataNumbers
  /** The first and last days read (the last is the day the value is "at"). */
  from?: string
  at?: string
  /** Rows between the article's date and `at`: 0 on the day, 1 the row before. */
  age: number
  /** The period a change or a window covers, as a sentence would name it. */
  window?: WindowKind
}

/** What the pool is built around. */
export interface PoolInput {
  numbers: readonly DataNumbers[]
  /** The article's date, ISO. */
  today: string
  /** Every day, span and start the article's figure sentences name. */
  days: readonly string[]
  spans: readonly DateSpan[]
  since: readonly string[]
  /** Some sentence speaks of a period without dating it (`periods.ts`). */
  vague: boolean
}

/** The most candidates one article's pool holds. */
export const maxCandidates = 6000
/** Rows before the article's date whose values are candidates themselves. */
const daysBack = 4
/** Rows of a labelled table whose values are candidates. */
const maxLabelRows = 200

/** Every candidate of the article, up to `maxCandidates`. */
export function candidatePool(input: PoolInput): Candidate[] {
  const pool: Candidate[] = []
  const add = (candidate: Candidate): void => {
    if (pool.length < maxCandidates && Number.isFinite(candidate.value)) pool.push(candidate)
  }
  const columnsByAlias = new Map<string, NumberColumn[]>()
  for (const source of input.numbers) {
    if (source.kind === 'record') {
      add({
        family: 'value',
        expr: recordExpr(source.alias, source.path),
        value: source.value,
        unit: source.unit,
        source,
        age: 0
      })
    } else if (source.dateKeys) {
      datedCandidates(source, input, add)
      const siblings = columnsByAlias.get(source.alias) ?? []
      siblings.push(source)
      columnsByAlias.set(source.alias, siblings)
    } else {
      labelledCandidates(source, add)
    }
  }
  for (const columns of columnsByAlias.values()) shareCandidates(columns, input, add)
  return pool
}

function datedCandidates(
  column: NumberColumn,
  input: PoolInput,
  add: (c: Candidate) => void
): void {
  const { keys, values } = column
  const last = lastValidAtOrBefore(column, input.today)
  if (last < 0) return
  const name = seriesExpr(column)
  const ats: number[] = []
  for (let index = last; index >= 0 && ats.length <= daysBack; index--)
    if (!Number.isNaN(values[index] ?? Number.NaN)) ats.push(index)
  for (const day of input.days) {
    const index = exactIndex(keys, day)
    if (index >= 0 && !ats.includes(index) && !Number.isNaN(values[index] ?? Number.NaN))
      ats.push(index)
  }
  for (const [order, at] of ats.entries()) {
    const atKey = keys[at] ?? ''
    const age = order <= daysBack ? order : 0
    const value = values[at] ?? Number.NaN
    add({
      family: 'value',
      expr: `${name}["${atKey}"]`,
      value,
      unit: column.unit,
      source: column,
      at: atKey,
      age
    })
    // Changes and windows end on the latest days and on the days a sentence names.
    if (order > 1 && !input.days.includes(atKey)) continue
    // Runs of days of no name end on the latest day only: a vague "since the move" is recent.
    const periods = order === 0 ? input : { ...input, vague: false }
    const unit = changeUnit(column.unit)
    for (const [from, window] of startsBefore(column, at, periods)) {
      const start = values[from] ?? Number.NaN
      const fromKey = keys[from] ?? ''
      const dates = `"${fromKey}", "${atKey}"`
      const expr = `change(${name}, ${dates})`
      const change = value - start
      add({
        family: 'change',
        expr,
        value: change,
        unit,
        source: column,
        from: fromKey,
        at: atKey,
        age,
        window
      })
      if (start === 0) continue
      const pct = `pct_change(${name}, ${dates})`
      const percent = (value / start - 1) * 100
      add({
        family: 'pct_change',
        expr: pct,
        value: percent,
        unit: '%',
        source: column,
        from: fromKey,
        at: atKey,
        age,
        window
      })
    }
    for (const window of windowsEnding(keys, at, input))
      windowCandidates(column, window, at, age, add)
  }
  // The whole series up to the article's date, its dates written: a row appended later must not
  // change what a check says ("a record high" is the highest so far).
  if (last > 0) windowCandidates(column, { from: 0, to: last, kind: 'whole' }, last, 0, add)
  for (const span of input.spans) {
    const window = rowsOf(keys, span.from, span.to)
    if (window !== undefined) windowCandidates(column, window, last, 0, add)
  }
}

/** Aggregates over `window`, and the drawdown at row `at` from the window's peak. */
function windowCandidates(
  column: NumberColumn,
  window: Window,
  at: number,
  age: number,
  add: (c: Candidate) => void
): void {
  const summary = aggregate(column.values, window.from, window.to)
  if (summary === undefined) return
  const fromKey = column.keys[window.from] ?? ''
  const atKey = column.keys[window.to] ?? ''
  const name = seriesExpr(column)
  const base = { source: column, from: fromKey, at: atKey, age, window: window.kind }
  const dates = `"${fromKey}", "${atKey}"`
  for (const family of ['max', 'min', 'mean', 'sum'] as const)
    add({
      ...base,
      family,
      expr: `${family}(${name}, ${dates})`,
      value: summary[family],
      unit: column.unit
    })
  // A fall from the period's peak: "nearly 40% below its August peak".
  const value = column.values[at] ?? Number.NaN
  if (summary.max > 0 && at >= window.to && !Number.isNaN(value)) {
    const atDay = column.keys[at] ?? ''
    const drop = ((summary.max - value) / summary.max) * 100
    const expr = `drawdown(${name}, "${atDay}", ${dates})`
    add({ ...base, at: atDay, family: 'drawdown', expr, value: drop, unit: '%' })
  }
}

function shareCandidates(
  columns: NumberColumn[],
  input: PoolInput,
  add: (c: Candidate) => void
): void {
  for (const part of columns) {
    const at = lastValidAtOrBefore(part, input.today)
    const atKey = part.keys[at] ?? ''
    for (const whole of columns) {
      if (whole === part || whole.unit !== part.unit) continue
      const a = part.values[at] ?? Number.NaN
      const index = exactIndex(whole.keys, atKey)
      const b = whole.values[index] ?? Number.NaN
      if (!(a > 0 && b > a)) continue
      add({
        family: 'share',
        expr: `share(${seriesExpr(part)}["${atKey}"], ${seriesExpr(whole)}["${atKey}"])`,
        value: (a / b) * 100,
        unit: '%',
        source: part,
        at: atKey,
        age: 0
      })
    }
  }
}

function labelledCandidates(column: NumberColumn, add: (c: Candidate) => void): void {
  const name = seriesExpr(column)
  for (const [index, key] of column.keys.slice(0, maxLabelRows).entries()) {
    const value = column.values[index] ?? Number.NaN
    add({
      family: 'value',
      expr: `${name}[${JSON.stringify(key)}]`,
      value,
      unit: column.unit,
      source: column,
      age: 0
    })
  }
  wholeSeries(column, ['max', 'min', 'sum'], 0, add)
}

/** Aggregates of every row of `column`, written without dates: `max(acme.close)`. */
function wholeSeries(
  column: NumberColumn,
  families: readonly ('max' | 'min' | 'mean' | 'sum')[],
  age: number,
  add: (c: Candidate) => void
): void {
  const summary = aggregate(column.values, 0, column.keys.length - 1)
  if (summary === undefined) return
  const name = seriesExpr(column)
  for (const family of families) {
    const expr = `${family}(${name})`
    add({
      family,
      expr,
      value: summary[family],
      unit: column.unit,
      source: column,
      age,
      window: 'whole'
    })
  }
}

/** Minimum, maximum, mean and sum of rows `from` to `to`; undefined when one is not a number. */
function aggregate(
  values: Float64Array,
  from: number,
  to: number
): { min: number; max: number; mean: number; sum: number } | undefined {
  let min = Infinity
  let max = -Infinity
  let sum = 0
  for (let index = from; index <= to; index++) {
    const value = values[index] ?? Number.NaN
    if (Number.isNaN(value)) return undefined
    if (value < min) min = value
    if (value > max) max = value
    sum += value
  }
  const count = to - from + 1
  return count > 0 ? { min, max, sum, mean: sum / count } : undefined
}

function changeUnit(unit: string | null): string | null {
  return unit === '%' ? 'pp' : unit
}
