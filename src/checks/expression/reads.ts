/**
 * What an evaluation read from tables (issue 19): for each series, the keys it looked up one by
 * one and the key ranges it read whole, so that a chart can show the series around them and mark
 * them. A read keeps a reference to the loaded table and a few key strings, never a copy of the
 * rows, so recording costs a lookup and a push per read whatever the size of the series.
 */
import type { DataDescription } from '../../data/dictionary.js'
import type { Table } from '../datasets/dataset.js'
import type { Expression } from './ast.js'

/** One series (a column of a table) an evaluation read. */
export interface SeriesRead {
  alias: string
  /** The column as the expression named it: `['close']`, or record keys then the column. */
  path: readonly string[]
  /** Site-relative data file. */
  file: string
  description: DataDescription | undefined
  /** The loaded table, shared with every other check of the build: read it, never change it. */
  table: Table
  /** Index of the column in `table.columns`. */
  column: number
  /** Keys looked up one by one (`value`, `change`, `series[key]`), in the order first read. */
  points: string[]
  /** First and last key of each range read whole (`max`, `mean`, `count`...), in order read. */
  ranges: [string, string][]
}

/** The reads of one evaluation; a fresh log per evaluation. */
export interface ReadLog {
  series: SeriesRead[]
}

/** Where a series was read: the fields of a series value a read is recorded from. */
export interface ReadPlace {
  alias: string
  path: readonly string[]
  file: string
  description: DataDescription | undefined
  table: Table
  column: number
  reads?: ReadLog | undefined
}

/** A new, empty log. */
export function createReadLog(): ReadLog {
  return { series: [] }
}

/** Records that `key` of the series at `place` was looked up. */
export function notePoint(place: ReadPlace, key: string): void {
  const read = readOf(place)
  if (read !== undefined && !read.points.includes(key)) read.points.push(key)
}

/** Records that the rows of the series at `place` from `first` to `last` (keys) were read. */
export function noteRange(place: ReadPlace, first: string, last: string): void {
  const read = readOf(place)
  if (read === undefined) return
  if (!read.ranges.some(([a, b]) => a === first && b === last)) read.ranges.push([first, last])
}

// The record of the series at `place` in its log, made on first use; none without a log.
// A log holds one record per column read, rarely more than two, so a scan finds it.
function readOf(place: ReadPlace): SeriesRead | undefined {
  const log = place.reads
  if (log === undefined) return undefined
  const known = log.series.find(
    (read) => read.table === place.table && read.column === place.column
  )
  if (known !== undefined) return known
  const read: SeriesRead = {
    alias: place.alias,
    path: place.path,
    file: place.file,
    description: place.description,
    table: place.table,
    column: place.column,
    points: [],
    ranges: []
  }
  log.series.push(read)
  return read
}

/**
 * How the result relates to the one series an evaluation read, which is what lets a chart draw
 * the stated figure in the series' own units: the result is a value of it (`level`), the change
 * or percent change between the two keys read, or the drawdown of the key read from the peak of
 * the range read. Undefined for every other expression (a sum, a share, arithmetic).
 */
export type ResultForm = 'level' | 'change' | 'pct-change' | 'drawdown'

const callForms: ReadonlyMap<string, ResultForm> = new Map([
  ['value', 'level'],
  ['min', 'level'],
  ['max', 'level'],
  ['mean', 'level'],
  ['change', 'change'],
  ['pct_change', 'pct-change'],
  ['drawdown', 'drawdown']
])

/** The form of the result of `expression`, whose evaluation left `log`. */
export function formOf(expression: Expression, log: ReadLog): ResultForm | undefined {
  const [only, other] = log.series
  if (only === undefined || other !== undefined) return undefined
  if (expression.type === 'index') return 'level'
  if (expression.type !== 'call' || expression.callee.type !== 'identifier') return undefined
  return callForms.get(expression.callee.name)
}
