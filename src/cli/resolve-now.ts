/**
 * The instant a run treats as "now" (SPEC 7, SPEC 8: the same input builds the same output):
 * `--now`, else SOURCE_DATE_EPOCH (seconds, as reproducible-builds.org defines it), else the clock.
 */
import { DateTime } from 'luxon'
import type { Io } from './io.js'

/** "Now" for this run, or what is wrong with `--now` or SOURCE_DATE_EPOCH. */
export function resolveNow(now: string | undefined, env: Io['env']): DateTime | string {
  if (now !== undefined) {
    const date = DateTime.fromISO(now, { setZone: true, zone: 'utc' })
    return date.isValid
      ? date
      : `--now must be an ISO 8601 instant such as 2025-11-05T00:00:00Z, not "${now}"`
  }
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch))
      return `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`
    return DateTime.fromSeconds(Number(epoch), { zone: 'utc' })
  }
  return DateTime.utc()
}
