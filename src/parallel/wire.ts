/**
 * Articles crossing a thread or the build cache. Structured cloning and v8 serialization keep
 * plain data but drop prototypes, and luxon dates are class instances: they travel as epoch
 * milliseconds with their zone (rebuilding from those is several times cheaper than parsing ISO
 * text, which counts when a warm build revives thousands of cached articles; an IANA zone's
 * offset travels too, so that reviving does not ask Intl for it again), and come back as
 * equal DateTimes, so a page rendered from a worker's or the
 * cache's article is byte-identical to one rendered from the original.
 */
import { DateTime } from 'luxon'
import { ianaZoneKnowing } from '../content/zones.js'

const dateTimeMarker = '$dateTime'

interface WireDateTime {
  [dateTimeMarker]: number
  zone: string
  /** The zone's UTC offset then, in minutes, for an IANA zone. */
  offset?: number
}

/** A copy of `value` with every DateTime replaced by a plain marker object. */
export function toWire(value: unknown): unknown {
  if (DateTime.isDateTime(value)) {
    const wire: WireDateTime = { [dateTimeMarker]: value.toMillis(), zone: value.zoneName ?? 'UTC' }
    if (value.zone.type === 'iana' && value.isValid) wire.offset = value.offset
    return wire
  }
  if (Array.isArray(value)) return value.map(toWire)
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(value)) copy[key] = toWire(entry)
    return copy
  }
  return value
}

/**
 * The inverse of `toWire`, in place: `value` is what was just deserialized or cloned, owned by
 * the caller alone, and copying it would double the garbage of a warm build that revives
 * thousands of cached articles. The caller states what the value was.
 */
export function fromWire<T>(value: unknown): T {
  return revive(value) as T
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = revive(value[index])
    return value
  }
  // v8.deserialize hands back typed arrays as views into the buffer it read from: a page's bytes
  // would keep a whole cache entry's file alive. A copy lets that buffer go.
  if (value instanceof Uint8Array)
    return value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value)
  if (isPlainObject(value)) {
    if (isWireDateTime(value)) {
      const ts = value[dateTimeMarker]
      // The offset marks an IANA zone, which the zone's name alone would not always give back.
      const zone =
        typeof value.offset === 'number'
          ? ianaZoneKnowing(value.zone, ts, value.offset)
          : value.zone
      return DateTime.fromMillis(ts, { zone })
    }
    for (const key in value) value[key] = revive(value[key])
    return value
  }
  return value
}

function isWireDateTime(
  value: Record<string, unknown>
): value is Record<string, unknown> & WireDateTime {
  return typeof value[dateTimeMarker] === 'number' && typeof value.zone === 'string'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
