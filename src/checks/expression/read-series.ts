/**
 * Reading values out of a series for the evaluator and the function table (SPEC 6): keys and date
 * arguments are checked first (a date must be a real `YYYY-MM-DD` where the keys are dates), and a
 * cell becomes a number only if it is a plain number, else a `data-value` error naming the file,
 * line, column and cell.
 */
import { isIsoDate } from '../datasets/iso-date.js'
import {
  keySpan,
  nearestKeys,
  plainNumber,
  rowOf,
  rowsBefore,
  rowsBetween
} from '../datasets/series.js'
import { ExpressionFailure, choices } from './failure.js'
import { formatKey } from './explain.js'
import { notePoint, noteRange } from './reads.js'
import { describeKind, labelOf, nameOf, numberValue, unitOf } from './values.js'
import type { NumberValue, SeriesValue, Value } from './values.js'

/** The key a value names in `series`: a date string where keys are dates, a label otherwise. */
export function keyFor(series: SeriesValue, key: Value): string {
  if (key.kind === 'number' && !series.table.dateKeys) return String(key.value)
  if (key.kind !== 'string') {
    throw new ExpressionFailure(
      'check-error',
      `${nameOf(series)} is keyed by ${series.table.dateKeys ? 'dates' : 'labels'}: write the key in double quotes, e.g. ${nameOf(series)}["${series.table.sortedKeys[0] ?? '2025-11-04'}"], not ${describeKind(key)}`
    )
  }
  if (series.table.dateKeys) return dateFor(key.value)
  return key.value
}

/** A date argument, which must be a real ISO date string. */
export function dateArgument(value: Value, role: string): string {
  if (value.kind !== 'string') {
    throw new ExpressionFailure(
      'check-error',
      `${role} must be a date in double quotes, e.g. "2025-11-04", not ${describeKind(value)}`
    )
  }
  return dateFor(value.value)
}

/** The value of `series` at `key`, described for the panel: `Bitcoin's low on 4 November 2025`. */
export function valueAt(series: SeriesValue, key: string): NumberValue {
  const row = rowOf(series.table, key)
  if (row === undefined) throw missingKey(series, key)
  const value = cellNumber(series, row)
  notePoint(series, key)
  return numberValue(value, `${labelOf(series)}${formatKey(key)}`, undefined, unitOf(series))
}

/**
 * The numbers of `series` from `from` to `to` inclusive (open ends when absent), in key order.
 * Ranges need date keys; an empty range is an error, because a check over no data proves nothing.
 */
export function valuesBetween(series: SeriesValue, from?: string, to?: string): number[] {
  return rowsInRange(series, from, to).map((row) => cellNumber(series, row))
}

/** Row numbers of `series` in the inclusive range, checked as `valuesBetween` describes. */
export function rowsInRange(series: SeriesValue, from?: string, to?: string): number[] {
  if ((from !== undefined || to !== undefined) && !series.table.dateKeys) {
    throw new ExpressionFailure(
      'check-error',
      `${nameOf(series)} is keyed by labels, not dates, so it takes no date range: leave out the dates`
    )
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new ExpressionFailure(
      'check-error',
      `the range starts on ${from}, after it ends on ${to}: swap the dates`
    )
  }
  const rows = rowsBetween(series.table, from, to)
  if (rows.length === 0) {
    throw new ExpressionFailure(
      'check-error',
      `${nameOf(series)} has no values ${rangeWords(from, to)}${coverage(series)}`
    )
  }
  noteRead(series, rows)
  return rows
}

/**
 * Row numbers of `series` from `from` (inclusive) up to `before` (exclusive), in key order, noted
 * as read like every range (`reads.ts`); the caller says what an empty range means.
 */
export function rowsUpTo(series: SeriesValue, from: string, before: string): number[] {
  const rows = rowsBefore(series.table, from, before)
  noteRead(series, rows)
  return rows
}

function noteRead(series: SeriesValue, rows: readonly number[]): void {
  const first = series.table.keys[rows[0] ?? -1]
  const last = series.table.keys[rows[rows.length - 1] ?? -1]
  if (first !== undefined && last !== undefined) noteRange(series, first, last)
}

/** A cell as a number, or a `data-value` error: `data/x.csv:124: close on 2025-11-04 is "n/a", not a number`. */
export function cellNumber(series: SeriesValue, row: number): number {
  const text = series.table.cells[series.column]?.[row] ?? ''
  const value = plainNumber(text)
  if (value !== undefined) return value
  const line = series.table.lines[row] ?? 1
  const column = series.table.columns[series.column] ?? ''
  const key = series.table.keys[row] ?? ''
  const shown =
    text.trim() === '' ? 'empty' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`
  throw new ExpressionFailure(
    'data-value',
    `${series.file}:${line}: ${column}${series.table.dateKeys ? ' on' : ' for'} ${key} is ${shown}, not a number`
  )
}

/**
 * `btc.close has no value for 2025-11-05 (data/markets/btc-usd.csv covers 2021-01-01..2025-11-04)`
 * past either end of the data; inside it, a gap names the dates on both sides of it, which is
 * what an editor who picked a weekend or a holiday needs to choose another date.
 */
export function missingKey(series: SeriesValue, key: string): ExpressionFailure {
  if (series.table.dateKeys || series.table.keys.length === 0) {
    const nearest = nearestKeys(series.table, key)
    const where =
      nearest === undefined
        ? coverage(series)
        : `: ${series.file} has no row for that date (nearest: ${nearest.before} and ${nearest.after})`
    return new ExpressionFailure('check-error', `${nameOf(series)} has no value for ${key}${where}`)
  }
  return new ExpressionFailure(
    'check-error',
    `${nameOf(series)} has no value for "${key}" (${series.file} ${choices('keys', series.table.keys, key, true)})`
  )
}

function coverage(series: SeriesValue): string {
  const span = keySpan(series.table)
  return span === undefined
    ? ` (${series.file} has no rows)`
    : ` (${series.file} covers ${span.first}..${span.last})`
}

function rangeWords(from?: string, to?: string): string {
  if (from !== undefined && to !== undefined) return `from ${from} to ${to}`
  if (from !== undefined) return `from ${from} on`
  if (to !== undefined) return `up to ${to}`
  return 'at all'
}

function dateFor(text: string): string {
  if (isIsoDate(text)) return text
  const shape = /^\d{4}-\d{2}-\d{2}$/.test(text)
  throw new ExpressionFailure(
    'check-error',
    shape
      ? `"${text}" is not a real date (YYYY-MM-DD)`
      : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a date: write dates as YYYY-MM-DD, e.g. "2025-11-04"`
  )
}
