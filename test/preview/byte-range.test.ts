import { describe, expect, it } from 'vitest'
import { byteRangeOf } from '../../src/preview/byte-range.js'

const etag = 'W/"64-1"'

describe('byteRangeOf', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
    ['bytes=95-200', { start: 95, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=9-3', undefined],
    ['bytes=0-1,5-6', undefined],
    ['items=0-1', undefined],
    ['bytes=-', undefined]
  ])('reads %s of a 100-byte file as %j', (range, expected) => {
    expect(byteRangeOf({ range }, 100, etag)).toEqual(expected)
  })

  it('sends the whole file without a Range header', () => {
    expect(byteRangeOf({}, 100, etag)).toBeUndefined()
  })

  it('sends the whole file when If-Range cannot match strongly', () => {
    expect(byteRangeOf({ range: 'bytes=0-9', 'if-range': etag }, 100, etag)).toBeUndefined()
    expect(
      byteRangeOf({ range: 'bytes=0-9', 'if-range': 'Tue, 01 Dec 2026 00:00:00 GMT' }, 100, etag)
    ).toBeUndefined()
    expect(byteRangeOf({ range: 'bytes=0-9', 'if-range': '"strong"' }, 100, '"strong"')).toEqual({
      start: 0,
      end: 9
    })
  })
})
