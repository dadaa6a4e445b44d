import { describe, expect, it } from 'vitest'
import { hashAll, hashOf } from '../../src/cache/memo-key.js'

describe('hashAll', () => {
  it('hashes as hashOf does, length-prefixed so that parts cannot run together', () => {
    expect(hashAll(['a', 'b'])).toBe(hashOf('a', 'b'))
    expect(hashAll(['ab', ''])).not.toBe(hashAll(['a', 'b']))
  })

  it('takes a big site worth of parts (too many to pass as arguments)', () => {
    const parts = Array.from({ length: 400_000 }, (_, index) => String(index))
    expect(hashAll(parts)).toMatch(/^[0-9a-f]{64}$/)
  })
})
