/**
 * SPEC 5.2 currencies: signs, letters and ISO codes before the number (glued or after one
 * space), currency names after it (with its scale), the dollar a country word picks, and
 * hundredths (`cents`, `pence`, `20p`). The "reads" rows fail when the rule that reads them is
 * taken out; the "stays" rows fail when a rule reads too much.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

const before: [string, Expected[]][] = [
  ['Exports hit $US91.8 billion.', [['$US91.8 billion', 91.8e9, 'USD', 'exact', null]]],
  ['It raised US$5 million.', [['US$5 million', 5e6, 'USD', 'exact', null]]],
  ['Profit was RMB279.12 billion.', [['RMB279.12 billion', 279.12e9, 'CNY', 'exact', null]]],
  ['It cost $ 4 billion.', [['$ 4 billion', 4e9, 'USD', 'exact', null]]],
  ['It cost € 5 million.', [['€ 5 million', 5e6, 'EUR', 'exact', null]]],
  ['They paid A$ 5 million.', [['A$ 5 million', 5e6, 'AUD', 'exact', null]]],
  ['It cost C$5 billion.', [['C$5 billion', 5e9, 'CAD', 'exact', null]]],
  ['It cost CA$5 billion.', [['CA$5 billion', 5e9, 'CAD', 'exact', null]]],
  ['It cost A$5 billion.', [['A$5 billion', 5e9, 'AUD', 'exact', null]]],
  ['It cost AU$5 billion.', [['AU$5 billion', 5e9, 'AUD', 'exact', null]]],
  ['It cost NZ$5 billion.', [['NZ$5 billion', 5e9, 'NZD', 'exact', null]]],
  ['It cost HK$5 billion.', [['HK$5 billion', 5e9, 'HKD', 'exact', null]]],
  ['It cost S$5 billion.', [['S$5 billion', 5e9, 'SGD', 'exact', null]]],
  ['It cost R$5 billion.', [['R$5 billion', 5e9, 'BRL', 'exact', null]]],
  ['It cost €5 billion.', [['€5 billion', 5e9, 'EUR', 'exact', null]]],
  ['It cost £5 billion.', [['£5 billion', 5e9, 'GBP', 'exact', null]]],
  ['It cost ¥5 billion.', [['¥5 billion', 5e9, 'JPY', 'exact', null]]],
  ['It cost ¥5 billion yuan.', [['¥5 billion yuan', 5e9, 'CNY', 'exact', null]]],
  ['It cost CN¥5 billion.', [['CN¥5 billion', 5e9, 'CNY', 'exact', null]]],
  ['It cost ₹5 billion.', [['₹5 billion', 5e9, 'INR', 'exact', null]]],
  ['It cost Rs 5 billion.', [['Rs 5 billion', 5e9, 'INR', 'exact', null]]],
  ['It cost Rs. 5 billion.', [['Rs. 5 billion', 5e9, 'INR', 'exact', null]]],
  ['It cost Rs5 billion.', [['Rs5 billion', 5e9, 'INR', 'exact', null]]],
  ['It cost ₩5 billion.', [['₩5 billion', 5e9, 'KRW', 'exact', null]]],
  ['It cost CHF 5 billion.', [['CHF 5 billion', 5e9, 'CHF', 'exact', null]]],
  ['It cost CHF5 billion.', [['CHF5 billion', 5e9, 'CHF', 'exact', null]]],
  ['It cost JPY 500 billion.', [['JPY 500 billion', 500e9, 'JPY', 'exact', null]]],
  ['It cost SEK 500 billion.', [['SEK 500 billion', 500e9, 'SEK', 'exact', null]]],
  ['It cost ZAR 12 million.', [['ZAR 12 million', 12e6, 'ZAR', 'exact', null]]],
  // Beyond the SPEC: signs with one meaning, and `$A` in the Australian style.
  ['It cost ₽5 billion.', [['₽5 billion', 5e9, 'RUB', 'exact', null]]],
  ['It cost ₺40 million.', [['₺40 million', 40e6, 'TRY', 'exact', null]]],
  ['It cost $A2 billion.', [['$A2 billion', 2e9, 'AUD', 'exact', null]]]
]

const after: [string, Expected[]][] = [
  ['It cost 500 billion JPY.', [['500 billion JPY', 500e9, 'JPY', 'exact', null]]],
  ['It cost 500 billion SEK.', [['500 billion SEK', 500e9, 'SEK', 'exact', null]]],
  ['It cost 5 dollars.', [['5 dollars', 5, 'USD', 'exact', null]]],
  ['It cost 5 billion euros.', [['5 billion euros', 5e9, 'EUR', 'exact', null]]],
  ['It cost 20 million yuan.', [['20 million yuan', 20e6, 'CNY', 'exact', null]]],
  ['It cost 20 million renminbi.', [['20 million renminbi', 20e6, 'CNY', 'exact', null]]],
  ['It cost 20 million yen.', [['20 million yen', 20e6, 'JPY', 'exact', null]]],
  ['It cost 20 million sterling.', [['20 million sterling', 20e6, 'GBP', 'exact', null]]],
  [
    'It cost 20 million pounds sterling.',
    [['20 million pounds sterling', 20e6, 'GBP', 'exact', null]]
  ],
  ['It cost 20 million rupees.', [['20 million rupees', 20e6, 'INR', 'exact', null]]],
  ['It cost 4 trillion won.', [['4 trillion won', 4e12, 'KRW', 'exact', null]]],
  ['A bowl costs 8,000 won.', [['8,000 won', 8000, 'KRW', 'exact', null]]],
  ['It cost 4 trillion roubles.', [['4 trillion roubles', 4e12, 'RUB', 'exact', null]]],
  ['It cost 4 trillion rubles.', [['4 trillion rubles', 4e12, 'RUB', 'exact', null]]],
  ['It cost 12 million Swiss francs.', [['12 million Swiss francs', 12e6, 'CHF', 'exact', null]]],
  [
    'It cost 3 billion Canadian dollars.',
    [['3 billion Canadian dollars', 3e9, 'CAD', 'exact', null]]
  ],
  [
    'It cost 3 billion Australian dollars.',
    [['3 billion Australian dollars', 3e9, 'AUD', 'exact', null]]
  ],
  [
    'It cost 3 billion Hong Kong dollars.',
    [['3 billion Hong Kong dollars', 3e9, 'HKD', 'exact', null]]
  ],
  [
    'It cost 3 billion Singapore dollars.',
    [['3 billion Singapore dollars', 3e9, 'SGD', 'exact', null]]
  ],
  [
    'It cost 3 billion New Zealand dollars.',
    [['3 billion New Zealand dollars', 3e9, 'NZD', 'exact', null]]
  ],
  // Beyond the SPEC: names with one meaning, and the Taiwan dollar.
  ['It cost 5 billion rand.', [['5 billion rand', 5e9, 'ZAR', 'exact', null]]],
  ['It cost 9 billion baht.', [['9 billion baht', 9e9, 'THB', 'exact', null]]],
  ['It cost 3 billion Taiwan dollars.', [['3 billion Taiwan dollars', 3e9, 'TWD', 'exact', null]]],
  ['It cost 5 billion U.S. dollars.', [['5 billion U.S. dollars', 5e9, 'USD', 'exact', null]]],
  // Beyond the SPEC: the continental style, a sign after the number.
  ['It cost 20€ in Paris.', [['20€', 20, 'EUR', 'exact', null]]],
  ['It cost 5 € in Paris.', [['5 €', 5, 'EUR', 'exact', null]]]
]

const hundredths: [string, Expected[]][] = [
  ['The dividend was 45 cents a share.', [['45 cents', 0.45, 'USD', 'exact', null]]],
  ['A stamp costs 5 pence.', [['5 pence', 0.05, 'GBP', 'exact', null]]],
  ['A stamp costs 20p.', [['20p', 0.2, 'GBP', 'exact', null]]],
  ['It cost 1 cent.', [['1 cent', 0.01, 'USD', 'exact', null]]],
  ['Shares were 40-45 cents.', [['40-45 cents', [0.4, 0.45], 'USD', 'range', null]]],
  ['Bars cost 20-30p.', [['20-30p', [0.2, 0.3], 'GBP', 'range', null]]],
  // Beyond the SPEC: the euro's hundredth.
  ['It cost 20 euro cents.', [['20 euro cents', 0.2, 'EUR', 'exact', null]]]
]

const stays: [string, Expected[]][] = [
  // `pounds` and `points` alone are counted nouns (SPEC 5.2).
  ['It weighs 20 pounds.', [['20 pounds', 20, 'pounds', 'exact', null]]],
  ['The Dow fell 318 points.', [['318 points', 318, 'points', 'exact', 'down']]],
  // A rate keeps the currency, and its text ends at the amount.
  ['Oil hit $77 per barrel.', [['$77', 77, 'USD', 'exact', null]]],
  ['Gas was $3 a gallon.', [['$3', 3, 'USD', 'exact', null]]],
  // More than one space: the sign stands apart from the number.
  ['It cost $  4 billion.', [['4 billion', 4e9, null, 'exact', null]]],
  // A sign before the next number is that number's.
  [
    'It cost 5 €10 more.',
    [
      ['5', 5, null, 'exact', null],
      ['€10', 10, 'EUR', 'exact', null]
    ]
  ]
]

/** Sentences whose figures name no currency, whatever their counted nouns. */
const noCurrency: string[] = [
  // `won` after a small number is the verb.
  'Of 12 seats, 5 won.',
  // `francs` alone names no franc; `us` is the pronoun, not `US`.
  'It cost 5 francs.',
  'Gave 5 billion us dollars.',
  // `720p` is a video resolution.
  'It streams in 720p video.',
  // Codes that are words in a capitalized headline, or a language version, name no currency.
  'ALL 5 SUSPECTS WERE HELD.',
  'TOP 10 PICKS OF THE YEAR',
  'Sites still run PHP 5 today.',
  // Lower-case letters are no code; `$` after a number is a stray of markup.
  'It cost usd 5 million.',
  'It cost 5 $ more.'
]

describe('SPEC 5.2: currencies', () => {
  it.each(before)('reads the currency before the number in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(after)('reads the currency after the number in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(hundredths)('reads hundredths in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(stays)('reads no more than is written in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(noCurrency)('reads no currency in %j', (markdown) => {
    const units = readFigures(markdown).map((figure) => figure.unit)
    expect(units.filter((unit) => unit !== null && /^[A-Z]{3}$/.test(unit))).toEqual([])
  })
})
