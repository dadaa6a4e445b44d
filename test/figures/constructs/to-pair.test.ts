import { toPair } from '../../../src/figures/constructs/to-pair.js'
import { describeConstruct } from './construct-table.js'

describeConstruct(toPair, {
  reads: [
    // A descending pair, as in a poll or a score, is two figures (SPEC 5.3).
    [
      'Smith leads 47 percent to 39 percent.',
      [
        ['47 percent', 47, '%', 'exact', null],
        ['39 percent', 39, '%', 'exact', null]
      ]
    ],
    [
      'Smith leads 47 to 39 percent.',
      [
        ['47', 47, '%', 'exact', null],
        ['39 percent', 39, '%', 'exact', null]
      ]
    ],
    [
      'The Senate voted 52 to 48.',
      [
        ['52', 52, null, 'exact', null],
        ['48', 48, null, 'exact', null]
      ]
    ],
    [
      'It cost $2 billion to $500 million.',
      [
        ['$2 billion', 2e9, 'USD', 'exact', null],
        ['$500 million', 5e8, 'USD', 'exact', null]
      ]
    ],
    // A change and the level it reaches: the unit after the first amount only.
    [
      'The Dow lost 500 points to 38,000.',
      [
        ['500 points', 500, 'points', 'exact', 'down'],
        ['38,000', 38000, null, 'exact', null]
      ]
    ],
    [
      'Yields rose 2% to 9.',
      [
        ['2%', 2, '%', 'exact', 'up'],
        ['9', 9, null, 'exact', null]
      ]
    ],
    // A change far below the level it reaches, after a movement word or a sign.
    [
      'Bills fell £151 to £1,923 this year.',
      [
        ['£151', 151, 'GBP', 'exact', 'down'],
        ['£1,923', 1923, 'GBP', 'exact', null]
      ]
    ],
    [
      'Wages rose +$0.99 to $31.06.',
      [
        ['+$0.99', 0.99, 'USD', 'exact', 'up'],
        ['$31.06', 31.06, 'USD', 'exact', null]
      ]
    ]
  ],
  same: [
    ['Yields rose 10 to 12 percent.', [['10 to 12 percent', [10, 12], '%', 'range', 'up']]],
    ['It cost $2 to $30.', [['$2 to $30', [2, 30], 'USD', 'range', null]]],
    // Ascending pairs stay ranges.
    ['Yields of 10 to 12 percent held.', [['10 to 12 percent', [10, 12], '%', 'range', null]]],
    ['Yields of 10% to 12% held.', [['10% to 12%', [10, 12], '%', 'range', null]]],
    ['It took 5 to 7 days.', [['5 to 7 days', [5, 7], 'days', 'range', null]]],
    ['It moved two to three million.', [['two to three million', [2e6, 3e6], null, 'range', null]]],
    [
      'It cost $1.8 billion to $2 billion.',
      [['$1.8 billion to $2 billion', [1.8e9, 2e9], 'USD', 'range', null]]
    ],
    [
      'It fell 14% to $3,000.',
      [
        ['14%', 14, '%', 'exact', 'down'],
        ['$3,000', 3000, 'USD', 'exact', null]
      ]
    ],
    [
      'Rates went from 7% to 5%.',
      [
        ['7%', 7, '%', 'exact', null],
        ['5%', 5, '%', 'exact', null]
      ]
    ],
    ['From 2025 to 2020 it shrank.', []],
    ['Between 12 and 10 dollars.', [['Between 12 and 10 dollars', [10, 12], 'USD', 'range', null]]]
  ]
})
