/**
 * The periods a suggested check can read (issue 20), as rows of a dated column: the starts of the
 * changes ending on a day (the row before, a week, a month, a quarter and a year back, the dates
 * the sentences name, the year's start) and the windows ending on it. Every row is found by
 * binary search over the sorted keys, so a period costs the same on ten rows as on ten years.
 */
import { lowerBound, upperBound } from '../checks/datasets/series.js'
import type { NumberColumn } from './data-columns.js'
import type { DateSpan } from './named-dates.js'

/**
 * The periods of changes and windows: the row before (a day's move), a week, a month, a quarter,
 * a year or the year so far, a period the sentence names, the whole series up to the article's
 * date, or a run of days of no name ("since the start of the move"), tried from two days to a
 * month back.
 */
export type WindowKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'named' | 'whole' | 'span'

/** The dates the periods are built around. */
export interface PeriodInput {
  /** The article's date, ISO. */
  today: string
  spans: readonly DateSpan[]
  since: readonly string[]
  /** Some sentence speaks of a period without dating it: runs of days of no name are tried. */
  vague: boolean
}

/** The first rows of the periods a change can run over, ending at row `at`, with their kind. */
export function startsBefore(
  column: NumberColumn,
  at: number,
  input: PeriodInput
): Map<number, WindowKind> {
  const { keys, values } = column
  const atKey = keys[at] ?? ''
  // The first kind found for a row is kept: the row before is a day's move before it is a week's.
  const starts = new Map<number, WindowKind>()
  const add = (index: number, kind: WindowKind): void => {
    if (
      index >= 0 &&
      index < at &&
      !Number.isNaN(values[index] ?? Number.NaN) &&
      !starts.has(index)
    )
      starts.set(index, kind)
  }
  for (let index = at - 1; index >= 0; index--)
    if (!Number.isNaN(values[index] ?? Number.NaN)) {
      add(index, 'day')
      break
    }
  for (const [back, kind] of periodsBack)
    add(lastIndexAtOrBefore(keys, shiftDate(atKey, back)), kind)
  for (const since of [...input.since, ...input.spans.map((span) => span.from)])
    add(firstIndexAtOrAfter(keys, since), 'named')
  add(firstIndexAtOrAfter(keys, startOfYear(input.today)), 'year')
  if (input.vague)
    for (let days = 2; days <= maxSpanDays; days++)
      add(lastIndexAtOrBefore(keys, shiftDate(atKey, { days })), 'span')
  return starts
}

/** The longest run of days of no name a change is tried over. */
const maxSpanDays = 31

const periodsBack: ReadonlyArray<
  readonly [{ days?: number; months?: number; years?: number }, WindowKind]
> = [
  [{ days: 7 }, 'week'],
  [{ months: 1 }, 'month'],
  [{ months: 3 }, 'quarter'],
  [{ years: 1 }, 'year']
]

export interface Window {
  from: number
  to: number
  kind: WindowKind
}

/** The windows that end at row `at`: since each named day, the week, the month, the year so far. */
export function windowsEnding(keys: readonly string[], at: number, input: PeriodInput): Window[] {
  const atKey = keys[at] ?? ''
  const starts: [string, WindowKind][] = [
    ...input.since.map((since): [string, WindowKind] => [since, 'named']),
    [shiftDate(atKey, { days: 6 }), 'week'],
    // A trading week: five sessions.
    [shiftDate(atKey, { days: 4 }), 'week'],
    [shiftDate(atKey, { months: 1 }, 1), 'month'],
    [startOfYear(atKey), 'year']
  ]
  // Starts that fall on the same row (the year began with the file) are one window.
  const froms = new Map<number, WindowKind>()
  for (const [start, kind] of starts) {
    const from = firstIndexAtOrAfter(keys, start)
    if (from >= 0 && from < at && !froms.has(from)) froms.set(from, kind)
  }
  return [...froms].map(([from, kind]) => ({ from, to: at, kind }))
}

export function lastValidAtOrBefore(column: NumberColumn, day: string): number {
  for (let index = lastIndexAtOrBefore(column.keys, day); index >= 0; index--)
    if (!Number.isNaN(column.values[index] ?? Number.NaN)) return index
  return -1
}

/** Rows from the first key >= `from` to the last key <= `to`, when there are some. */
export function rowsOf(keys: readonly string[], from: string, to: string): Window | undefined {
  const first = firstIndexAtOrAfter(keys, from)
  const last = lastIndexAtOrBefore(keys, to)
  return first >= 0 && last >= first ? { from: first, to: last, kind: 'named' } : undefined
}

export function exactIndex(keys: readonly string[], key: string): number {
  const index = firstIndexAtOrAfter(keys, key)
  return index >= 0 && keys[index] === key ? index : -1
}

/** Index of the first key >= `key`, or -1 when every key is smaller. */
function firstIndexAtOrAfter(keys: readonly string[], key: string): number {
  const index = lowerBound(keys, key)
  return index < keys.length ? index : -1
}

/** Index of the last key <= `key`, or -1 when every key is larger. */
function lastIndexAtOrBefore(keys: readonly string[], key: string): number {
  return upperBound(keys, key) - 1
}

/** `date` moved back by `by`, then forward `plusDays`: ISO dates in UTC. */
function shiftDate(
  date: string,
  by: { days?: number; months?: number; years?: number },
  plusDays = 0
): string {
  const day = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(day.getTime())) return date
  day.setUTCFullYear(
    day.getUTCFullYear() - (by.years ?? 0),
    day.getUTCMonth() - (by.months ?? 0),
    day.getUTCDate() - (by.days ?? 0) + plusDays
  )
  return day.toISOString().slice(0, 10)
}

function startOfYear(date: string): string {
  return `${date.slice(0, 4)}-01-01`
}
