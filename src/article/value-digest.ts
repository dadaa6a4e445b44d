/**
 * A digest of a value by what it holds, not by how V8 holds it. `v8.serialize` writes 8 as an
 * integer or as a double depending on the hidden class of the object that holds it (once a field
 * of objects made the same way has held 101.5, V8 boxes every number stored in it as a double),
 * so equal values made at different times of a process's life give different bytes, and a key
 * made of such bytes misses what it kept. JSON has one text per number; the few values it would
 * drop or merge are written as marked strings instead (JSON's own walk is several times quicker
 * than one written here, which counts for a digest made of every article at every data edit).
 */
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { toWire } from '../parallel/wire.js'

/** The sha256 (base64) of `value`'s content: equal for equal values, however they were made. */
export function valueDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value, exactly)).digest('base64')
}

/**
 * What JSON writes for a value: itself, but for those it would drop (undefined), merge (-0 with
 * 0, NaN and the infinities with null) or write by their `toJSON` alone (a luxon date, without
 * its zone), and the collections it knows nothing of (Map, Set, typed arrays).
 */
function exactly(this: unknown, key: string, json: unknown): unknown {
  // The value as held, before JSON called its `toJSON`.
  const value = (this as Record<string, unknown>)[key]
  if (value === undefined) return '\0undefined'
  if (Object.is(value, -0)) return '\0-0'
  if (typeof value === 'number' && !Number.isFinite(value)) return `\0${String(value)}`
  if (typeof value !== 'object' || value === null) return json
  if (DateTime.isDateTime(value)) return toWire(value)
  if (value instanceof Map) return ['\0Map', ...value]
  if (value instanceof Set) return ['\0Set', ...value]
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    return `\0${value.constructor.name} ${bytes.toString('base64')}`
  }
  return json
}
