import { rangeFrom } from '../../../src/figures/constructs/range-from.js'
import { describeConstruct } from './construct-table.js'

describeConstruct(rangeFrom, {
  reads: [
    [
      'Estimates ranged from about $2 billion to about $10 billion.',
      [['from about $2 billion to about $10 billion', [2e9, 1e10], 'USD', 'range', null]]
    ],
    [
      'Estimates range from $2 billion to $10 billion.',
      [['from $2 billion to $10 billion', [2e9, 1e10], 'USD', 'range', null]]
    ],
    ['Yields ranging from 4% to 6% held.', [['from 4% to 6%', [4, 6], '%', 'range', null]]],
    ['Sizes ranges from 5 to 7 metres.', [['from 5 to 7 metres', [5, 7], 'metres', 'range', null]]],
    [
      'Bids ranged from nearly 10 to over 20 ships.',
      [['from nearly 10 to over 20 ships', [10, 20], 'ships', 'range', null]]
    ]
  ],
  same: [
    // A move between two levels stays two levels (SPEC 5.3).
    [
      'Inflation rose from 2.1% to 2.4%.',
      [
        ['2.1%', 2.1, '%', 'exact', null],
        ['2.4%', 2.4, '%', 'exact', null]
      ]
    ],
    [
      'Gold fell to $3,100 from $3,600.',
      [
        ['$3,100', 3100, 'USD', 'exact', null],
        ['$3,600', 3600, 'USD', 'exact', null]
      ]
    ],
    ['Estimates ranged from 2020 to 2025.', []],
    [
      'Estimates ranged from 14% to $3,000.',
      [
        ['14%', 14, '%', 'exact', null],
        ['$3,000', 3000, 'USD', 'exact', null]
      ]
    ],
    ['Estimates ranged from low to high.', []]
  ]
})
