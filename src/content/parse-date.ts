/**
 * Dates in frontmatter (SPEC 4): an ISO 8601 date-time with offset, or a date alone, which is
 * read as midnight in the site timezone. A date-time without offset is also read in the site
 * timezone, because that is what an editor typing `2025-11-04T18:30` means.
 */
import { DateTime } from 'luxon'
import { ianaZone } from './zones.js'

const dateOnly = /^\d{4}-\d{2}-\d{2}$/
const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/
/** Real offsets run from -12:00 to +14:00; anything beyond is a typo, not a place. */
const maxOffsetMinutes = 14 * 60

/** A parsed date, or a message saying why the text is not one. */
export type ParsedDate = { ok: true; date: DateTime } | { ok: false; message: string }

/** Parses a frontmatter date in `zoneName` (an IANA zone name). */
export function parseDate(value: unknown, zoneName: string): ParsedDate {
  // Luxon validates a zone given by name on every call; a zone object is validated once.
  const zone = ianaZone(zoneName)
  if (typeof value !== 'string') {
    return fail(`expected a date such as 2025-11-04T18:30:00+08:00, got ${describe(value)}`)
  }
  const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
  if (dateOnly.test(text)) {
    return checked(DateTime.fromISO(text, { zone }), value)
  }
  if (!text.includes('T')) return fail(`"${value}" is not an ISO 8601 date; write 2025-11-04 or 2025-11-04T18:30:00+08:00`)
  const date = hasOffset.test(text) ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone })
  const result = checked(date, value)
  if (result.ok && Math.abs(result.date.offset) > maxOffsetMinutes) {
    return fail(`"${value}" has an impossible UTC offset; offsets run from -12:00 to +14:00`)
  }
  return result
}

function checked(date: DateTime, original: string): ParsedDate {
  if (date.isValid) return { ok: true, date }
  const why = date.invalidExplanation ?? date.invalidReason ?? 'it does not exist'
  return fail(`"${original}" is not a valid date (${why.replace(/ \(of type number\)/g, '')})`)
}

function fail(message: string): ParsedDate {
  return { ok: false, message }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${String(value)}`
}
