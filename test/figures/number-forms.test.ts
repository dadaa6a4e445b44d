/**
 * SPEC 5.1 number forms: thousands grouped by spaces, vulgar fractions, and `a`/`an` before a
 * scale word.
 * The "reads" rows fail when the scanner stops joining space groups or reading fractions; the
 * "stays apart" rows fail when it joins too much.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

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
