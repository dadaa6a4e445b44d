import { describe, expect, it } from 'vitest'
import { judgeFigure, type JudgeOptions } from '../../src/checks/verdict.js'
import type { Approx, Direction, Tolerance } from '../../src/types.js'
import { makeFigure } from './make-figure.js'

const site: Tolerance = { about: 0.05, nearly: 0.1, slightly: 0.05, understated: 1.5 }

interface Case {
  text: string
  value: number | [number, number]
  unit?: string | null
  approx?: Approx
  direction?: Direction
  actual: number
  status: 'verified' | 'contradicted'
  understated?: boolean
  options?: Partial<JudgeOptions>
}

// Every approximator on both sides of its boundary and exactly on it (SPEC 5).
const cases: Case[] = [
  // exact: half a unit of the last significant digit as written
  { text: '14%', value: 14, unit: '%', actual: 14, status: 'verified' },
  { text: '14%', value: 14, unit: '%', actual: 13.5, status: 'verified' },
  { text: '14%', value: 14, unit: '%', actual: 14.5, status: 'verified' },
  { text: '14%', value: 14, unit: '%', actual: 13.49, status: 'contradicted' },
  { text: '14%', value: 14, unit: '%', actual: 14.51, status: 'contradicted' },
  { text: '$1.9 billion', value: 1.9e9, unit: 'USD', actual: 1.85e9, status: 'verified' },
  { text: '$1.9 billion', value: 1.9e9, unit: 'USD', actual: 1.95e9, status: 'verified' },
  { text: '$1.9 billion', value: 1.9e9, unit: 'USD', actual: 1.8499e9, status: 'contradicted' },
  { text: '$1.9 billion', value: 1.9e9, unit: 'USD', actual: 1.9501e9, status: 'contradicted' },
  {
    text: '470,000 investors',
    value: 470000,
    unit: 'investors',
    actual: 465000,
    status: 'verified'
  },
  {
    text: '470,000 investors',
    value: 470000,
    unit: 'investors',
    actual: 475000,
    status: 'verified'
  },
  {
    text: '470,000 investors',
    value: 470000,
    unit: 'investors',
    actual: 464999,
    status: 'contradicted'
  },
  {
    text: '470,000 investors',
    value: 470000,
    unit: 'investors',
    actual: 475001,
    status: 'contradicted'
  },
  { text: '7.41', value: 7.41, actual: 7.405, status: 'verified' },
  { text: '7.41', value: 7.41, actual: 7.415, status: 'verified' },
  { text: '7.41', value: 7.41, actual: 7.41 + 0.005, status: 'verified' },
  { text: '7.41', value: 7.41, actual: 7.4049, status: 'contradicted' },
  { text: '7.41', value: 7.41, actual: 7.4151, status: 'contradicted' },
  { text: '7.40', value: 7.4, actual: 7.41, status: 'contradicted' },
  { text: '$99,000', value: 99000, unit: 'USD', actual: 98500, status: 'verified' },
  { text: '$99,000', value: 99000, unit: 'USD', actual: 99500, status: 'verified' },
  { text: '$99,000', value: 99000, unit: 'USD', actual: 98499, status: 'contradicted' },
  { text: '2.5k', value: 2500, actual: 2550, status: 'verified' },
  { text: '2.5k', value: 2500, actual: 2551, status: 'contradicted' },
  { text: 'three houses', value: 3, unit: 'houses', actual: 3.5, status: 'verified' },
  { text: 'three houses', value: 3, unit: 'houses', actual: 4, status: 'contradicted' },
  { text: 'two million', value: 2e6, actual: 2.5e6, status: 'verified' },
  { text: 'two million', value: 2e6, actual: 2.6e6, status: 'contradicted' },
  { text: '0 deaths', value: 0, unit: 'deaths', actual: 0.4, status: 'verified' },
  // over, with the understated warning at s x understated
  { text: 'over 7%', value: 7, unit: '%', approx: 'over', actual: 7.01, status: 'verified' },
  { text: 'over 7%', value: 7, unit: '%', approx: 'over', actual: 7, status: 'contradicted' },
  { text: 'over 7%', value: 7, unit: '%', approx: 'over', actual: 6.99, status: 'contradicted' },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    actual: (1.07 - 1) * 100,
    status: 'contradicted'
  },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    actual: 10.5,
    status: 'verified',
    understated: true
  },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    actual: 10.49,
    status: 'verified',
    understated: false
  },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    actual: 14,
    status: 'verified',
    understated: false,
    options: { tolerance: { ...site, understated: 2.5 } }
  },
  // at-least
  {
    text: 'at least 11 deaths',
    value: 11,
    unit: 'deaths',
    approx: 'at-least',
    actual: 11,
    status: 'verified'
  },
  {
    text: 'at least 11 deaths',
    value: 11,
    unit: 'deaths',
    approx: 'at-least',
    actual: 10.99,
    status: 'contradicted'
  },
  {
    text: 'at least 11 deaths',
    value: 11,
    unit: 'deaths',
    approx: 'at-least',
    actual: 40,
    status: 'verified',
    understated: false
  },
  // under
  {
    text: 'below the $99,000',
    value: 99000,
    unit: 'USD',
    approx: 'under',
    actual: 98999,
    status: 'verified'
  },
  {
    text: 'below the $99,000',
    value: 99000,
    unit: 'USD',
    approx: 'under',
    actual: 99000,
    status: 'contradicted'
  },
  {
    text: 'below the $99,000',
    value: 99000,
    unit: 'USD',
    approx: 'under',
    actual: 99001,
    status: 'contradicted'
  },
  // at-most
  { text: 'up to 10%', value: 10, unit: '%', approx: 'at-most', actual: 10, status: 'verified' },
  {
    text: 'up to 10%',
    value: 10,
    unit: '%',
    approx: 'at-most',
    actual: 10.01,
    status: 'contradicted'
  },
  {
    text: 'up to 0.3%',
    value: 0.3,
    unit: '%',
    approx: 'at-most',
    actual: 0.1 + 0.2,
    status: 'verified'
  },
  // nearly: s x (1 - nearly) <= a <= s
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 1.8e9,
    status: 'verified'
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 1.7999e9,
    status: 'contradicted'
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 2e9,
    status: 'verified'
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 2.0001e9,
    status: 'contradicted'
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 1.7e9,
    status: 'verified',
    options: { tolerance: { ...site, nearly: 0.15 } }
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 1.6e9,
    status: 'verified',
    options: { toleranceOverride: 0.2 }
  },
  {
    text: 'approaching $2 billion',
    value: 2e9,
    unit: 'USD',
    approx: 'nearly',
    actual: 1.85e9,
    status: 'contradicted',
    options: { toleranceOverride: 0.05 }
  },
  // about: |a - s| <= s x about, or the exact rule
  { text: 'about 7.4%', value: 7.4, unit: '%', approx: 'about', actual: 7.77, status: 'verified' },
  { text: 'about 7.4%', value: 7.4, unit: '%', approx: 'about', actual: 7.03, status: 'verified' },
  {
    text: 'about 7.4%',
    value: 7.4,
    unit: '%',
    approx: 'about',
    actual: 7.78,
    status: 'contradicted'
  },
  {
    text: 'about 7.4%',
    value: 7.4,
    unit: '%',
    approx: 'about',
    actual: 7.02,
    status: 'contradicted'
  },
  {
    text: 'about 7.4%',
    value: 7.4,
    unit: '%',
    approx: 'about',
    actual: 8.1,
    status: 'verified',
    options: { tolerance: { ...site, about: 0.1 } }
  },
  {
    text: 'about 7.4%',
    value: 7.4,
    unit: '%',
    approx: 'about',
    actual: 7.48,
    status: 'verified',
    options: { toleranceOverride: 0.02 }
  },
  {
    text: 'about 7.4%',
    value: 7.4,
    unit: '%',
    approx: 'about',
    actual: 7.6,
    status: 'contradicted',
    options: { toleranceOverride: 0.02 }
  },
  {
    text: 'about 3 days',
    value: 3,
    unit: 'days',
    approx: 'about',
    actual: 3.5,
    status: 'verified'
  },
  {
    text: 'about 3 days',
    value: 3,
    unit: 'days',
    approx: 'about',
    actual: 3.51,
    status: 'contradicted'
  },
  // just-over: s < a <= s x (1 + slightly)
  {
    text: 'just over 5%',
    value: 5,
    unit: '%',
    approx: 'just-over',
    actual: 5.25,
    status: 'verified'
  },
  {
    text: 'just over 5%',
    value: 5,
    unit: '%',
    approx: 'just-over',
    actual: 5.26,
    status: 'contradicted'
  },
  {
    text: 'just over 5%',
    value: 5,
    unit: '%',
    approx: 'just-over',
    actual: 5,
    status: 'contradicted'
  },
  {
    text: 'just over 5%',
    value: 5,
    unit: '%',
    approx: 'just-over',
    actual: 5.4,
    status: 'verified',
    options: { toleranceOverride: 0.1 }
  },
  // just-under: s x (1 - slightly) <= a < s
  {
    text: 'just under 5%',
    value: 5,
    unit: '%',
    approx: 'just-under',
    actual: 4.75,
    status: 'verified'
  },
  {
    text: 'just under 5%',
    value: 5,
    unit: '%',
    approx: 'just-under',
    actual: 4.74,
    status: 'contradicted'
  },
  {
    text: 'just under 5%',
    value: 5,
    unit: '%',
    approx: 'just-under',
    actual: 5,
    status: 'contradicted'
  },
  {
    text: 'just under 5%',
    value: 5,
    unit: '%',
    approx: 'just-under',
    actual: 4.6,
    status: 'verified',
    options: { tolerance: { ...site, slightly: 0.1 } }
  },
  // range: low <= a <= high
  { text: '10-12%', value: [10, 12], unit: '%', approx: 'range', actual: 10, status: 'verified' },
  { text: '10-12%', value: [10, 12], unit: '%', approx: 'range', actual: 12, status: 'verified' },
  {
    text: '10-12%',
    value: [10, 12],
    unit: '%',
    approx: 'range',
    actual: 9.99,
    status: 'contradicted'
  },
  {
    text: '10-12%',
    value: [10, 12],
    unit: '%',
    approx: 'range',
    actual: 12.01,
    status: 'contradicted'
  },
  // direction: the rule applies to |a|, and the sign must agree
  { text: '7%', value: 7, unit: '%', direction: 'down', actual: -7.2, status: 'verified' },
  { text: '7%', value: 7, unit: '%', direction: 'down', actual: 7.2, status: 'contradicted' },
  { text: '7%', value: 7, unit: '%', direction: 'up', actual: 7.2, status: 'verified' },
  { text: '7%', value: 7, unit: '%', direction: 'up', actual: -7.2, status: 'contradicted' },
  { text: '7%', value: 7, unit: '%', direction: 'down', actual: 0, status: 'contradicted' },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    direction: 'down',
    actual: -7.41,
    status: 'verified'
  },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    direction: 'down',
    actual: -6.9,
    status: 'contradicted'
  },
  {
    text: 'over 7%',
    value: 7,
    unit: '%',
    approx: 'over',
    direction: 'down',
    actual: -11,
    status: 'verified',
    understated: true
  },
  {
    text: '7%',
    value: 7,
    unit: '%',
    actual: -7.2,
    status: 'verified',
    options: { direction: 'down' }
  },
  {
    text: '7%',
    value: 7,
    unit: '%',
    actual: 7.2,
    status: 'contradicted',
    options: { direction: 'down' }
  },
  {
    text: '7%',
    value: 7,
    unit: '%',
    direction: 'down',
    actual: 7.2,
    status: 'verified',
    options: { direction: 'up' }
  },
  // no direction: the rule applies to a as it is
  { text: '7%', value: 7, unit: '%', actual: -7, status: 'contradicted' },
  { text: 'under 5%', value: 5, unit: '%', approx: 'under', actual: -10, status: 'verified' },
  { text: 'over 7%', value: 7, unit: '%', approx: 'over', actual: -7.41, status: 'contradicted' }
]

