import { createHash } from 'node:crypto'
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

  it('hashes each part as its UTF-8 length, a colon and its bytes, however the parts are gathered', () => {
    // The definition, one part at a time: cache keys made before gathering stay the same.
    const reference = (parts: readonly (string | Uint8Array)[]): string => {
      const hash = createHash('sha256')
      for (const part of parts) {
        const length = typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength
        hash.update(`${length}:`).update(part)
      }
      return hash.digest('hex')
    }
    const long = 'é€'.repeat(40_000)
    const parts = ['a', long, new Uint8Array([0, 1, 2]), '', 'ü', long, 'tail', new Uint8Array()]
    const many = Array.from({ length: 30_000 }, (_, index) => `part ${index} ✓`)
    expect(hashAll(parts)).toBe(reference(parts))
    expect(hashAll(many)).toBe(reference(many))
    expect(hashAll([])).toBe(reference([]))
  })
})
