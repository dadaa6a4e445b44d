/**
 * Navigating datasets the way expressions spell it (SPEC 6): `alias.column` is a series,
 * `series[key]` one value, `alias.a.b` a path into a record, `alias["a b"]` the same as `alias.a b`
 * would be for names that are not identifiers. Names are looked up in arrays and Maps of the loaded
 * data only, so no name reaches a JavaScript property.
 */
import { columnOf, plainNumber } from '../datasets/series.js'
import { ExpressionFailure, choices } from './failure.js'
import { keyFor, valueAt } from './read-series.js'
import { describeKind, hintFor, labelOf, nameOf, numberValue, unitOf } from './values.js'
import type { Origin, Value } from './values.js'

/** `object.name`: a column of a table, or a key of a record. */
export function member(object: Value, name: string): Value {
  if (object.kind === 'table') {
    const column = columnOf(object.table, name)
    const valueColumns = object.table.columns.slice(1)
    if (column === 0) {
      throw new ExpressionFailure(
        'check-error',
        `"${name}" is the key column of ${object.file}: pick a value column (${choices('columns', valueColumns, '')})`
      )
    }
    if (column < 0) {
      throw new ExpressionFailure(
        'check-error',
        `column "${name}" not in ${object.file} (${choices('columns', valueColumns, name)})`
      )
    }
    return {
      kind: 'series',
      alias: object.alias,
      path: [...object.path, name],
      file: object.file,
      description: object.description,
      reads: object.reads,
      table: object.table,
      column
    }
  }
  if (object.kind === 'record') {
    const child = object.node.entries.get(name)
    const origin: Origin = {
      alias: object.alias,
      path: [...object.path, name],
      file: object.file,
      description: object.description,
      reads: object.reads
    }
    if (child === undefined) {
      const keys = [...object.node.entries.keys()]
      throw new ExpressionFailure(
        'check-error',
        `"${name}" not in ${nameOf(object)} (${object.file} ${choices('keys', keys, name)})`
      )
    }
    switch (child.kind) {
      case 'object':
        return { ...origin, kind: 'record', node: child }
      case 'list':
        return { ...origin, kind: 'list', node: child }
      case 'table':
        return { ...origin, kind: 'table', table: child.table }
      case 'value':
        return recordNumber(origin, child.text, child.line)
    }
  }
  throw new ExpressionFailure(
    'check-error',
    `cannot read ".${name}" of ${describeKind(object)}${hintFor(object)}`
  )
}

/** `object[key]`: a value of a series, a column or key named by a string, an item of a list. */
export function index(object: Value, key: Value): Value {
  if (object.kind === 'series') return valueAt(object, keyFor(object, key))
  if ((object.kind === 'table' || object.kind === 'record') && key.kind === 'string')
    return member(object, key.value)
  if (object.kind === 'list' && key.kind === 'number') {
    const item = Number.isInteger(key.value) ? object.node.items[key.value] : undefined
    if (item === undefined) {
      throw new ExpressionFailure(
        'check-error',
        `${nameOf(object)} has no item ${key.value} (it has ${object.node.items.length}, from 0)`
      )
    }
    const origin: Origin = {
      alias: object.alias,
      path: [...object.path, String(key.value)],
      file: object.file,
      description: object.description,
      reads: object.reads
    }
    if (item.kind === 'value') return recordNumber(origin, item.text, item.line)
    if (item.kind === 'object') return { ...origin, kind: 'record', node: item }
    if (item.kind === 'list') return { ...origin, kind: 'list', node: item }
    return { ...origin, kind: 'table', table: item.table }
  }
  throw new ExpressionFailure(
    'check-error',
    `cannot index ${describeKind(object)} with ${describeKind(key)}`
  )
}

function recordNumber(origin: Origin, text: string, line: number): Value {
  const value = plainNumber(text)
  if (value !== undefined) return numberValue(value, labelOf(origin), undefined, unitOf(origin))
  const shown =
    text.trim() === '' ? 'empty' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`
  throw new ExpressionFailure(
    'data-value',
    `${origin.file}:${line}: ${nameOf(origin)} is ${shown}, not a number`
  )
}
