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
 * A cell's text as a number when it is a plain number (`-7.41`, `98000`, `2e9`), else undefined:
 * thousands separators, `NaN`, `Infinity`, units and empty cells are refused rather than guessed.
 */
export function plainNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : undefined
}

/** Index of the first key >= `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] ?? '') < key) low = middle + 1
    else high = middle
  }
  return low
}

/** Index of the first key > `key`. */
function upperBound(keys: readonly string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] ?? '') <= key) low = middle + 1
    else high = middle
  }
  return low
}
