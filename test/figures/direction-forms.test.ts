/**
 * Direction the corpus of published copy states in ways SPEC 5.4 does not spell out: a movement
 * noun before the figure (`a rise of 0.3%`), and one change stated for two coordinated figures
 * (`fell by 56 000 in the EU28 and by 5 000 in the euro area`, `fell 12 per cent for GM and 7.5
 * per cent for Ford`). The "reads" rows fail without `directionOf`'s `of` rule or
 * `coordinatedDirection`; the "stays" rows show what neither may take.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

const reads: [string, Expected[]][] = [
  [
    'CPI rose by 1.1%, compared with a rise of 0.3% a year earlier.',
    [
      ['1.1%', 1.1, '%', 'exact', 'up'],
      ['0.3%', 0.3, '%', 'exact', 'up']
    ]
  ],
  ['It reported an increase of 5,000 jobs.', [['5,000 jobs', 5000, 'jobs', 'exact', 'up']]],
  [
    'The number fell by 56 000 in the EU28 and by 5 000 in the euro area.',
    [
      ['56 000', 56000, null, 'exact', 'down'],
      ['5 000', 5000, null, 'exact', 'down']
    ]
  ],
  [
    'Sales fell 12 per cent for GM and 7.5 per cent for Ford.',
    [
      ['12 per cent', 12, '%', 'exact', 'down'],
      ['7.5 per cent', 7.5, '%', 'exact', 'down']
    ]
  ]
]

const stays: [string, Expected[]][] = [
  // A noun naming a thing, with no article right before it, states no change.
  ['It brought a storm surge of up to 4 feet.', [['up to 4 feet', 4, 'feet', 'at-most', null]]],
  [
    'Sales fell 5% in May and 3% of staff left.',
    [
      ['5%', 5, '%', 'exact', 'down'],
      ['3%', 3, '%', 'exact', null]
    ]
  ],
  [
    'Sales fell 5% and 3 people left.',
    [
      ['5%', 5, '%', 'exact', 'down'],
      ['3 people', 3, 'people', 'exact', null]
    ]
  ]
]

describe('direction beyond the words of SPEC 5.4', () => {
  it.each(reads)('reads %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(stays)('reads no more than is written in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
})
