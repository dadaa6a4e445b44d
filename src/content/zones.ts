/**
 * Time zones that remember their offsets. Luxon asks a zone for its UTC offset whenever it makes
 * a DateTime, and an IANA zone answers through `Intl.DateTimeFormat.formatToParts`, tens of
 * microseconds a call; a build makes the same instants again and again (parsed, moved into the
 * site zone, sent to a worker and back, revived from the cache), and a warm build of thousands
 * of articles spent a tenth of a second on nothing else.
 */
import { IANAZone } from 'luxon'
import type { Zone } from 'luxon'

/** Offsets a zone keeps before it starts over: a few megabytes at most. */
const remembered = 100_000

class RememberingZone extends IANAZone {
  readonly #offsets = new Map<number, number>()

  override offset(ts: number): number {
    let offset = this.#offsets.get(ts)
    if (offset === undefined) {
      offset = super.offset(ts)
      this.remember(ts, offset)
    }
    return offset
  }

  /** Takes `offset` as this zone's offset at `ts`, as an earlier `offset(ts)` in this build said. */
  remember(ts: number, offset: number): void {
    if (this.#offsets.size >= remembered) this.#offsets.clear()
    this.#offsets.set(ts, offset)
  }
}

const zones = new Map<string, RememberingZone>()

/** The IANA zone `name` (as `IANAZone.create` makes it), remembering its offsets. */
export function ianaZone(name: string): Zone {
  return remembering(name)
}

function remembering(name: string): RememberingZone {
  let zone = zones.get(name)
  if (zone === undefined) {
    zone = new RememberingZone(name)
    zones.set(name, zone)
  }
  return zone
}

/**
 * The zone luxon makes of the name `name`: an IANA zone that remembers its offsets, except for
 * the names luxon reads otherwise (UTC, GMT, `UTC+8`, `local`), which stay names. Those become
 * fixed-offset or system zones, which print differently (`Z`, not `+00:00`).
 */
export function zoneNamed(name: string): Zone | string {
  return /^(utc|gmt|local|system|default)$|^utc[+-]/i.test(name) ? name : ianaZone(name)
}

/**
 * The IANA zone `name`, told that its offset at `ts` is `offset`: a DateTime revived from the
 * cache or a worker is made without asking Intl again. Tzdata and Intl versions are part of the
 * cache's key (`code-fingerprint.ts`), so an offset kept there is the one this build would find.
 */
export function ianaZoneKnowing(name: string, ts: number, offset: number): Zone {
  const zone = remembering(name)
  zone.remember(ts, offset)
  return zone
}
