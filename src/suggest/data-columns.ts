/**
 * The numbers a suggestion can read (issue 20), laid out once per data file: each numeric column
 * of a table as an array in key order, each numeric value of a record with its path, and for both
 * their unit and the words that name them (the alias, the column or path, and the data
 * dictionary's title, subject and label), which is what a figure's unit and sentence are matched
 * against. Kept per table in a WeakMap: every figure of every article reads the same layout.
 */
import { plainNumber } from '../checks/datasets/series.js'
import type { Dataset, RecordNode, Table } from '../checks/datasets/dataset.js'
import type { DataDescription } from '../data/dictionary.js'

/** A numeric column of a table. */
export interface NumberColumn {
  kind: 'column'
  alias: string
  column: string
  /** The keys in ascending order and the column's value at each (NaN where it is no number). */
  keys: readonly string[]
  values: Float64Array
  dateKeys: boolean
  unit: string | null
  /** The data dictionary describes it: a described column without a unit is a plain count. */
  described: boolean
  words: ReadonlySet<string>
}

/** A numeric value of a record, read as `alias.a.b`. */
export interface RecordValue {
  kind: 'record'
  alias: string
  path: readonly string[]
  value: number
  unit: string | null
  /** The data dictionary describes it: a described column without a unit is a plain count. */
  described: boolean
  words: ReadonlySet<string>
}

export type DataNumbers = NumberColumn | RecordValue

/** How many values of one record are offered at most: a record is a handful of facts. */
const maxRecordValues = 400

/** A column's values in key order; null for a column that holds no number at all. */
type Layout = { keys: readonly string[]; values: Float64Array } | null

const layouts = new WeakMap<Table, Map<number, Layout>>()

/** The numbers of `dataset` read under `alias`. */
export function numbersOf(alias: string, dataset: Dataset): DataNumbers[] {
  const described = dataset.description
  const fileWords = [
    alias,
    ...fileStemWords(dataset.file),
    ...wordsOf(described?.title),
    ...wordsOf(described?.subject)
  ]
  if (dataset.kind === 'table') return tableColumns(alias, dataset.table, described, fileWords)
  const found: DataNumbers[] = []
  collectRecord(dataset.root, [], (path, value) => {
    if (found.length >= maxRecordValues) return
    const last = path[path.length - 1] ?? ''
    const column = described?.columns.get(last)
    found.push({
      kind: 'record',
      alias,
      path,
      value,
      unit: unitOf(last, column?.unit),
      described: column !== undefined,
      words: new Set([...fileWords, ...path.flatMap(wordsOf), ...wordsOf(column?.label)].map(stem))
    })
  })
  return found
}

function tableColumns(
  alias: string,
  table: Table,
  described: DataDescription | undefined,
  fileWords: string[]
): NumberColumn[] {
  const columns: NumberColumn[] = []
  for (const [index, column] of table.columns.entries()) {
    if (index === 0) continue
    const layout = columnLayout(table, index)
    if (layout === null) continue
    const about = described?.columns.get(column)
    columns.push({
      kind: 'column',
      alias,
      column,
      keys: layout.keys,
      values: layout.values,
      dateKeys: table.dateKeys,
      unit: unitOf(column, about?.unit),
      described: about !== undefined,
      words: new Set([...fileWords, ...wordsOf(column), ...wordsOf(about?.label)].map(stem))
    })
  }
  return columns
}

/** Column `index` of `table` in key order, laid out on first use. */
function columnLayout(table: Table, index: number): Layout {
  let byColumn = layouts.get(table)
  if (byColumn === undefined) layouts.set(table, (byColumn = new Map()))
  const known = byColumn.get(index)
  if (known !== undefined) return known
  const cells = table.cells[index] ?? []
  const values = new Float64Array(table.sortedRows.length)
  for (const [at, row] of table.sortedRows.entries())
    values[at] = plainNumber(cells[row] ?? '') ?? Number.NaN
  const layout = values.some((value) => !Number.isNaN(value))
    ? { keys: table.sortedKeys, values }
    : null
  byColumn.set(index, layout)
  return layout
}

function collectRecord(
  node: RecordNode,
  path: string[],
  found: (path: string[], value: number) => void
): void {
  if (node.kind === 'value') {
    const value = plainNumber(node.text)
    if (value !== undefined && path.length > 0) found(path, value)
  } else if (node.kind === 'object') {
    for (const [key, child] of node.entries) collectRecord(child, [...path, key], found)
  }
}

const currencyCodes = new Set([
  'usd',
  'eur',
  'gbp',
  'jpy',
  'cny',
  'cad',
  'aud',
  'chf',
  'inr',
  'krw',
  'hkd',
  'sgd',
  'brl',
  'rub',
  'nzd'
])
const percentWords = new Set(['pct', 'percent', 'percentage', 'share', 'rate', 'yield', 'ratio'])

/**
 * The unit of a column: the dictionary's, else what its name says (`total_usd` is USD,
 * `depeg_pct` a percent), else unknown. Currencies are upper-cased as figures write them.
 */
export function unitOf(name: string, described: string | undefined): string | null {
  if (described !== undefined && described.trim() !== '') {
    const unit = described.trim()
    return /^[a-z]{3}$/iu.test(unit) && currencyCodes.has(unit.toLowerCase())
      ? unit.toUpperCase()
      : unit
  }
  const words = wordsOf(name)
  const currency = words.find((word) => currencyCodes.has(word))
  if (currency !== undefined) return currency.toUpperCase()
  if (words.some((word) => percentWords.has(word))) return '%'
  return null
}

/** The lower-case words of a name or phrase: `open_interest_usd` is open, interest, usd. */
export function wordsOf(text: string | undefined): string[] {
  if (text === undefined) return []
  return text
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
}

function fileStemWords(file: string): string[] {
  const name = file.slice(file.lastIndexOf('/') + 1)
  return wordsOf(name.replace(/\.[^.]*$/u, ''))
}

/** A word without its plural ending, so that "traders" meets `traders` and "trader". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}
