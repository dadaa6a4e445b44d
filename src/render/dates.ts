/**
 * Dates as readers see them (SPEC 8): in the site's time zone and language, with a machine
 * `datetime` for `<time>`. Formatting never reads the clock, so the same input prints the same page.
 */
import { type DateTime, IANAZone } from 'luxon'
import type { Settings } from '../types.js'
import { zoneNamed } from '../content/zones.js'

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

/** The three shapes a moment is printed in. */
const shapes = {
  text: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short'
  },
  short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: 'long', day: 'numeric' }
} satisfies Record<string, Intl.DateTimeFormatOptions>

/**
 * Formatters by locale, zone and shape. A build prints thousands of dates, and building an
 * `Intl.DateTimeFormat` costs far more than using one.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

/** `settings.language` when Intl knows it, `en` otherwise, so a bad tag cannot crash a build. */
export function siteLocale(language: string): string {
  let locale = locales.get(language)
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(language)[0] ?? 'en'
    } catch {
      locale = 'en'
    }
    locales.set(language, locale)
  }
  return locale
}

/** Canonical locales by language tag: every date printed asks. */
const locales = new Map<string, string>()

/** `moment` shown in the site's zone and language. */
export function timeView(
  moment: DateTime,
  settings: Pick<Settings, 'timezone' | 'language'>
): TimeView {
  const zone = siteZone(settings.timezone)
  const locale = siteLocale(settings.language)
  const instant = moment.toJSDate()
  return {
    iso: isoInstant(moment.setZone(zoneNamed(zone))),
    text: formatter(locale, zone, 'text').format(instant),
    short: formatter(locale, zone, 'short').format(instant),
    date: formatter(locale, zone, 'date').format(instant)
  }
}

/** ISO 8601 to the second, with the offset `moment` carries. */
export function isoInstant(moment: DateTime): string {
  return (
    moment.toISO({ suppressMilliseconds: true }) ??
    moment.toUTC().toISO({ suppressMilliseconds: true }) ??
    ''
  )
}

/** `moment` in the site's zone. */
export function inZone(moment: DateTime, zone: string): DateTime {
  return moment.setZone(zoneNamed(siteZone(zone)))
}

/** Zones already checked; checking builds a formatter each time. */
const knownZones = new Map<string, boolean>()

/** The zone dates are shown in: `timezone` when it is a known IANA zone, UTC otherwise. */
function siteZone(timezone: string): string {
  let known = knownZones.get(timezone)
  if (known === undefined) {
    known = IANAZone.isValidZone(timezone)
    knownZones.set(timezone, known)
  }
  return known ? timezone : 'UTC'
}

/** The cached formatter of one shape. */
function formatter(locale: string, zone: string, shape: keyof typeof shapes): Intl.DateTimeFormat {
  const key = `${locale}\u0000${zone}\u0000${shape}`
  let found = formatters.get(key)
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, { ...shapes[shape], timeZone: zone })
    formatters.set(key, found)
  }
  return found
}
