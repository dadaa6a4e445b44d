/**
 * How a suggested check names the data it reads, in the check language (SPEC 6): `alias.column`,
 * `alias.a.b` for a record, and `alias["open interest"]` for a name the language cannot write
 * bare (spaces, a leading digit, or one of its words).
 */
import type { NumberColumn } from './data-columns.js'

const plainName = /^[\p{L}_][\p{L}\p{N}_]*$/u
const words = new Set(['and', 'or', 'not', 'true', 'false'])

/** `alias.column`, or `alias["open interest"]` for a name the language cannot write bare. */
export function seriesExpr(column: NumberColumn): string {
  return `${column.alias}${member(column.column)}`
}

export function recordExpr(alias: string, path: readonly string[]): string {
  return `${alias}${path.map(member).join('')}`
}

function member(name: string): string {
  return plainName.test(name) && !words.has(name) ? `.${name}` : `[${JSON.stringify(name)}]`
}
