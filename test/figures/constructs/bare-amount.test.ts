import { bareAmount } from '../../../src/figures/constructs/bare-amount.js'
import { describeConstruct } from './construct-table.js'

describeConstruct(bareAmount, {
  reads: [
    ['It cost $5.', [['$5', 5, 'USD', 'exact', null]]],
    ['It sold 470,000 Bitcoins.', [['470,000 Bitcoins', 470000, 'bitcoins', 'exact', null]]],
    ['It cost 5 billion yuan.', [['5 billion yuan', 5e9, 'CNY', 'exact', null]]],
    ['Supply was ~5% lower.', [['~5%', 5, '%', 'about', 'down']]],
    ['It was a 14% drop.', [['14%', 14, '%', 'exact', 'down']]],
    ['Yields of 10-12% held.', [['10-12%', [10, 12], '%', 'range', null]]],
    ['It took 5 to 7 days.', [['5 to 7 days', [5, 7], 'days', 'range', null]]],
    [
      'Rates went from 5% to 7%.',
      [
        ['5%', 5, '%', 'exact', null],
        ['7%', 7, '%', 'exact', null]
      ]
    ],
    ['Ten people were rescued.', [['Ten people', 10, 'people', 'exact', null]]]
  ],
  same: [
    ['November 4th was grim.', []],
    ['In 2025 alone it fell.', []],
    ['COVID-19 hit the G7.', []],
    ['It was a one-off.', []]
  ]
})
