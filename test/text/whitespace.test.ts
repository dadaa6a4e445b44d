import { describe, expect, it } from 'vitest'
import { collapseWhitespace, collapseWithOffsets } from '../../src/text/whitespace.js'

// Every character JavaScript's `\s` matches.
const spaces = '\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'

describe('collapseWhitespace', () => {
  it('puts text on one line: every whitespace run one space, none at either end', () => {
    expect(collapseWhitespace(`${spaces}a${spaces}b\r\nc ${spaces}`)).toBe('a b c')
  })

  it('leaves characters that are not `\\s` alone', () => {
    expect(collapseWhitespace('a\u0085b\u200bc')).toBe('a\u0085b\u200bc')
  })
})

describe('collapseWithOffsets', () => {
  it('collapses as collapseWhitespace does, without trimming', () => {
    const text = `${spaces}one${spaces}two\u0085three `
    expect(collapseWithOffsets(text).text).toBe(` ${collapseWhitespace(text)} `)
  })

  it('maps each kept character to its offset, a run to its first character', () => {
    const { text, offsets } = collapseWithOffsets('ab \n\tc  d')
    expect(text).toBe('ab c d')
    expect([...offsets]).toEqual([0, 1, 2, 5, 6, 8])
  })
})
