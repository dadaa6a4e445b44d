import { deserialize, serialize } from 'node:v8'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { hashOf } from '../../src/cache/memo-key.js'
import { fromWire, toWire } from '../../src/parallel/wire.js'

describe('wire values', () => {
  it('bring luxon dates back equal, zone included, through v8 serialization', () => {
    const value = {
      date: DateTime.fromISO('2025-11-04T18:30:00+08:00', { setZone: true }),
      local: DateTime.fromISO('2025-11-04', { zone: 'Asia/Shanghai' }),
      list: [{ at: DateTime.fromISO('2025-01-01T00:00:00Z', { setZone: true }) }],
      plain: { n: 1, s: 'x', none: null }
    }
    const back = fromWire<typeof value>(deserialize(serialize(toWire(value))))
    expect(back.date.toISO()).toBe(value.date.toISO())
    expect(back.local.zoneName).toBe('Asia/Shanghai')
    expect(back.local.equals(value.local)).toBe(true)
    expect(back.list[0]?.at.toMillis()).toBe(value.list[0]?.at.toMillis())
    expect(back.plain).toEqual(value.plain)
  })

  it('revive in place: what was deserialized is what comes back, dates swapped in', () => {
    const read = deserialize(
      serialize(toWire({ at: DateTime.fromMillis(0, { zone: 'UTC' }), list: [{ n: 1 }] }))
    )
    const back = fromWire<{ at: DateTime; list: { n: number }[] }>(read)
    expect(back).toBe(read)
    expect(DateTime.isDateTime(back.at)).toBe(true)
    expect(back.list).toEqual([{ n: 1 }])
  })

  it('bring bytes back equal and on their own buffer, not a view into what was read', () => {
    const page = { sitePath: '/a/', bytes: Buffer.from('<p>Bitcoin fell 7% — again…</p>') }
    const read = serialize(toWire({ padding: 'x'.repeat(10_000), page }))
    const back = fromWire<{ page: typeof page }>(deserialize(read))
    expect(Buffer.from(back.page.bytes).equals(page.bytes)).toBe(true)
    expect(back.page.bytes.buffer.byteLength).toBe(page.bytes.byteLength)
  })
})

describe('cache keys', () => {
  it('keys differ whenever any part differs, including how parts are split', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'))
    expect(hashOf('a')).toBe(hashOf('a'))
  })
})
