/**
 * What an expression's parts evaluate to. Data values remember where they came from (alias, path,
 * file) so that every message can name the dataset and file, and numbers may carry the plain-words
 * description that the fact-check panel shows (SPEC 8).
 */
import { columnUnit, describePlace } from '../../data/dictionary-words.js'
import type { DataDescription } from '../../data/dictionary.js'
import type { RecordNode, Table } from '../datasets/dataset.js'
import { ExpressionFailure } from './failure.js'
import type { ReadLog } from './reads.js'

/** Where a data value was read: `btc` + `['close']` in `data/markets/btc-usd.csv`. */
export interface Origin {
  alias: string
  path: readonly string[]
  /** Site-relative data file. */
  file: string
  /** The file's description (`dictionary.ts`), whose words explanations use. */
  description: DataDescription | undefined
  /** The evaluation's log of series reads (`reads.ts`), which series values made from this add to. */
  reads?: ReadLog | undefined
}

/** A number, with a noun phrase saying what it is and, for some functions, a whole sentence. */
export interface NumberValue {
  kind: 'number'
  value: number
  /** `Bitcoin's low on 4 November 2025`: used when the number is explained or quoted. */
  label?: string
  /** `Bitcoin's closing price fell 7.41% from 3 to 4 November 2025`: the result's explanation. */
  sentence?: string
  /** `USD`, `%`, `tonnes`: the unit the data file's description gives the number. */
  unit?: string
}

/** A yes/no value; `sentence` explains it when it is the result. */
export interface BooleanValue {
  kind: 'boolean'
  value: boolean
  sentence?: string
}

/** One column of a table, keyed by the table's first column. */
export interface SeriesValue extends Origin {
  kind: 'series'
  table: Table
  column: number
}

/** Any value an expression part can have. */
export type Value =
  | NumberValue
  | BooleanValue
  | { kind: 'string'; value: string }
  | (Origin & { kind: 'table'; table: Table })
  | SeriesValue
  | (Origin & { kind: 'record'; node: RecordNode & { kind: 'object' } })
  | (Origin & { kind: 'list'; node: RecordNode & { kind: 'list' } })

/** `btc.close`, `stats.a.b`: how a data value is written in an expression, for messages. */
export function nameOf(origin: Origin): string {
  return [origin.alias, ...origin.path].join('.')
}

/**
 * `Bitcoin's closing price`, `close of btc-usd`: how a data value reads in an explanation, in the
 * words of the file's description, never the alias (`dictionary-words.ts`).
 */
export function labelOf(origin: Origin): string {
  return describePlace(origin)
}

/** The unit of a data value, from its file's description. */
export function unitOf(origin: Origin): string | undefined {
  return columnUnit(origin.description, origin.path)
}

/** What kind of value this is, in words, for type errors: `a series (btc.close)`. */
export function describeKind(value: Value): string {
  switch (value.kind) {
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true/false'
    case 'string':
      return `the string "${value.value.length > 40 ? `${value.value.slice(0, 40)}…` : value.value}"`
    case 'table':
      return `a table (${nameOf(value)})`
    case 'series':
      return `a series (${nameOf(value)})`
    case 'record':
      return `a group of values (${nameOf(value)})`
    case 'list':
      return `a list (${nameOf(value)})`
  }
}

/** The number in `value`, or a check error saying what `what` needed instead. */
export function expectNumber(value: Value, what: string): number {
  if (value.kind === 'number') return value.value
  throw new ExpressionFailure(
    'check-error',
    `${what} needs a number, got ${describeKind(value)}${hintFor(value)}`
  )
}

/** The truth value in `value`, or a check error saying what `what` needed instead. */
export function expectBoolean(value: Value, what: string): boolean {
  if (value.kind === 'boolean') return value.value
  throw new ExpressionFailure('check-error', `${what} needs true/false, got ${describeKind(value)}`)
}

/** A hint for the most common slip: a series where one value of it was meant. */
export function hintFor(value: Value): string {
  if (value.kind === 'series') return `: pick one value, e.g. ${nameOf(value)}["2025-11-04"]`
  if (value.kind === 'table')
    return `: pick a column, e.g. ${value.alias}.${value.table.columns[1] ?? 'close'}`
  return ''
}

/** A number value; labels, sentences and units only when given, as exact optional properties require. */
export function numberValue(
  value: number,
  label?: string,
  sentence?: string,
  unit?: string
): NumberValue {
  const result: NumberValue = { kind: 'number', value }
  if (label !== undefined) result.label = label
  if (sentence !== undefined) result.sentence = sentence
  if (unit !== undefined) result.unit = unit
  return result
}
