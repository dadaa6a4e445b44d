import { approximatorPhrase } from '../../../src/figures/constructs/approximator-phrase.js'
import { describeConstruct } from './construct-table.js'

describeConstruct(approximatorPhrase, {
  reads: [
    ['Turnover was over 7% of the total.', [['over 7%', 7, '%', 'over', null]]],
    ['Below the $99,000 mark held.', [['Below the $99,000', 99000, 'USD', 'under', null]]],
    [
      'It was slightly more than 5% of sales.',
      [['slightly more than 5%', 5, '%', 'just-over', null]]
    ],
    ['No fewer than 12 banks failed.', [['No fewer than 12 banks', 12, 'banks', 'at-least', null]]],
    ['Gas rose just over 5% today.', [['just over 5%', 5, '%', 'just-over', 'up']]],
    ['Shares plummeted over 7%.', [['over 7%', 7, '%', 'over', 'down']]],
    ['Shares fell below $3,100.', [['below $3,100', 3100, 'USD', 'under', null]]],
    ['It cost about ~$5 billion.', [['about ~$5 billion', 5e9, 'USD', 'about', null]]],
    ['Over 2000 people came.', [['Over 2000 people', 2000, 'people', 'over', null]]],
    ['Yields were about 10-12%.', [['about 10-12%', [10, 12], '%', 'range', null]]],
    ['over over over 5 banks', [['over 5 banks', 5, 'banks', 'over', null]]],
    ['Fees came to up to 2%.', [['up to 2%', 2, '%', 'at-most', null]]]
  ],
  same: [
    ['It was over the moon.', []],
    ['Around 2000, the bubble burst.', []],
    ['It was over 4th place.', []],
    ['Nearly\n\n7% of holders sold.', [['7%', 7, '%', 'exact', null]]],
    // SPEC 5.4: after a movement word `up to` means `to`; the level reached is read bare.
    ['Revenue jumps up to $11 million.', [['$11 million', 11e6, 'USD', 'exact', null]]]
  ]
})