function title(c: Case): string {
  const moved = c.direction ? ` (${c.direction})` : ''
  const extra = c.options ? ` with ${JSON.stringify(c.options)}` : ''
  return `${c.text}${moved} against ${c.actual}${extra} is ${c.status}`
}

describe('judgeFigure', () => {
  it.each(cases.map((c) => [title(c), c] as const))('%s', (_, c) => {
    const figure = makeFigure(c.text, {
      value: c.value,
      unit: c.unit ?? null,
      approx: c.approx ?? 'exact',
      direction: c.direction ?? null
    })
    const verdict = judgeFigure(figure, c.actual, { tolerance: site, ...c.options })
    expect(verdict.status).toBe(c.status)
    if (c.understated !== undefined) expect(verdict.understated).toBe(c.understated)
  })

  it.each([
    ['over 7%', 7, 'over', 'down', -7.41, 'stated over 7%, data -7.41%'],
    ['over 7%', 7, 'over', null, 6.2, 'stated over 7%, data 6.2% (not over 7%)'],
    ['7%', 7, 'exact', 'down', 7.2, 'stated fell 7%, data +7.2% (data rose)'],
    ['7%', 7, 'exact', 'up', 0, 'stated rose 7%, data 0% (data unchanged)'],
    ['14%', 14, 'exact', null, 15.23456, 'stated 14%, data 15.23% (does not round to 14%)'],
    ['up to 10%', 10, 'at-most', null, 10.5, 'stated up to 10%, data 10.5% (not at most 10%)'],
    ['about 7.4%', 7.4, 'about', null, 8, 'stated about 7.4%, data 8% (not within 5% of 7.4%)']
  ] as const)('writes %s against %s as "%s"', (text, value, approx, direction, actual, message) => {
    const figure = makeFigure(text, { value, unit: '%', approx, direction })
    expect(judgeFigure(figure, actual, { tolerance: site }).message).toBe(message)
  })

  it.each([
    ['$99,000', 99000, 98944.5, 'stated $99,000, data $98,944.50'],
    [
      '$1.9 billion',
      1.9e9,
      1.953e9,
      'stated $1.9 billion, data $1.953 billion (does not round to $1.9 billion)'
    ],
    [
      'approaching $2 billion',
      2e9,
      1.7e9,
      'stated approaching $2 billion, data $1.7 billion (more than 10% below $2 billion)'
    ]
  ] as const)('writes money in readable amounts: %s', (text, value, actual, message) => {
    const approx = text.startsWith('approaching') ? 'nearly' : 'exact'
    const figure = makeFigure(text, { value, unit: 'USD', approx })
    expect(judgeFigure(figure, actual, { tolerance: site }).message).toBe(message)
  })

  it('writes plain counts with separators and their noun', () => {
    const figure = makeFigure('470,000 investors', { value: 470000, unit: 'investors' })
    expect(judgeFigure(figure, 481234, { tolerance: site }).message).toBe(
      'stated 470,000 investors, data 481,234 investors (does not round to 470,000 investors)'
    )
  })

  it('says an understated figure is verified and by how much the data exceeds it', () => {
    const figure = makeFigure('over 7%', { value: 7, unit: '%', approx: 'over' })
    const verdict = judgeFigure(figure, 14, { tolerance: site })
    expect(verdict).toEqual({
      status: 'verified',
      message: 'stated over 7%, data 14% (understated: the data is 2 times the stated figure)',
      understated: true
    })
  })

  it('lets a check tolerance loosen an exact figure', () => {
    const figure = makeFigure('14%', { value: 14, unit: '%' })
    expect(judgeFigure(figure, 14.6, { tolerance: site }).status).toBe('contradicted')
    expect(judgeFigure(figure, 14.6, { tolerance: site, toleranceOverride: 0.05 }).status).toBe(
      'verified'
    )
  })
})
