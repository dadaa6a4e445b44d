/**
 * SPEC 5.1 number forms: thousands grouped by spaces, vulgar fractions, `a`/`an` before a scale
 * word, the scale words, bid-offer quotes, and the one whitespace rule figures share with checks.
 * The "reads" rows fail when the scanner stops joining space groups or reading fractions; the
 * "stays apart" rows fail when it joins too much.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'
import { collapseWhitespace } from '../../src/text/whitespace.js'
import { isSpace } from '../../src/figures/tokenize.js'

const nbsp = '\u00a0'
const narrow = '\u202f'
const thin = '\u2009'

const reads: [string, Expected[]][] = [
  [
    'Organisers counted 200 000 visitors.',
    [['200 000 visitors', 200000, 'visitors', 'exact', null]]
  ],
  [`About 12${nbsp}500 cars came.`, [[`About 12${nbsp}500 cars`, 12500, 'cars', 'about', null]]],
  [
    `The fund holds 3${narrow}400${narrow}000 shares.`,
    [[`3${narrow}400${narrow}000 shares`, 3400000, 'shares', 'exact', null]]
  ],
  [`It reached 1${thin}250.5 tonnes.`, [[`1${thin}250.5 tonnes`, 1250.5, 'tonnes', 'exact', null]]],
  ['Rates held at 6½% this week.', [['6½%', 6.5, '%', 'exact', null]]],
  ['Fees were ¾ percent.', [['¾ percent', 0.75, '%', 'exact', null]]],
  ['It could be worth a billion dollars.', [['a billion dollars', 1e9, 'USD', 'exact', null]]],
  ['A million people marched.', [['A million people', 1e6, 'people', 'exact', null]]],
  ['Prices rose 2¼% on the day.', [['2¼%', 2.25, '%', 'exact', 'up']]]
]

const apart: [string, string[]][] = [
  // A four-digit first group is a year or a count, not a thousands group.
  ['In 2025 200 people moved.', ['200 people']],
  // Groups of other than three digits are separate numbers.
  ['Scores were 1 2 and 3 of 10.', ['1', '2', '3', '10']],
  ['They sold 12 5000 units.', ['12', '5000 units']],
  // A comma-grouped number never takes a space group after it.
  ['It cost 1,200 300 times over.', ['1,200', '300']],
  // `a` is one only before a scale word.
  ['A lot of a hundred things and a few.', []],
  // A version number stays one malformed token, never a figure.
  ['Version 1.2.3 shipped.', []]
]

describe('SPEC 5.1: space-grouped thousands and vulgar fractions', () => {
  it.each(reads)('reads %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(apart)('keeps %j apart', (markdown, texts) => {
    expect(readFigures(markdown).map((figure) => figure.text)).toEqual(texts)
  })
})

const scales: [string, Expected[]][] = [
  ['They made 5 mn units.', [['5 mn units', 5e6, 'units', 'exact', null]]],
  ['They made 5mn units.', [['5mn units', 5e6, 'units', 'exact', null]]],
  ['They made 3 mln cars.', [['3 mln cars', 3e6, 'cars', 'exact', null]]],
  ['They made 3mln cars.', [['3mln cars', 3e6, 'cars', 'exact', null]]],
  ['It cost $3mln.', [['$3mln', 3e6, 'USD', 'exact', null]]],
  ['It cost 2 trn yen.', [['2 trn yen', 2e12, 'JPY', 'exact', null]]],
  ['It cost 2trn yen.', [['2trn yen', 2e12, 'JPY', 'exact', null]]],
  // Beyond the SPEC: Reuters' `bln`/`trln`, and the Indian lakh (1e5) and crore (1e7).
  ['It cost 5 bln euros.', [['5 bln euros', 5e9, 'EUR', 'exact', null]]],
  ['It cost $1.2 trln.', [['$1.2 trln', 1.2e12, 'USD', 'exact', null]]],
  ['It cost ₹500 crore.', [['₹500 crore', 5e9, 'INR', 'exact', null]]],
  ['It cost Rs 3 lakh.', [['Rs 3 lakh', 3e5, 'INR', 'exact', null]]],
  ['About 2 crore people voted.', [['About 2 crore people', 2e7, 'people', 'about', null]]],
  ['It cost Rs 1.5 lakh crore.', [['Rs 1.5 lakh crore', 1.5e12, 'INR', 'exact', null]]],
  ['It cost 2 thousand crore rupees.', [['2 thousand crore rupees', 2e10, 'INR', 'exact', null]]]
]

const notScales: [string, string[]][] = [
  // `m` and `K` glued without a currency are metres and video, no scale.
  ['The 5m race was run on a 4K screen.', []],
  // `crore` follows only `lakh` or `thousand`: after `billion` it is a second, unread word.
  ['It cost 5 billion crore.', ['5 billion']]
]

const quotes: [string, Expected[]][] = [
  ['The bond was quoted at 104.77-78.', [['104.77-78', [104.77, 104.78], null, 'range', null]]],
  ['The euro traded at 1.1050-60.', [['1.1050-60', [1.105, 1.106], null, 'range', null]]],
  ['Shares traded at 104.7-8.', [['104.7-8', [104.7, 104.8], null, 'range', null]]]
]

const notQuotes: [string, Expected[]][] = [
  ['Growth of 10-12% is seen.', [['10-12%', [10, 12], '%', 'range', null]]],
  ['Rates of 1.5-2% were seen.', [['1.5-2%', [1.5, 2], '%', 'range', null]]],
  ['Rates of 2.5-6% were seen.', [['2.5-6%', [2.5, 6], '%', 'range', null]]],
  ['Rates of 1.25-3.5% were seen.', [['1.25-3.5%', [1.25, 3.5], '%', 'range', null]]],
  // A quote's high end is above its low one: read as a quote, `0.75-25` would fall to 0.25.
  ['Cuts of 0.75-25 bp were seen.', [['0.75-25 bp', [0.75, 25], 'bp', 'range', null]]],
  ['The euro traded at 1.1050-1.1060.', [['1.1050-1.1060', [1.105, 1.106], null, 'range', null]]],
  ['Costs were $1.8-2.1 billion.', [['$1.8-2.1 billion', [1.8e9, 2.1e9], 'USD', 'range', null]]]
]

describe('SPEC 5.1: scale words', () => {
  it.each(scales)('reads %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(notScales)('reads no scale in %j', (markdown, texts) => {
    expect(readFigures(markdown).map((figure) => figure.text)).toEqual(texts)
  })
})

describe('SPEC 5.1: bid-offer quotes', () => {
  it.each(quotes)('reads the quote %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(notQuotes)('reads the range %j as written', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
})

/** Whitespace that is easy to miss: the byte-order mark, no-break, thin and ideographic spaces. */
const unusualSpaces: [string, string][] = [
  ['the byte-order mark U+FEFF', '\ufeff'],
  ['no-break space U+00A0', '\u00a0'],
  ['thin space U+2009', '\u2009'],
  ['ideographic space U+3000', '\u3000']
]

describe('SPEC 6: one whitespace rule for figures and check texts', () => {
  it.each(unusualSpaces)('cuts %s as a space in check texts and figures alike', (_name, space) => {
    expect(collapseWhitespace(`${space}5${space}${space}percent${space}`)).toBe('5 percent')
    const written = `5${space}percent`
    expect(summarize(readFigures(`Costs rose ${written} on Monday.`))).toEqual([
      [written, 5, '%', 'exact', 'up']
    ])
  })

  it('cuts U+0085 in neither: it is more often a mis-decoded ellipsis than a line break', () => {
    expect(collapseWhitespace('5\u0085percent')).toBe('5\u0085percent')
    expect(
      readFigures('Costs rose 5\u0085percent on Monday.').map((figure) => figure.unit)
    ).toEqual([null])
  })

  it('takes every code unit for a space in check texts exactly when figure detection does', () => {
    const disagreements: string[] = []
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code)
      const collapsed = collapseWhitespace(`a${character}b`) === 'a b'
      if (collapsed !== isSpace(code) || collapsed !== /\s/.test(character)) {
        disagreements.push(code.toString(16))
      }
    }
    expect(disagreements).toEqual([])
  })
})
