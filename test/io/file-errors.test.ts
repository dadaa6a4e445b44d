import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { errorCode, hasCode, isMissing } from '../../src/io/file-errors.js'

const missing = await readFile(join(tmpdir(), 'factdesk-no-such-file', 'x')).catch(
  (error: unknown) => error
)

describe('errorCode', () => {
  it('reads the code of a system error', () => {
    expect(errorCode(missing)).toBe('ENOENT')
    expect(errorCode(Object.assign(new Error('busy'), { code: 'EBUSY' }))).toBe('EBUSY')
  })

  it('gives undefined for anything without a string code', () => {
    for (const error of [new Error('plain'), { code: 42 }, 'ENOENT', null, undefined]) {
      expect(errorCode(error)).toBeUndefined()
    }
  })
})

describe('isMissing', () => {
  it('is true for ENOENT only', () => {
    expect(isMissing(missing)).toBe(true)
    expect(isMissing({ code: 'ENOTDIR' })).toBe(false)
    expect(isMissing(new Error('ENOENT'))).toBe(false)
  })
})

describe('hasCode', () => {
  it('matches any of the codes given', () => {
    expect(hasCode({ code: 'ENOTDIR' }, 'ENOENT', 'ENOTDIR')).toBe(true)
    expect(hasCode({ code: 'EACCES' }, 'ENOENT', 'ENOTDIR')).toBe(false)
    expect(hasCode(undefined, 'ENOENT')).toBe(false)
  })
})
