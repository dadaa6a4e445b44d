import { describe, expect, it } from 'vitest'
import type { Approx } from '../../src/types.js'
import type { Expected } from './read-figures.js'
import { readFigures, summarize } from './read-figures.js'

type Row = readonly [markdown: string, expected: readonly Expected[]]

function expectFigures(markdown: string, expected: readonly Expected[], notFigures: string[] = []) {
  expect(summarize(readFigures(markdown, notFigures))).toEqual(expected)
}

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

describe('ranges', () => {
  const rows: Row[] = [
    ['Yields of 10-12% held.', [['10-12%', [10, 12], '%', 'range', null]]],
    ['Yields of 10–12% held.', [['10–12%', [10, 12], '%', 'range', null]]],
    ['Yields of 10 – 12% held.', [['10 – 12%', [10, 12], '%', 'range', null]]],
    ['Yields of 10%-12% held.', [['10%-12%', [10, 12], '%', 'range', null]]],
    ['Yields between 10 and 12% held.', [['between 10 and 12%', [10, 12], '%', 'range', null]]],
    ['Yields of 10% to 12% held.', [['10% to 12%', [10, 12], '%', 'range', null]]],
    ['Yields of 10 to 12 percent held.', [['10 to 12 percent', [10, 12], '%', 'range', null]]],
    [
      'It cost $1.8 billion to $2 billion.',
      [['$1.8 billion to $2 billion', [1.8e9, 2e9], 'USD', 'range', null]]
    ],
    ['It cost $1.8-2.1 billion.', [['$1.8-2.1 billion', [1.8e9, 2.1e9], 'USD', 'range', null]]],
    ['It cost $5-$6.', [['$5-$6', [5, 6], 'USD', 'range', null]]],
    [
      'Some 5,000-6,000 people came.',
      [['Some 5,000-6,000 people', [5000, 6000], 'people', 'range', null]]
    ],
    ['It took 5 to 7 days.', [['5 to 7 days', [5, 7], 'days', 'range', null]]],
    ['It moved two to three million.', [['two to three million', [2e6, 3e6], null, 'range', null]]],
    [
      'It moved between 500 and 2 million.',
      [['between 500 and 2 million', [500, 2e6], null, 'range', null]]
    ],
    ['Yields rose 10-12%.', [['10-12%', [10, 12], '%', 'range', 'up']]],
    ['Yields were about 10-12%.', [['about 10-12%', [10, 12], '%', 'range', null]]],
    [
      'Rates went from 5% to 7%.',
      [
        ['5%', 5, '%', 'exact', null],
        ['7%', 7, '%', 'exact', null]
      ]
    ],
    [
      'It fell 14% to $3,000.',
      [
        ['14%', 14, '%', 'exact', 'down'],
        ['$3,000', 3000, 'USD', 'exact', null]
      ]
    ],
    [
      'between 1 and between 1 and 2',
      [
        ['1', 1, null, 'exact', null],
        ['between 1 and 2', [1, 2], null, 'range', null]
      ]
    ]
  ]
  it.each(rows)('reads %s', expectFigures)
})

