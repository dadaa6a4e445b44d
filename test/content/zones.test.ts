import { DateTime, IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { ianaZone, ianaZoneKnowing, zoneNamed } from '../../src/content/zones.js'
import { fromWire, toWire } from '../../src/parallel/wire.js'

describe('zones that remember their offsets', () => {
  // Instants on both sides of transitions, a half-hour one included.
  const cases: [string, string][] = [
    ['America/New_York', '2025-03-09T06:59:59Z'],
    ['America/New_York', '2025-03-09T07:00:00Z'],
    ['America/New_York', '2025-11-02T05:59:59Z'],
    ['America/New_York', '2025-11-02T06:00:00Z'],
    ['Australia/Lord_Howe', '2025-04-05T14:59:59Z'],
    ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
    ['Asia/Shanghai', '2025-11-04T10:30:00Z'],
    ['Asia/Kolkata', '1945-10-14T17:30:00Z']
  ]
  it.each(cases)('%s at %s: the offset luxon finds, asked once or twice', (name, instant) => {
    const ts = DateTime.fromISO(instant).toMillis()
    const expected = IANAZone.create(name).offset(ts)
    const zone = ianaZone(name)
    expect(zone.offset(ts)).toBe(expected)
    expect(zone.offset(ts)).toBe(expected)
    const local = DateTime.fromMillis(ts, { zone })
    expect(local.toISO()).toBe(DateTime.fromMillis(ts, { zone: name }).toISO())
  })

  it('leaves the names luxon reads as fixed or system zones to luxon', () => {
    for (const name of ['UTC', 'utc', 'GMT', 'UTC+8', 'utc-03:30', 'local', 'system'])
      expect(zoneNamed(name)).toBe(name)
    expect(zoneNamed('Asia/Shanghai')).toBe(ianaZone('Asia/Shanghai'))
    expect(ianaZone('UTC').type).toBe('iana')
  })

  it('takes an offset it is told as its answer for that instant', () => {
    const ts = Date.UTC(2031, 0, 1, 12, 0, 0)
    expect(ianaZoneKnowing('Europe/Paris', ts, 60).offset(ts)).toBe(60)
  })

  it('gives wire dates back in the zone they had, IANA UTC and fixed offsets included', () => {
    const moments = [
      DateTime.fromISO('2025-11-04T18:30:00', { zone: ianaZone('Asia/Shanghai') }),
      DateTime.fromISO('2025-11-04T18:30:00', { zone: ianaZone('UTC') }),
      DateTime.fromISO('2025-11-04T18:30:00+05:30', { setZone: true }),
      DateTime.fromISO('2025-11-04T18:30:00Z', { zone: 'utc' })
    ]
    for (const moment of moments) {
      const back = fromWire<DateTime>(structuredClone(toWire(moment)))
      expect(back.toISO()).toBe(moment.toISO())
      expect(back.zone.type).toBe(moment.zone.type)
      expect(back.zone.isUniversal).toBe(moment.zone.isUniversal)
    }
  })
})
