/**
 * Reading a table the way checks do (SPEC 6): one value by key through the Map index, a date range
 * by binary search over the sorted keys, and a cell as a number only when it is a plain number.
 * None of these scan the rows, so a check costs the same on ten rows and on ten years of days.
 */
import type { Table } from './dataset.js'

/** The row number of `key`, or undefined when the table has no such key. */
export function rowOf(table: Table, key: string): number | undefined {
  return table.index.get(key)
}

/**
 * Row numbers of the keys from `from` to `to` inclusive, in key order, whether or not `from` and
 * `to` are keys themselves; an absent bound leaves that end open. Meant for date keys, which sort
 * as text.
 */
export function rowsBetween(table: Table, from?: string, to?: string): number[] {
  const first = from === undefined ? 0 : lowerBound(table.sortedKeys, from)
  const end = to === undefined ? table.sortedKeys.length : upperBound(table.sortedKeys, to)
  return table.sortedRows.slice(first, Math.max(first, end))
}

/** Row numbers of the keys from `from` (inclusive) up to `before` (exclusive), in key order. */
export function rowsBefore(table: Table, from: string, before: string): number[] {
  const first = lowerBound(table.sortedKeys, from)
  const end = lowerBound(table.sortedKeys, before)
  return table.sortedRows.slice(first, Math.max(first, end))
}

/** The first and last keys in key order, for messages that say what a table covers. */
export function keySpan(table: Table): { first: string; last: string } | undefined {
  const first = table.sortedKeys[0]
  const last = table.sortedKeys[table.sortedKeys.length - 1]
  return first === undefined || last === undefined ? undefined : { first, last }
}

/** The number column `column` of the table, or -1: column names are matched exactly. */
export function columnOf(table: Table, name: string): number {
  return table.columns.indexOf(name)
}

/**
 * A cell's text as a number when it is a plain number (`-7.41`, `98000`, `2e9`) or one grouped by
 * thousands with commas (`11,890`, `1,234,567.89`: how spreadsheets export a formatted cell, in
 * quotes in a CSV), else undefined. A comma anywhere else (`11,89`, `1,2345`) may be a decimal
 * comma, so it is refused rather than guessed, as are `NaN`, `Infinity`, units and empty cells.
 * The one reader of numbers in data: CSV, TSV and JSON or YAML strings read alike.
 */
export function plainNumber(text: string): number | undefined {
  const trimmed = text.trim()
  const digits = thousandsGrouped.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(digits)) return undefined
  const value = Number(digits)
  return Number.isFinite(value) ? value : undefined
}

/** One to three digits, then groups of three each after a comma, then an optional decimal part. */
const thousandsGrouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/

/**
 * The keys on both sides of `key` when it falls in a gap inside the table's keys (a weekend in a
 * daily file), else undefined: past either end, the table's span says more.
 */
export function nearestKeys(
  table: Table,
  key: string
): { before: string; after: string } | undefined {
  // Past either end no search is needed: the span answers in two reads.
  const span = keySpan(table)
  if (span === undefined || key <= span.first || key >= span.last) return undefined
  const index = lowerBound(table.sortedKeys, key)
  const before = table.sortedKeys[index - 1]
  const after = table.sortedKeys[index]
  return before === undefined || after === undefined || after === key
    ? undefined
    : { before, after }
}

/** Index of the first key >= `key` in ascending `keys`; `keys.length` when every key is smaller. */
export function lowerBound(keys: readonly string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] ?? '') < key) low = middle + 1
    else high = middle
  }
  return low
}

/** Index of the first key > `key` in ascending `keys`; `keys.length` when none is larger. */
export function upperBound(keys: readonly string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] ?? '') <= key) low = middle + 1
    else high = middle
  }
  return low
}