describe('direction from movement words', () => {
  const down = [
    'fell',
    'plunged',
    'plummeted',
    'crashed',
    'crashing',
    'dropped',
    'slid',
    'tumbled',
    'lost',
    'down'
  ]
  const up = ['rose', 'gained', 'jumped', 'surged', 'soared', 'climbed', 'rallied', 'up']
  const inflections: readonly (readonly [string, 'up' | 'down'])[] = [
    ['falls', 'down'],
    ['falling', 'down'],
    ['drops', 'down'],
    ['declined', 'down'],
    ['declines', 'down'],
    ['plunge', 'down'],
    ['rises', 'up'],
    ['rising', 'up'],
    ['gains', 'up'],
    ['jumps', 'up'],
    ['climbs', 'up']
  ]
  const verbRows: Row[] = [
    ...down.map((word): Row => [`Shares ${word} 7% on Monday.`, [['7%', 7, '%', 'exact', 'down']]]),
    ...up.map((word): Row => [`Shares ${word} 7% on Monday.`, [['7%', 7, '%', 'exact', 'up']]]),
    ...inflections.map(([word, direction]): Row => [
      `Shares ${word} 7% on Monday.`,
      [['7%', 7, '%', 'exact', direction]]
    ])
  ]
  const nounRows: Row[] = [
    ['It was a 14% drop.', [['14%', 14, '%', 'exact', 'down']]],
    ['It was a 14% fall.', [['14%', 14, '%', 'exact', 'down']]],
    ['It was a 14% decline.', [['14%', 14, '%', 'exact', 'down']]],
    ['It was a 14% plunge.', [['14%', 14, '%', 'exact', 'down']]],
    ['It was a $2 billion loss.', [['$2 billion', 2e9, 'USD', 'exact', 'down']]],
    ['It was a 5% rise.', [['5%', 5, '%', 'exact', 'up']]],
    ['It was a 5% gain.', [['5%', 5, '%', 'exact', 'up']]],
    ['It was a 5% jump.', [['5%', 5, '%', 'exact', 'up']]],
    ['It was a 5% increase.', [['5%', 5, '%', 'exact', 'up']]],
    ['It was a nearly 40% retracement.', [['nearly 40%', 40, '%', 'nearly', null]]],
    ['It was a 500 point drop.', [['500 point', 500, 'point', 'exact', 'down']]],
    ['Then 5 investors drop out.', [['5 investors', 5, 'investors', 'exact', null]]]
  ]
  const linkRows: Row[] = [
    ['Shares fell by 7%.', [['7%', 7, '%', 'exact', 'down']]],
    ['Shares fell sharply by 7%.', [['7%', 7, '%', 'exact', 'down']]],
    ['Shares briefly fell 7%.', [['7%', 7, '%', 'exact', 'down']]],
    ['Shares rose a further 2%.', [['2%', 2, '%', 'exact', 'up']]],
    ['Shares rose as much as 7%.', [['7%', 7, '%', 'exact', 'up']]],
    ['Shares plummeted over 7%.', [['over 7%', 7, '%', 'over', 'down']]],
    ['Shares fell nearly 40%.', [['nearly 40%', 40, '%', 'nearly', 'down']]],
    ['Shares fell below $3,100.', [['below $3,100', 3100, 'USD', 'under', null]]],
    ['Yields rose above 5%.', [['above 5%', 5, '%', 'over', null]]],
    ['Bitcoin climbed past $100,000.', [['$100,000', 100000, 'USD', 'exact', null]]],
    ['Bitcoin dropped under $90,000.', [['under $90,000', 90000, 'USD', 'under', null]]],
    ['Bitcoin fell to $90,000.', [['$90,000', 90000, 'USD', 'exact', null]]],
    ['Shares fell, 7% in all.', [['7%', 7, '%', 'exact', null]]],
    ['Shares fell `x` 7%.', [['7%', 7, '%', 'exact', null]]],
    ['It crashed.\n\n7% of holders sold.', [['7%', 7, '%', 'exact', null]]]
  ]
  it.each(verbRows)('reads %s', expectFigures)
  it.each(nounRows)('reads %s, from the noun after the figure', expectFigures)
  it.each(linkRows)('reads %s, only when nothing but fillers stand between', expectFigures)
})

