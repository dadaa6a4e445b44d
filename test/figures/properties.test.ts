import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Figure, Prose } from '../../src/types.js'
import type { ScanStats } from '../../src/figures/tokenize.js'
import { detectFigures } from '../../src/figures/detect.js'
import { proseOf } from './read-figures.js'

const numRuns = Number(process.env.FACTDESK_FUZZ_RUNS ?? 300)
const notFigures = ['S&P 500', '±4%', 'G7']

/** Detect on `markdown` and check what must hold of every figure, whatever the input. */
function detectChecked(markdown: string): { prose: Prose; figures: Figure[] } {
  const prose = proseOf(markdown)
  const figures = detectFigures(prose, markdown, { notFigures })
  let previousStart = -1
  for (const figure of figures) {
    const values = typeof figure.value === 'number' ? [figure.value] : figure.value
    expect(values.every(Number.isFinite)).toBe(true)
    if (typeof figure.value !== 'number')
      expect(figure.value[0]).toBeLessThanOrEqual(figure.value[1])
    expect(figure.start).toBeLessThan(figure.end)
    expect(figure.start).toBeGreaterThan(previousStart)
    expect(figure.text).toBe(prose.text.slice(figure.start, figure.end))
    expect(figure.sourceStart).toBeGreaterThanOrEqual(0)
    expect(figure.sourceStart).toBeLessThan(figure.sourceEnd)
    expect(figure.sourceEnd).toBeLessThanOrEqual(markdown.length)
    expect([figure.line, figure.column]).toEqual(placeOf(markdown, figure.sourceStart))
    previousStart = figure.start
  }
  return { prose, figures }
}

/** Line and column by counting, independent of the line index under test. */
function placeOf(markdown: string, offset: number): [number, number] {
  const before = markdown.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return [lines.length, (lines.at(-1)?.length ?? 0) + 1]
}

/** Pieces that stress the scanner: digit runs, joiners, currencies and phrase words. */
const adversarialPieces = [
  '1',
  '7',
  '2025',
  '470,000',
  '1.8',
  '04',
  ',',
  '.',
  '-',
  '–',
  '$',
  '€',
  '¥',
  '%',
  '~',
  '±',
  ':',
  '/',
  ' ',
  ' ',
  '\n',
  'over ',
  'more than ',
  'the ',
  'between ',
  ' and ',
  ' to ',
  'million',
  ' billion',
  'bn',
  'k',
  'percent',
  ' investors',
  'fell ',
  'a ',
  ' drop',
  'November ',
  'one',
  'twenty',
  '-five',
  'th',
  'pm',
  '**',
  '`',
  '&amp;',
  '\\',
  '> ',
  '| ',
  'S&P 500',
  'G7'
]

/** Pieces that stay plain text in Markdown, so prose equals source character for character. */
const plainPieces = [
  '1',
  '7',
  '2025',
  '470,000',
  '1.8',
  '04',
  ',',
  '.',
  '-',
  '–',
  '$',
  '€',
  '%',
  ':',
  '/',
  ' ',
  'over',
  'more than',
  'the',
  'between',
  'and',
  'to',
  'million',
  'billion',
  'bn',
  'k',
  'percent',
  'investors',
  'fell',
  'a',
  'drop',
  'November',
  'one',
  'twenty',
  'five',
  'th',
  'pm',
  '±',
  'G'
]

describe('detection on arbitrary input', () => {
  it('never throws and keeps every figure consistent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        detectChecked(text)
      }),
      { numRuns }
    )
  })

  it('never throws on arbitrary code units, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        detectChecked(text)
      }),
      { numRuns }
    )
  })

  it('never throws on adversarial runs of digits, joiners and phrase words', () => {
    const adversarial = fc
      .array(fc.constantFrom(...adversarialPieces), { maxLength: 400 })
      .map((pieces) => pieces.join(''))
    fc.assert(
      fc.property(adversarial, (text) => {
        detectChecked(text)
      }),
      { numRuns }
    )
  })

  it('gives each figure the exact source text when the source is plain text', () => {
    const plain = fc
      .array(fc.constantFrom(...plainPieces), { maxLength: 120 })
      .map((pieces) => `x ${pieces.join(' ')} x`)
    fc.assert(
      fc.property(plain, (markdown) => {
        const { prose, figures } = detectChecked(markdown)
        expect(prose.text).toBe(markdown)
        for (const figure of figures) {
          expect(markdown.slice(figure.sourceStart, figure.sourceEnd)).toBe(figure.text)
        }
      }),
      { numRuns }
    )
  })
})

/** Work per character of a detection run, counted by the scanner. */
function stepsPerCharacter(text: string): number {
  const stats: ScanStats = { steps: 0 }
  const prose: Prose = { text, sourceOffsets: new Int32Array(text.length).map((_, i) => i) }
  detectFigures(prose, text, { notFigures, stats })
  return stats.steps / text.length
}

describe('linear cost', () => {
  const patterns: readonly (readonly [string, string])[] = [
    ['comma-joined digits', '1,'],
    ['hyphen-joined digits', '1-'],
    ['dotted digits', '1.'],
    ['repeated approximators', 'over '],
    ['nested between phrases', 'between 1 and '],
    ['currency signs', '$'],
    ['percent signs after digits', '5%'],
    ['spelled numbers with hyphens', 'twenty-'],
    ['movement words before figures', 'fell by 7% '],
    ['dates', 'November 4, '],
    ['bid-offer quotes', '104.77-78-'],
    ['currency letters before numbers', 'Rs. $US1 RMB2 $ 3 '],
    ['currency names after numbers', '4 trillion won 3 billion Hong Kong dollars 45 cents '],
    ['scale words that follow each other', '1.5 lakh crore '],
    [
      'market prose',
      'Bitcoin plummeted over 7%, below the $99,000 mark; 10-12% of 470,000 investors. '
    ]
  ]

  it.each(patterns)('does bounded work per character on %s', (_name, unit) => {
    const small = stepsPerCharacter(unit.repeat(Math.ceil(10_000 / unit.length)))
    const large = stepsPerCharacter(unit.repeat(Math.ceil(100_000 / unit.length)))
    expect(large).toBeLessThan(40)
    expect(large).toBeLessThanOrEqual(small * 1.1 + 0.5)
  })

  // SPEC 5.1 groups digits by spaces: a megabyte of digits and spaces must not make the scanner
  // look back or forward more than a group at a time.
  const megabyte: readonly (readonly [string, string])[] = [
    ['"1 " repeated', '1 '],
    ['"123 456 " repeated', '123 456 '],
    ['one run of nines', '9'],
    ['"1 000 " repeated', '1 000 ']
  ]

  // A bare `1` is asked of every phrase reader, each with its bounded look around, so the work
  // per character is higher than on prose; what must hold is that it does not grow with the text.
  it.each(megabyte)('does bounded work per character on 1 MB of %s', (_name, unit) => {
    const small = stepsPerCharacter(unit.repeat(Math.ceil(100_000 / unit.length)))
    const large = stepsPerCharacter(unit.repeat(Math.ceil(1_000_000 / unit.length)))
    expect(large).toBeLessThan(100)
    expect(large).toBeLessThanOrEqual(small * 1.1 + 0.5)
  })

  it('finishes a 200 KB adversarial article through the whole pipeline', () => {
    const markdown = 'between 1 and over the $1,1.1-2–3 bn% '.repeat(5_300)
    expect(markdown.length).toBeGreaterThan(200_000)
    const { figures } = detectChecked(markdown)
    expect(figures.length).toBeGreaterThan(0)
  })
})
