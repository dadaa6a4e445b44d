/**
 * The dates a figure's sentence names (issue 20), resolved against the article's date: months
 * without a year are the latest such month, weekdays the latest such day, "since" a start.
 */
import { describe, expect, it } from 'vitest'
import { namedDates } from '../../src/suggest/named-dates.js'
import { sentenceAround } from '../../src/suggest/figure-sentence.js'

const today = '2025-11-04' // a Tuesday

describe('namedDates', () => {
  it.each([
    ['its lowest level since June', { since: ['2025-06-01'] }],
    ['sold since the start of October', { since: ['2025-10-01'] }],
    ['up 4% since mid-September', { since: ['2025-09-15'] }],
    ['since 3 March', { since: ['2025-03-03'] }],
    ['up 12% so far this year', { since: ['2025-01-01'] }],
    ['closed at $107.08 on Monday', { days: ['2025-11-03'] }],
    ['fell 3.9% on Tuesday', { days: ['2025-11-04'] }],
    ['on 3 November', { days: ['2025-11-03'] }],
    ['on Nov. 3rd', { days: ['2025-11-03'] }],
    ['on 2025-10-31', { days: ['2025-10-31'] }],
    ['down 2% yesterday', { days: ['2025-11-03'] }],
    ['its August peak', { spans: [{ from: '2025-08-01', to: '2025-08-31' }] }],
    // December has not come yet this year: the latest December is last year's.
    ['in December', { spans: [{ from: '2024-12-01', to: '2024-12-31' }] }],
    // The month the article is in runs to its date.
    ['so far in November', { spans: [{ from: '2025-11-01', to: '2025-11-04' }] }],
    // "may" is a verb far more often than a month; "May" is the month.
    ['prices may fall', {}],
    ['since May', { since: ['2025-05-01'] }],
    ['a quiet session with no dates', {}]
  ])('reads %j', (sentence, expected) => {
    expect(namedDates(sentence, today)).toEqual({ days: [], spans: [], since: [], ...expected })
  })

  it('reads a month in a day or a "since" as that, not also as the whole month', () => {
    expect(namedDates('since 3 March, and on 4 November', today)).toEqual({
      days: ['2025-11-04'],
      spans: [],
      since: ['2025-03-03']
    })
  })

  it('names no day after the article date', () => {
    expect(namedDates('due on 30 November', today).days).toEqual([])
  })
})

describe('sentenceAround', () => {
  const text =
    'Shares slid on Nov. 3 in New York. Acme fell 3.9% to $102.90, its lowest since June! Next.'
  it('is the sentence holding the figure, abbreviations inside it kept', () => {
    const at = text.indexOf('3.9%')
    expect(sentenceAround(text, at, at + 4)).toBe(
      'Acme fell 3.9% to $102.90, its lowest since June!'
    )
    const first = text.indexOf('New York')
    expect(sentenceAround(text, first, first + 3)).toBe('Shares slid on Nov. 3 in New York.')
  })

  it('never cuts a decimal number', () => {
    expect(sentenceAround('It rose 7.3 points. Then', 3, 8)).toBe('It rose 7.3 points.')
  })
})