describe('numbers that are no figures', () => {
  const rows: Row[] = [
    ['November 4th was grim.', []],
    ['On Nov. 4 it fell.', []],
    ['On Nov 4 it fell.', []],
    ['On 4 November it fell.', []],
    ['On 4 Nov it fell.', []],
    ['On the 4th of November it fell.', []],
    ['On November 3, 2025 it fell.', []],
    ['On October 26th it fell.', []],
    ['It fell on 2025-11-04.', []],
    ['It fell on 11/04/2025.', []],
    ['It fell on 04.11.2025.', []],
    ['It fell on Nov. 4-5.', []],
    ['It has not been this low since June.', []],
    ['In 2025 alone it fell.', []],
    ['The 2024 election mattered.', []],
    ['Around 2000, the bubble burst.', []],
    ['From 2020-2025 it grew.', []],
    ['From 2024-25 it grew.', []],
    ['Between 2020 and 2025 it grew.', []],
    ['From 2020 to 2025 it grew.', []],
    ['It peaked in the 1990s and the \u201990s.', []],
    ['Markets close at 18:30.', []],
    ['Markets close at 6 p.m.', []],
    ['Markets close at 6pm.', []],
    ['Markets close at 6 PM.', []],
    ['Markets open at 9:30 a.m.', []],
    ['Markets open at 9 o\u2019clock.', []],
    ['It came 4th and 1st, then 22nd and 3rd.', []],
    ['COVID-19 hit the G7.', []],
    ['Web3 and F-35 and A320 and ERC-20.', []],
    ['5G and 3D and a 10x return.', []],
    ['The 10-year yield and a 14-day high.', []],
    ['It was No. 1 and #2.', []],
    ['It runs 24/7 with a 3:1 ratio.', []],
    ['Version 1.2.3 and 1,1,1 and 1234,567.', []],
    // A margin one space before its number (SPEC 5.1): value 2, no direction.
    ['The margin is ± 2 points.', [['± 2 points', 2, 'points', 'exact', null]]],
    // SPEC 5.5: the built-in market indexes are never figures, with or without `not_figures`.
    ['The S&P 500 fell 2%.', [['2%', 2, '%', 'exact', 'down']]],
    ['The Nikkei 225 and the FTSE 250 fell 2%.', [['2%', 2, '%', 'exact', 'down']]],
    ['The Euro Stoxx 50 rose 1%.', [['1%', 1, '%', 'exact', 'up']]]
  ]
  it.each(rows)('finds nothing to check in %s', (markdown, expected) => {
    expectFigures(markdown, expected)
  })

  // `removes`: the list takes a figure out, so without the list the text reads otherwise (checked
  // below, or the row would pass with no list at all). `keeps`: the list must not match here, so
  // the text reads the same with and without it.
  const listed: readonly (readonly ['removes' | 'keeps', string, string[], readonly Expected[]])[] =
    [
      ['removes', 'The a&b 500 fell 2%.', ['a&b 500'], [['2%', 2, '%', 'exact', 'down']]],
      ['removes', 'The a&amp;b 500 fell 2%.', ['a&b 500'], [['2%', 2, '%', 'exact', 'down']]],
      ['removes', 'The a&b\n500 fell 2%.', ['a&b 500'], [['2%', 2, '%', 'exact', 'down']]],
      [
        'keeps',
        'The a&b 500 fell 2%.',
        ['A&B 500'],
        [
          ['500', 500, null, 'exact', null],
          ['2%', 2, '%', 'exact', 'down']
        ]
      ],
      [
        'keeps',
        'The G7 met; 75 leaders came.',
        ['G7'],
        [['75 leaders', 75, 'leaders', 'exact', null]]
      ],
      ['removes', 'The hang seng 100 rose 1%.', ['hang seng 100'], [['1%', 1, '%', 'exact', 'up']]],
      ['removes', 'Polls carry a margin of 3 points.', ['3 points'], []]
    ]
  it.each(listed)(
    'honours not_figures (%s) in %s (%j)',
    (_kind, markdown, notFigures, expected) => {
      expectFigures(markdown, expected, notFigures)
    }
  )
  it.each(listed)(
    '%s: %s reads as the list says, against no list',
    (kind, markdown, _list, expected) => {
      const withoutList = summarize(readFigures(markdown, []))
      if (kind === 'removes') expect(withoutList).not.toEqual(expected)
      else expect(withoutList).toEqual(expected)
    }
  )
})

describe('figure records', () => {
  it('gives prose and source offsets that slice back to the figure text', () => {
    const markdown = 'Bitcoin plummeted over 7% in a day.'
    const [figure] = readFigures(markdown)
    expect(figure).toMatchObject({ start: 18, end: 25, sourceStart: 18, sourceEnd: 25 })
    expect(markdown.slice(figure?.sourceStart, figure?.sourceEnd)).toBe('over 7%')
  })

  it('returns figures in document order', () => {
    const figures = readFigures('First 3 banks.\n\nThen 5% fell.\n\n# 7 days')
    expect(figures.map((figure) => figure.text)).toEqual(['3 banks', '5%', '7 days'])
  })

  it('finds nothing in an empty body', () => {
    expect(readFigures('')).toEqual([])
  })
})
