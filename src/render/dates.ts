/**
 * Dates as readers see them (SPEC 8): in the site's time zone and language, with a machine
 * `datetime` for `<time>`. Formatting never reads the clock, so the same input prints the same page.
 */
import type { DateTime } from 'luxon'
import type { Settings } from '../types.js'

/** A moment as a `<time>` element needs it. */
export interface TimeView {
  /** ISO 8601 with the site zone's offset, for the `datetime` attribute. */
  iso: string
  /** Full date and time for a brief: `November 4, 2025 at 6:30 PM GMT+8`. */
  text: string
  /** Compact form for a listing line: `Nov 4, 18:30`. */
  short: string
  /** Date only, for corrections: `November 4, 2025`. */
  date: string
}

/** `settings.language` when Intl knows it, `en` otherwise, so a bad tag cannot crash a build. */
export function siteLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en'
  } catch {
    return 'en'
  }
}

/** `moment` shown in the site's zone; an unknown zone leaves the moment in its own zone. */
export function timeView(moment: DateTime, settings: Pick<Settings, 'timezone' | 'language'>): TimeView {
  const zoned = inZone(moment, settings.timezone).setLocale(siteLocale(settings.language))
  return {
    iso: isoInstant(zoned),
    text: zoned.toLocaleString({
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short'
    }),
    short: zoned.toLocaleString({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    date: zoned.toLocaleString({ year: 'numeric', month: 'long', day: 'numeric' })
  }
}

/** ISO 8601 to the second, with the offset `moment` carries. */
export function isoInstant(moment: DateTime): string {
  return moment.toISO({ suppressMilliseconds: true }) ?? moment.toUTC().toISO({ suppressMilliseconds: true }) ?? ''
}

/** `moment` in `zone`, or unchanged when luxon does not know the zone. */
export function inZone(moment: DateTime, zone: string): DateTime {
  const zoned = moment.setZone(zone)
  return zoned.isValid ? zoned : moment
}
