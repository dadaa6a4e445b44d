/**
 * Figure detection, part two (part one: detect.test.ts): ranges, direction from movement words,
 * numbers that are no figures, and the figure records.
 */
import { describe, expect, it } from 'vitest'
import type { Expected } from './read-figures.js'
import { expectFigures, readFigures, summarize } from './read-figures.js'

type Row = readonly [markdown: string, expected: readonly Expected[]]

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
