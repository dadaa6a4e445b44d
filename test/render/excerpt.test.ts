import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapseWhitespace, cutLine } from '../../src/render/excerpt.js'

interface SeedCuts {
  excerpt_length: number
  stories: { story: string; lead: string; cut: string }[]
}

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/render/seed-feed-cuts.json', import.meta.url), 'utf8')
) as SeedCuts

/** Counts graphemes the way a reader would. */
function graphemeCount(text: string): number {
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length
}

/** The SPEC's rule spelled out with the segmenter alone. */
function referenceCut(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  const segments = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line)].map(
    (s) => s.segment
  )
  return segments.length <= length ? line : `${segments.slice(0, length - 1).join('')}…`
}

describe('cutLine', () => {
  it.each(seed.stories)('reproduces the seed feed line of the $story story', ({ lead, cut }) => {
    expect(cutLine(lead, seed.excerpt_length)).toBe(cut)
  })

  it('cuts every seed line at 59 characters plus the ellipsis', () => {
    for (const { cut } of seed.stories) {
      expect([...cut]).toHaveLength(60)
      expect(cut.endsWith('…')).toBe(true)
    }
  })

  it.each([
    ['exactly the length', 'abcde', 5, 'abcde'],
    ['one over the length', 'abcdef', 5, 'abcd…'],
    ['shorter than the length', 'abc', 5, 'abc'],
    ['a space at the cut, kept as the seed feed does', 'abc defgh', 5, 'abc …'],
    ['whitespace runs and line breaks', '  a \n\t b   c  ', 10, 'a b c'],
    ['a length of one', 'abc', 1, '…']
  ])('handles %s', (_, text, length, expected) => {
    expect(cutLine(text, length)).toBe(expected)
  })

  it.each([
    ['an emoji with a skin tone', 'Thumbs 👍🏽 up for the rally', 8],
    ['a family emoji joined by ZWJ', 'Family 👨‍👩‍👧‍👦 travels far', 8],
    ['a flag made of two regional indicators', 'Peru 🇵🇪 breaks ties', 6],
    ['an accent written as a combining mark', 'Cafe\u0301 prices rose sharply', 5],
    ['a Devanagari cluster', 'नमस्ते दुनिया', 3]
  ])('never splits %s', (_, text, length) => {
    const line = cutLine(text, length)
    expect(graphemeCount(line)).toBe(length)
    const kept = line.slice(0, -1)
    expect(text.startsWith(kept)).toBe(true)
    // The kept part must end on a grapheme boundary of the original text.
    const boundaries = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map(
      (s) => s.index
    )
    expect(boundaries).toContain(kept.length)
  })

  it('keeps a combining accent with its letter when the cut falls right after it', () => {
    expect(cutLine('Cafe\u0301 au lait', 5)).toBe('Cafe\u0301…')
  })

  it('does not count a surrogate pair as two characters', () => {
    expect(cutLine('😀😀😀', 3)).toBe('😀😀😀')
    expect(cutLine('😀😀😀😀', 3)).toBe('😀😀…')
  })

  it('cuts exactly as a grapheme-by-grapheme reference does, whatever the text', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      'é',
      'e\u0301',
      '—',
      '“',
      '€',
      '\u00ad',
      '👍🏽',
      '👨‍👩‍👧',
      '🇵🇪',
      'न',
      '्',
      'ते',
      '한',
      '\u200d',
      '日'
    ]
    const texts = fc
      .array(fc.constantFrom(...pieces), { maxLength: 40 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 30 }), (text, length) => {
        expect(cutLine(text, length)).toBe(referenceCut(text, length))
      }),
      { numRuns: 500 }
    )
  })

  it.each([0, -1, 2.5, Number.NaN])('refuses a length of %s', (length) => {
    expect(() => cutLine('text', length)).toThrow(TypeError)
  })
})

describe('collapseWhitespace', () => {
  it('turns no-break spaces and line separators into plain spaces', () => {
    expect(collapseWhitespace('a\u00a0\u00a0b\u2028c\r\nd')).toBe('a b c d')
  })
})
