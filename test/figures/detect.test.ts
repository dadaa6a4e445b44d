import { describe, it } from 'vitest'
import type { Approx } from '../../src/types.js'
import type { Expected } from './read-figures.js'
import { expectFigures } from './read-figures.js'

type Row = readonly [markdown: string, expected: readonly Expected[]]

/** The approximator table of SPEC 5, written out here so that a change to the lexicon shows. */
const approximatorTable: readonly (readonly [string, Approx])[] = [
  ['over', 'over'],
  ['more than', 'over'],
  ['above', 'over'],
  ['exceeding', 'over'],
  ['exceeded', 'over'],
  ['exceeds', 'over'],
  ['surpassed', 'over'],
  ['in excess of', 'over'],
  ['upwards of', 'over'],
  ['topping', 'over'],
  ['topped', 'over'],
  ['north of', 'over'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['under', 'under'],
  ['less than', 'under'],
  ['below', 'under'],
  ['fewer than', 'under'],
  ['beneath', 'under'],
  ['shy of', 'under'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['no more than', 'at-most'],
  ['a maximum of', 'at-most'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['approaching', 'nearly'],
  ['close to', 'nearly'],
  ['nearing', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['circa', 'about'],
  ['just over', 'just-over'],
  ['slightly more than', 'just-over'],
  ['slightly above', 'just-over'],
  ['just under', 'just-under'],
  ['slightly less than', 'just-under'],
  ['slightly below', 'just-under']
]

describe('approximators of the SPEC table', () => {
  const capitalized = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1)
  const bare: Row[] = approximatorTable.map(([phrase, approx]) => [
    `Turnover was ${phrase} 7% of the total.`,
    [[`${phrase} 7%`, 7, '%', approx, null]]
  ])
  const withThe: Row[] = approximatorTable.map(([phrase, approx]) => [
    `${capitalized(phrase)} the $5,000 mark held.`,
    [[`${capitalized(phrase)} the $5,000`, 5000, 'USD', approx, null]]
  ])

  it.each(bare)('reads %s', expectFigures)
  it.each(withThe)('reads %s, with `the` and any case', expectFigures)
})

describe('figures of the sample market report', () => {
  const rows: Row[] = [
    [
      'Bitcoin plummeted over 7% in a single day, briefly breaking below the $99,000 mark to hit its lowest level since June',
      [
        ['over 7%', 7, '%', 'over', 'down'],
        ['below the $99,000', 99000, 'USD', 'under', null]
      ]
    ],
    [
      // `retracement` gives no direction: drawdown() measures it as a positive percent.
      'Ethereum suffered an even steeper decline, crashing 14% to fall below $3,100, a nearly 40% retracement from its August peak.',
      [
        ['14%', 14, '%', 'exact', 'down'],
        ['below $3,100', 3100, 'USD', 'under', null],
        ['nearly 40%', 40, '%', 'nearly', null]
      ]
    ],
    [
      'over 470,000 investors worldwide were forced into margin calls within 24 hours, with the total liquidation amount approaching $2 billion—more than 90% of which were long positions',
      [
        ['over 470,000 investors', 470000, 'investors', 'over', null],
        ['24 hours', 24, 'hours', 'exact', null],
        ['approaching $2 billion', 2e9, 'USD', 'nearly', null],
        ['more than 90%', 90, '%', 'over', null]
      ]
    ],
    [
      'The U.S. federal government shutdown has lasted over 30 days',
      [['over 30 days', 30, 'days', 'over', null]]
    ],
    ['an all-time high of $70 billion', [['$70 billion', 7e10, 'USD', 'exact', null]]],
    [
      'approximately 400,000 Bitcoins have been sold since October',
      [['approximately 400,000 Bitcoins', 400000, 'bitcoins', 'about', null]]
    ],
    ['over $100 million in losses', [['over $100 million', 1e8, 'USD', 'over', null]]],
    ['the stablecoin had depegged by 38%', [['38%', 38, '%', 'exact', null]]],
    ['fees exceeded $20 million', [['exceeded $20 million', 2e7, 'USD', 'over', null]]],
    [
      'burying three houses and causing at least 11 deaths and over 20 people missing',
      [
        ['three houses', 3, 'houses', 'exact', null],
        ['at least 11 deaths', 11, 'deaths', 'at-least', null],
        ['over 20 people', 20, 'people', 'over', null]
      ]
    ],
    // SPEC 5.1: `±N` states a margin of N, no direction; a site lists it in not_figures to drop it.
    ['order books were almost emptied within a ±4% price range', [['±4%', 4, '%', 'exact', null]]],
    ['November 4th was a day of terror for crypto markets.', []]
  ]
  it.each(rows)('reads %s', expectFigures)

  it('leaves out a phrase listed in not_figures', () => {
    expectFigures('order books were almost emptied within a ±4% price range', [], ['±4%'])
  })
})

describe('longest approximator phrase wins', () => {
  const rows: Row[] = [
    ['Gas rose just over 5% today.', [['just over 5%', 5, '%', 'just-over', 'up']]],
    [
      'It was slightly more than 5% of sales.',
      [['slightly more than 5%', 5, '%', 'just-over', null]]
    ],
    ['It was no more than 5% of sales.', [['no more than 5%', 5, '%', 'at-most', null]]],
    ['It was no less than 5% of sales.', [['no less than 5%', 5, '%', 'at-least', null]]],
    ['No fewer than 12 banks failed.', [['No fewer than 12 banks', 12, 'banks', 'at-least', null]]],
    ['Output was slightly below 3%.', [['slightly below 3%', 3, '%', 'just-under', null]]],
    ['Output was slightly less than 3%.', [['slightly less than 3%', 3, '%', 'just-under', null]]],
    ['Output was just under 3%.', [['just under 3%', 3, '%', 'just-under', null]]],
    ['Fees came to up to 2%.', [['up to 2%', 2, '%', 'at-most', null]]],
    ['Supply was ~5% lower.', [['~5%', 5, '%', 'about', 'down']]],
    ['It cost ~$5 billion.', [['~$5 billion', 5e9, 'USD', 'about', null]]],
    ['OVER 7% OF TRADES FAILED', [['OVER 7%', 7, '%', 'over', null]]],
    [
      'Over 470,000 Investors Liquidated',
      [['Over 470,000 Investors', 470000, 'investors', 'over', null]]
    ],
    ['over over over 5 banks', [['over 5 banks', 5, 'banks', 'over', null]]]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('currencies', () => {
  const rows: Row[] = [
    ['It cost $5.', [['$5', 5, 'USD', 'exact', null]]],
    ['It cost US$5 billion.', [['US$5 billion', 5e9, 'USD', 'exact', null]]],
    ['It cost €3 million.', [['€3 million', 3e6, 'EUR', 'exact', null]]],
    ['It cost £2.5 billion.', [['£2.5 billion', 2.5e9, 'GBP', 'exact', null]]],
    ['It cost ¥100 billion.', [['¥100 billion', 1e11, 'JPY', 'exact', null]]],
    ['It cost ¥5 billion yuan.', [['¥5 billion yuan', 5e9, 'CNY', 'exact', null]]],
    ['It cost ¥5 billion RMB.', [['¥5 billion RMB', 5e9, 'CNY', 'exact', null]]],
    ['It cost 5 billion yuan.', [['5 billion yuan', 5e9, 'CNY', 'exact', null]]],
    ['It cost 5 billion RMB.', [['5 billion RMB', 5e9, 'CNY', 'exact', null]]],
    ['It cost RMB 5 billion.', [['RMB 5 billion', 5e9, 'CNY', 'exact', null]]],
    ['It cost USD 5 million.', [['USD 5 million', 5e6, 'USD', 'exact', null]]],
    ['It cost 5 million USD.', [['5 million USD', 5e6, 'USD', 'exact', null]]],
    ['It cost 20 euros.', [['20 euros', 20, 'EUR', 'exact', null]]],
    ['It cost 20 dollars.', [['20 dollars', 20, 'USD', 'exact', null]]],
    ['It cost 20 US dollars.', [['20 US dollars', 20, 'USD', 'exact', null]]],
    ['It cost 300 yen.', [['300 yen', 300, 'JPY', 'exact', null]]],
    ['It cost HK$8 billion.', [['HK$8 billion', 8e9, 'HKD', 'exact', null]]],
    ['It cost EUR 40.', [['EUR 40', 40, 'EUR', 'exact', null]]],
    ['A $2,000 fee was waived.', [['$2,000', 2000, 'USD', 'exact', null]]],
    ['It cost $five.', []]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('percent, percentage points and basis points', () => {
  const rows: Row[] = [
    ['Rates were 7% higher.', [['7%', 7, '%', 'exact', 'up']]],
    ['Rates were 7 % higher.', [['7 %', 7, '%', 'exact', 'up']]],
    ['A 7 percent share.', [['7 percent', 7, '%', 'exact', null]]],
    ['A 7 per cent share.', [['7 per cent', 7, '%', 'exact', null]]],
    ['A 7 pct share.', [['7 pct', 7, '%', 'exact', null]]],
    ['A 0.5% share.', [['0.5%', 0.5, '%', 'exact', null]]],
    ['A .5% share.', [['.5%', 0.5, '%', 'exact', null]]],
    ['Margins widened 2 percentage points.', [['2 percentage points', 2, 'pp', 'exact', null]]],
    ['Margins widened 1 percentage point.', [['1 percentage point', 1, 'pp', 'exact', null]]],
    ['Margins widened 2pp.', [['2pp', 2, 'pp', 'exact', null]]],
    ['Margins widened 2 pp.', [['2 pp', 2, 'pp', 'exact', null]]],
    ['Margins widened 2 ppt.', [['2 ppt', 2, 'pp', 'exact', null]]],
    ['The Fed cut by 25 basis points.', [['25 basis points', 25, 'bp', 'exact', null]]],
    ['The Fed cut by 25bps.', [['25bps', 25, 'bp', 'exact', null]]],
    // SPEC 5.1: a sign gives the direction, and the value is the magnitude.
    ['Returns were -5% this year.', [['-5%', 5, '%', 'exact', 'down']]],
    ['Returns were −2.5% this year.', [['−2.5%', 2.5, '%', 'exact', 'down']]],
    ['Returns were +3% this year.', [['+3%', 3, '%', 'exact', 'up']]],
    ['The band is +/-2% wide.', [['+/-2%', 2, '%', 'exact', null]]],
    ['Returns were (5%) this year.', [['5%', 5, '%', 'exact', null]]]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('scale words', () => {
  const rows: Row[] = [
    ['It raised 2 thousand dollars.', [['2 thousand dollars', 2000, 'USD', 'exact', null]]],
    ['It raised 2 million.', [['2 million', 2e6, null, 'exact', null]]],
    ['It raised 2 billion.', [['2 billion', 2e9, null, 'exact', null]]],
    ['It raised 2 trillion.', [['2 trillion', 2e12, null, 'exact', null]]],
    ['It raised $2bn.', [['$2bn', 2e9, 'USD', 'exact', null]]],
    ['It raised $2 bn.', [['$2 bn', 2e9, 'USD', 'exact', null]]],
    ['It raised $2tn.', [['$2tn', 2e12, 'USD', 'exact', null]]],
    ['It raised €3m.', [['€3m', 3e6, 'EUR', 'exact', null]]],
    ['It raised $5M.', [['$5M', 5e6, 'USD', 'exact', null]]],
    ['It raised $3B.', [['$3B', 3e9, 'USD', 'exact', null]]],
    ['It raised $40k.', [['$40k', 40000, 'USD', 'exact', null]]],
    ['Some 10k runners came.', [['Some 10k runners', 10000, 'runners', 'about', null]]],
    ['It raised $1.1 billion.', [['$1.1 billion', 1.1e9, 'USD', 'exact', null]]],
    ['It raised $0.5bn.', [['$0.5bn', 5e8, 'USD', 'exact', null]]],
    ['It raised 2 Billion.', [['2 Billion', 2e9, null, 'exact', null]]],
    ['It hired two hundred people.', [['two hundred people', 200, 'people', 'exact', null]]],
    ['It moved two hundred million.', [['two hundred million', 2e8, null, 'exact', null]]],
    ['A 4K screen and 1.5m people.', [['1.5m people', 1.5e6, 'people', 'exact', null]]]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('spelled numbers', () => {
  const rows: Row[] = [
    ['It buried three houses.', [['three houses', 3, 'houses', 'exact', null]]],
    ['Ten people were rescued.', [['Ten people', 10, 'people', 'exact', null]]],
    ['It took nineteen days.', [['nineteen days', 19, 'days', 'exact', null]]],
    ['It took twenty days.', [['twenty days', 20, 'days', 'exact', null]]],
    ['It took twenty-five days.', [['twenty-five days', 25, 'days', 'exact', null]]],
    ['It took twenty five days.', [['twenty five days', 25, 'days', 'exact', null]]],
    ['It took ninety-nine days.', [['ninety-nine days', 99, 'days', 'exact', null]]],
    ['It moved two million.', [['two million', 2e6, null, 'exact', null]]],
    ['It cost two million dollars.', [['two million dollars', 2e6, 'USD', 'exact', null]]],
    ['Yields rose five percent.', [['five percent', 5, '%', 'exact', 'up']]],
    ['Yields rose five per cent.', [['five per cent', 5, '%', 'exact', 'up']]],
    ['It moved one million.', [['one million', 1e6, null, 'exact', null]]],
    ['Yields rose one percent.', [['one percent', 1, '%', 'exact', 'up']]],
    ['Only one investor sold.', [['one investor', 1, 'investor', 'exact', null]]],
    ['It was one of the worst days.', []],
    ['It was a one-off.', []],
    ['No one sold.', []],
    ['It was the one.', []],
    ['One day it will.', []],
    ['A three-day rally.', []],
    ['The twenty-first day.', []],
    ['Fivefold gains.', []],
    ['Someone often sells.', []],
    ['The two sides agreed.', [['two sides', 2, 'sides', 'exact', null]]],
    [
      'Between five and ten banks.',
      [['Between five and ten banks', [5, 10], 'banks', 'range', null]]
    ]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('counted nouns', () => {
  const rows: Row[] = [
    ['11 deaths were reported.', [['11 deaths', 11, 'deaths', 'exact', null]]],
    ['It sold 400,000 Bitcoins.', [['400,000 Bitcoins', 400000, 'bitcoins', 'exact', null]]],
    ['It fell 7% in a single day.', [['7%', 7, '%', 'exact', 'down']]],
    ['3 of them sold.', [['3', 3, null, 'exact', null]]],
    ['It took 5 trading days.', [['5 trading days', 5, 'days', 'exact', null]]],
    ['It has 5 long-term holders.', [['5 long-term holders', 5, 'holders', 'exact', null]]],
    ['There were 5 remaining.', [['5', 5, null, 'exact', null]]],
    ['There are three major factors.', [['three major factors', 3, 'factors', 'exact', null]]],
    ['It lasted 30 days.', [['30 days', 30, 'days', 'exact', null]]],
    ['Some 20 ETFs closed.', [['Some 20 ETFs', 20, 'etfs', 'about', null]]],
    ['It had 5\nbranches.', [['5\nbranches', 5, 'branches', 'exact', null]]],
    ['The $99,000 mark broke.', [['$99,000', 99000, 'USD', 'exact', null]]],
    ['It had 1,000,000.50 units.', [['1,000,000.50 units', 1000000.5, 'units', 'exact', null]]],
    [
      'Of 5 banks, 2 failed.',
      [
        ['5 banks', 5, 'banks', 'exact', null],
        ['2', 2, null, 'exact', null]
      ]
    ]
  ]
  it.each(rows)('reads %s', expectFigures)
})
