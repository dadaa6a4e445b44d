/**
 * Turns parsed rows into a `Table` (SPEC 6): the first column is the key, keys are indexed in a Map
 * and, when they are dates, sorted for range searches. Shared by CSV/TSV and JSON/YAML lists, so
 * that every format reports the same header and key problems.
 */
import type { Problem } from '../../types.js'
import type { Table } from './dataset.js'
import { isIsoDate, looksLikeIsoDate } from './iso-date.js'
import { byCodeUnits } from '../../text/code-unit-order.js'

/** One parsed row: its cells as text and the 1-based line it starts on. */
export interface SourceRow {
  cells: readonly string[]
  line: number
}

/** What `buildTable` needs to know about the file, for its messages. */
export interface TableSource {
  /** Site-relative path, e.g. `data/markets/btc-usd.csv`. */
  file: string
  header: readonly string[]
  headerLine: number
  rows: readonly SourceRow[]
}

/**
 * Builds a frozen table and reports what is wrong with it. A missing header means there is no
 * table to build; duplicate keys keep the first row, so later checks still evaluate against it.
 */
export function buildTable(source: TableSource): { table: Table | undefined; problems: Problem[] } {
  const problems: Problem[] = []
  const report = (line: number, message: string): void => {
    problems.push({
      severity: 'error',
      line,
      column: 1,
      rule: 'data-malformed',
      message,
      file: source.file
    })
  }

  const header = source.header.map((name) => name.trim())
  const first = header[0] ?? ''
  if (looksLikeIsoDate(first) || (header.length > 0 && header.every(isNumeric))) {
    report(
      source.headerLine,
      `${source.file} has no header row: its first row ("${first}") looks like data; add a row naming each column, the key column first`
    )
    return { table: undefined, problems }
  }
  header.forEach((name, column) => {
    if (name === '') {
      report(
        source.headerLine,
        `column ${column + 1} of the header in ${source.file} has no name; name every column`
      )
    } else if (header.indexOf(name) !== column) {
      report(
        source.headerLine,
        `column "${name}" appears twice in the header of ${source.file}; rename one of them`
      )
    }
  })

  const keys: string[] = []
  const lines: number[] = []
  const cells: string[][] = header.map(() => [])
  const index = new Map<string, number>()
  for (const row of source.rows) {
    const key = (row.cells[0] ?? '').trim()
    if (key === '') {
      report(
        row.line,
        `a row in ${source.file} has no key in its first column (${first}); fill it in or remove the row`
      )
      continue
    }
    const earlier = index.get(key)
    if (earlier !== undefined) {
      report(
        row.line,
        `duplicate key "${key}" in ${source.file} (first on line ${lines[earlier] ?? 1}); each key in the first column must be unique`
      )
      continue
    }
    index.set(key, keys.length)
    keys.push(key)
    lines.push(row.line)
    cells.forEach((column, c) => column.push(row.cells[c] ?? ''))
  }

  const dateKeys = keys.length > 0 && keys.every(looksLikeIsoDate)
  if (dateKeys) {
    keys.forEach((key, row) => {
      if (!isIsoDate(key))
        report(lines[row] ?? 1, `key "${key}" in ${source.file} is not a real date (YYYY-MM-DD)`)
    })
  }
  const sortedRows = keys.map((_, row) => row)
  if (dateKeys) sortedRows.sort((a, b) => byCodeUnits(keys[a] ?? '', keys[b] ?? ''))
  const sortedKeys = sortedRows.map((row) => keys[row] ?? '')

  const table: Table = Object.freeze({
    columns: Object.freeze(header),
    keys: Object.freeze(keys),
    cells: Object.freeze(cells.map((column) => Object.freeze(column))),
    lines: Object.freeze(lines),
    index,
    dateKeys,
    sortedKeys: Object.freeze(sortedKeys),
    sortedRows: Object.freeze(sortedRows)
  })
  return { table, problems }
}

function isNumeric(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)
}
