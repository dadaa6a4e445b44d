/**
 * Direction the corpus of published copy states in ways SPEC 5.4 does not spell out: a movement
 * noun before the figure (`a rise of 0.3%`), and one change stated for two coordinated figures
 * (`fell by 56 000 in the EU28 and by 5 000 in the euro area`, `fell 12 per cent for GM and 7.5
 * per cent for Ford`), a percentage restating a change after a comma (`fell 2,997 points, nearly
 * 13%`), `gave up` (down) and a comparative after a counted noun (`ends 650 points lower`). The "reads" rows fail without `directionOf`'s `of` rule or
 * `coordinatedDirection`; the "stays" rows show what neither may take.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

const reads: [string, Expected[]][] = [
  [
    'The Dow fell 2,997 points, nearly 13%, on Monday.',
    [
      ['2,997 points', 2997, 'points', 'exact', 'down'],
      ['nearly 13%', 13, '%', 'nearly', 'down']
    ]
  ],
  ['The Dow gave up 552 points.', [['552 points', 552, 'points', 'exact', 'down']]],
  ['Dow ends 650 points lower', [['650 points', 650, 'points', 'exact', 'down']]],
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
  // A percentage after a percentage is no restatement of it.
  [
    'Sales fell 5%, 3% of them online.',
    [
      ['5%', 5, '%', 'exact', 'down'],
      ['3%', 3, '%', 'exact', null]
    ]
  ],
  // After a counted noun a movement word is its verb, not the figure's direction.
  ['Of those, 5 investors drop out.', [['5 investors', 5, 'investors', 'exact', null]]],
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
