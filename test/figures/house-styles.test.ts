/**
 * House styles the corpus of published copy holds and SPEC 5 does not list (issue 17: "choose what
 * a copy editor would expect, and add its rows"): whole scale words glued to the number
 * (`£10.7billion`), `pc` for per cent, `near` for `nearing`, `¢` for cents (`US60¢`), a margin one space before its
 * number (`+/- 3 points`), Indian digit grouping (`₹11,11,111 crore`) and `reais`. Each "reads"
 * row fails without its rule; the "stays" rows show what the rule must not take.
 */
import { describe, expect, it } from 'vitest'
import { type Expected, readFigures, summarize } from './read-figures.js'

const reads: [string, Expected[]][] = [
  ['Borrowing hit £10.7billion.', [['£10.7billion', 10.7e9, 'GBP', 'exact', null]]],
  ['It would cost $7trillion.', [['$7trillion', 7e12, 'USD', 'exact', null]]],
  ['The film drew 2.5million viewers.', [['2.5million viewers', 2.5e6, 'viewers', 'exact', null]]],
  ['Sales rose 16pc.', [['16pc', 16, '%', 'exact', 'up']]],
  ['The margin was 3 pc.', [['3 pc', 3, '%', 'exact', null]]],
  ['The dollar bought US60¢.', [['US60¢', 0.6, 'USD', 'exact', null]]],
  ['A stamp costs 45¢.', [['45¢', 0.45, 'USD', 'exact', null]]],
  ['The margin of error is +/- 3 points.', [['+/- 3 points', 3, 'points', 'exact', null]]],
  ['It spent ₹11,11,111 crore.', [['₹11,11,111 crore', 11111110000000, 'INR', 'exact', null]]],
  ['A crowd of 1,00,000 people came.', [['1,00,000 people', 100000, 'people', 'exact', null]]],
  [
    'Sales were about 1.8 billion reais.',
    [['about 1.8 billion reais', 1.8e9, 'BRL', 'about', null]]
  ],
  [
    'It reaches about 29m households.',
    [['about 29m households', 29e6, 'households', 'about', null]]
  ],
  ['Some 3m people voted.', [['Some 3m people', 3e6, 'people', 'about', null]]],
  ['Liquidations near $2 billion.', [['near $2 billion', 2e9, 'USD', 'nearly', null]]],
  ['Dow Falls Nearly 3K as Fears Deepen', [['Nearly 3K', 3000, null, 'nearly', 'down']]]
]

const stays: [string, Expected[]][] = [
  // Pieces are counted, not a percentage.
  ['They sold 5 pcs.', [['5 pcs', 5, 'pcs', 'exact', null]]],
  // `US` before a number is no currency unless cents follow.
  ['It paid US 60 units.', [['60 units', 60, 'units', 'exact', null]]],
  // Other signs stay glued to their number: a lone `+` before a space is no sign.
  ['Scores were + 3 for the home side.', [['3', 3, null, 'exact', null]]],
  // Groups of two only in the Indian pattern: before a last group of three.
  ['It holds 1,000,000 rows.', [['1,000,000 rows', 1e6, 'rows', 'exact', null]]],
  ['A real 5 percent gain.', [['5 percent', 5, '%', 'exact', 'up']]],
  // A glued `m` before anything but a plural count is metres: no figure of millions.
  ['She won the 100m sprint.', []],
  // A glued `K` with no approximator or movement word before it stays a display or a race.
  ['Buy a 4K screen.', []],
  ['The wall is 5m high.', []]
]

describe('house styles beyond SPEC 5.1-5.2', () => {
  it.each(reads)('reads %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it.each(stays)('reads only what is written in %j', (markdown, expected) => {
    expect(summarize(readFigures(markdown))).toEqual(expected)
  })
  it('reads no figure in a malformed Indian grouping', () => {
    expect(readFigures('Codes 12,34 and 1,00,00 are no amounts.')).toEqual([])
  })
})
