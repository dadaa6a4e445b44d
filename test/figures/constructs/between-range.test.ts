import { betweenRange } from '../../../src/figures/constructs/between-range.js'
import { describeConstruct } from './construct-table.js'

describeConstruct(betweenRange, {
  reads: [
    ['Yields between 10 and 12% held.', [['between 10 and 12%', [10, 12], '%', 'range', null]]],
    [
      'Between five and ten banks.',
      [['Between five and ten banks', [5, 10], 'banks', 'range', null]]
    ],
    [
      'It moved between 500 and 2 million.',
      [['between 500 and 2 million', [500, 2e6], null, 'range', null]]
    ],
    [
      'It cost between $1.8 billion and $2 billion.',
      [['between $1.8 billion and $2 billion', [1.8e9, 2e9], 'USD', 'range', null]]
    ],
    ['Shares rose between 5 and 7%.', [['between 5 and 7%', [5, 7], '%', 'range', 'up']]],
    [
      'It cost between 12 and 10 dollars.',
      [['between 12 and 10 dollars', [10, 12], 'USD', 'range', null]]
    ],
    [
      'between 1 and between 1 and 2',
      [
        ['1', 1, null, 'exact', null],
        ['between 1 and 2', [1, 2], null, 'range', null]
      ]
    ]
  ],
  same: [
    ['Between 2020 and 2025 it grew.', []],
    [
      'It sat between 14% and $3,000.',
      [
        ['14%', 14, '%', 'exact', null],
        ['$3,000', 3000, 'USD', 'exact', null]
      ]
    ],
    [
      'It sat between 14% or 15%.',
      [
        ['14%', 14, '%', 'exact', null],
        ['15%', 15, '%', 'exact', null]
      ]
    ],
    ['It sat between the lines.', []]
  ]
})
