/**
 * SPEC 5.3: a dash between a higher and a lower number is a poll's or a score's pair, two figures,
 * not a range written backwards (`50%-46%`, `3-1`); an ascending dash stays one range. The "pairs"
 * rows fail when `descendingPair` (amount-figure.ts) or the joiner rule of `isPairDash`
 * (amount.ts: no minus sign, no name) is removed.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

const pairs: [string, Expected[]][] = [
  [
    'McCain leads Obama 50%-46% among voters.',
    [
      ['50%', 50, '%', 'exact', null],
      ['46%', 46, '%', 'exact', null]
    ]
  ],
  [
    'They won 3-1 at home.',
    [
      ['3', 3, null, 'exact', null],
      ['1', 1, null, 'exact', null]
    ]
  ],
  [
    'A 21–14 win.',
    [
      ['21', 21, null, 'exact', null],
      ['14', 14, null, 'exact', null]
    ]
  ]
]

const ranges: [string, Expected[]][] = [
  ['Rates of 10-12% held.', [['10-12%', [10, 12], '%', 'range', null]]],
  ['It may cost $1.8-2.1 billion.', [['$1.8-2.1 billion', [1.8e9, 2.1e9], 'USD', 'range', null]]],
  ['The bond was quoted at 104.77-78.', [['104.77-78', [104.77, 104.78], null, 'range', null]]],
  // A dash inside a name or a fiscal year is no pair; a sign after a space is still a sign.
  ['COVID-19 and F-35 in 2013-14.', []],
  ['It fell -5% on the day.', [['-5%', 5, '%', 'exact', 'down']]]
]

describe('SPEC 5.3: descending dash pairs', () => {
  it.each(pairs)('reads two figures in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(ranges)('keeps %j as written', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
})
