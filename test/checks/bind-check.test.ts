import { describe, expect, it } from 'vitest'
import { bindCheck, findSays } from '../../src/checks/bind-check.js'
import { figureIn, makeProse } from './make-figure.js'

const text =
  'Bitcoin plummeted over 7% on Tuesday, below the $99,000 mark, while ether fell 7% and ' +
  'solana slid 14%, then 7% more.'
const prose = makeProse(text)
const over7 = figureIn(text, 'over 7%', { value: 7, unit: '%', approx: 'over' })
const below = figureIn(text, 'below the $99,000', { value: 99000, unit: 'USD', approx: 'under' })
const ether7 = figureIn(text, '7%', { value: 7, unit: '%', direction: 'down', nth: 2 })
const solana14 = figureIn(text, '14%', { value: 14, unit: '%', direction: 'down' })
const more7 = figureIn(text, '7%', { value: 7, unit: '%', nth: 3 })
const figures = [over7, below, ether7, solana14, more7]

describe('bindCheck', () => {
  it.each([
    ['over 7%', undefined, over7],
    ['below the $99,000 mark', undefined, below],
    ['ether fell 7%', undefined, ether7],
    ['7%', 2, ether7],
    ['7%', 3, more7],
    ['7%', 1, over7],
    ['Bitcoin plummeted over 7%', 1, over7]
  ] as const)('binds "%s" (occurrence %s) to its figure', (figure, occurrence, expected) => {
    const check = occurrence === undefined ? { figure } : { figure, occurrence }
    expect(bindCheck(check, prose, figures)).toEqual({ ok: true, figure: expected })
  })

  it.each([
    [
      'over 8%',
      undefined,
      'check-not-found',
      'check text "over 8%" not found in the headline, summary or body (did you mean "over 7%"?)'
    ],
    [
      'Ethereum soared',
      undefined,
      'check-not-found',
      'check text "Ethereum soared" not found in the headline, summary or body'
    ],
    [
      'bitcoin plummeted',
      undefined,
      'check-not-found',
      'check text "bitcoin plummeted" not found in the headline, summary or body'
    ],
    [
      '7%',
      undefined,
      'check-ambiguous',
      'check text "7%" occurs 3 times; add occurrence: N (1-3) to pick one'
    ],
    [
      '7%',
      4,
      'check-not-found',
      'check text "7%" occurs 3 times; occurrence: 4 does not exist (use 1-3)'
    ],
    ['Bitcoin', undefined, 'check-no-figure', 'check text "Bitcoin" holds no figure'],
    [
      '7% and solana slid 14%',
      undefined,
      'check-no-figure',
      'check text "7% and solana slid 14%" holds 2 figures (7%, 14%); narrow it to one'
    ]
  ] as const)('rejects "%s" (occurrence %s) with %s', (figure, occurrence, rule, message) => {
    const check = occurrence === undefined ? { figure } : { figure, occurrence }
    expect(bindCheck(check, prose, figures)).toEqual({ ok: false, rule, message })
  })

  it('binds across line breaks and whitespace runs on both sides', () => {
    const wrapped = 'Prices fell\n  over\n7% in a day.'
    const figure = figureIn(wrapped, 'over\n7%', { value: 7, unit: '%', approx: 'over' })
    const body = makeProse(wrapped)
    expect(bindCheck({ figure: 'over 7%' }, body, [figure])).toEqual({ ok: true, figure })
    expect(bindCheck({ figure: 'fell   over  7%' }, body, [figure])).toEqual({ ok: true, figure })
    expect(bindCheck({ figure: ' over\t7% ' }, body, [figure])).toEqual({ ok: true, figure })
  })

  it('binds a figure that only starts inside the matched text', () => {
    const sentence = 'The index closed at about 4,100 points.'
    const figure = figureIn(sentence, 'about 4,100 points', { value: 4100, approx: 'about' })
    expect(bindCheck({ figure: 'closed at about' }, makeProse(sentence), [figure])).toEqual({
      ok: true,
      figure
    })
  })

  it('does not bind a figure that ends right where the match starts', () => {
    const sentence = 'It fell 7% today.'
    const figure = figureIn(sentence, '7%', { value: 7, unit: '%' })
    expect(bindCheck({ figure: ' today' }, makeProse(sentence), [figure])).toMatchObject({
      ok: false,
      rule: 'check-no-figure'
    })
  })
})

describe('findSays', () => {
  it.each([
    ['lowest level since June', 'Bitcoin hit its lowest level since June.', true],
    ['lowest level since June', 'Bitcoin hit its lowest\n  level since June.', true],
    ['lowest  level\nsince June', 'Bitcoin hit its lowest level since June.', true],
    ['Lowest level since June', 'Bitcoin hit its lowest level since June.', false],
    ['highest level since June', 'Bitcoin hit its lowest level since June.', false],
    ['   ', 'Bitcoin hit its lowest level since June.', false]
  ] as const)('finds "%s" in "%s": %s', (says, body, found) => {
    expect(findSays(says, makeProse(body))).toBe(found)
  })
})
