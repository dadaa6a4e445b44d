/**
 * The rules that rank suggestions (issue 20), one at a time: each test holds two candidates that
 * differ in what one rule looks at, and the rule must put the right one first.
 */
import { describe, expect, it } from 'vitest'
import { fitScore, plausible, understates, unitFit } from '../../src/suggest/candidate-fit.js'
import type { FigureContext } from '../../src/suggest/candidate-fit.js'
import type { Candidate } from '../../src/suggest/candidates.js'
import type { NumberColumn } from '../../src/suggest/data-columns.js'
import { namedDates } from '../../src/suggest/named-dates.js'
import type { Approx, Direction, Figure } from '../../src/types.js'

function figure(
  text: string,
  value: number,
  unit: string | null,
  approx: Approx = 'exact',
  direction: Direction | null = null
): Figure {
  return {
    text,
    in: 'body',
    value,
    unit,
    approx,
    direction,
    line: 1,
    column: 1,
    start: 0,
    end: text.length,
    sourceStart: 0,
    sourceEnd: text.length
  }
}

function column(
  name: string,
  unit: string | null,
  words: string[] = [name],
  described = false
): NumberColumn {
  return {
    kind: 'column',
    alias: 'x',
    column: name,
    keys: [],
    values: new Float64Array(),
    dateKeys: true,
    unit,
    described,
    words: new Set(words)
  }
}

function candidate(over: Partial<Candidate>): Candidate {
  return {
    family: 'value',
    expr: 'x.close["2025-11-04"]',
    value: 100,
    unit: 'USD',
    source: column('close', 'USD'),
    at: '2025-11-04',
    age: 0,
    ...over
  }
}

function wordsIn(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
  )
}

function context(f: Figure, sentence: string, near = sentence, clause = near): FigureContext {
  return {
    figure: f,
    words: wordsIn(sentence),
    clause: wordsIn(clause),
    named: namedDates(sentence, '2025-11-04'),
    near: namedDates(near, '2025-11-04'),
    vague: false
  }
}

function first(ctx: FigureContext, a: Candidate, b: Candidate): Candidate {
  const score = (c: Candidate) => fitScore(ctx, c, unitFit(ctx.figure, c))
  return score(a) >= score(b) ? a : b
}

describe('unit', () => {
  const percent = figure('7%', 7, '%')
  const dollars = figure('$104', 104, 'USD')
  const traders = figure('470,000 traders', 470000, 'traders')
  it.each([
    [percent, candidate({ unit: '%' }), 3],
    [percent, candidate({ unit: 'pp' }), 1],
    [percent, candidate({ unit: 'USD' }), 0],
    [dollars, candidate({ unit: 'USD' }), 3],
    [dollars, candidate({ unit: 'EUR' }), 0],
    [dollars, candidate({ unit: null, source: column('total', null) }), 1],
    // Described without a currency: the data desk says it counts something else.
    [dollars, candidate({ unit: null, source: column('traders', null, ['trader'], true) }), 0],
    [dollars, candidate({ unit: null, source: column('total_usd', null, ['total', 'usd']) }), 3],
    [dollars, candidate({ unit: '%' }), 0],
    [traders, candidate({ unit: null, source: column('traders', null, ['trader']) }), 3],
    [traders, candidate({ unit: 'traders' }), 3],
    [traders, candidate({ unit: null, source: column('count', null) }), 1],
    [traders, candidate({ unit: 'USD' }), 0],
    [figure('400,000 BTC', 400000, 'btc'), candidate({ unit: 'BTC' }), 3],
    [figure('three houses', 3, 'houses'), candidate({ unit: '%' }), 0]
  ])('fits %o to %o as %i', (f, c, fit) => {
    expect(unitFit(f, c)).toBe(fit)
  })
})

describe('ranking rules', () => {
  it('a figure that moves is a change; one that does not is a level', () => {
    const fell = context(figure('fell 3.9%', 3.9, '%', 'exact', 'down'), 'Acme fell 3.9%.')
    const change = candidate({
      family: 'pct_change',
      unit: '%',
      value: -3.9,
      from: '2025-11-03',
      window: 'day'
    })
    const level = candidate({ family: 'value', unit: '%', value: 3.9 })
    expect(first(fell, level, change)).toBe(change)
    const rate = context(figure('3.9%', 3.9, '%'), 'The rate was 3.9%.')
    expect(first(rate, change, level)).toBe(level)
  })

  it('dates named next to the figure count; elsewhere in the sentence, less', () => {
    const ctx = context(
      figure('over 7%', 7, '%', 'over', 'down'),
      'Bitcoin fell over 7% on the day and hit its lowest since June.',
      'Bitcoin fell over 7% on the day'
    )
    const day = candidate({
      family: 'pct_change',
      unit: '%',
      value: -7.3,
      from: '2025-11-03',
      window: 'day'
    })
    const sinceJune = candidate({
      family: 'pct_change',
      unit: '%',
      value: -7.2,
      from: '2025-06-01',
      window: 'named'
    })
    expect(first(ctx, sinceJune, day)).toBe(day)
    const near = context(figure('7%', 7, '%', 'exact', 'down'), 'Bitcoin is down 7% since June.')
    expect(first(near, day, sinceJune)).toBe(sinceJune)
  })

  it('the words of the sentence pick the series', () => {
    const ctx = context(figure('1.8%', 1.8, '%', 'exact', 'up'), 'Bolt rose 1.8%.')
    const acme = candidate({
      family: 'pct_change',
      unit: '%',
      value: 1.8,
      source: column('close', 'USD', ['acme', 'close']),
      window: 'day',
      from: '2025-11-03'
    })
    const bolt = candidate({
      family: 'pct_change',
      unit: '%',
      value: 1.8,
      source: column('close', 'USD', ['bolt', 'close']),
      window: 'day',
      from: '2025-11-03'
    })
    expect(first(ctx, acme, bolt)).toBe(bolt)
  })

  it('nearer the stated value first', () => {
    const ctx = context(
      figure('over $100 million', 1e8, 'USD', 'over'),
      'Losses topped $100 million.'
    )
    const near = candidate({ value: 1.05e8 })
    const far = candidate({ value: 1.4e8 })
    expect(first(ctx, far, near)).toBe(near)
  })

  it('nearer the article date first', () => {
    const ctx = context(figure('$104', 104, 'USD'), 'Shares ended at $104.')
    expect(first(ctx, candidate({ age: 3 }), candidate({ age: 0 })).age).toBe(0)
  })

  it('simpler first: a value before a window', () => {
    const ctx = context(figure('$104', 104, 'USD'), 'Shares ended at $104.')
    const value = candidate({ family: 'value' })
    const mean = candidate({ family: 'mean', from: '2025-10-01', window: 'month' })
    expect(first(ctx, mean, value)).toBe(value)
  })

  it('a window the sentence calls by its words: a peak is a maximum, a period its window', () => {
    const ctx = context(figure('$131.40', 131.4, 'USD'), 'Acme peaked at $131.40 in the week.')
    const max = candidate({ family: 'max', from: '2025-10-29', window: 'week' })
    const value = candidate({ family: 'value', age: 2 })
    expect(first(ctx, value, max)).toBe(max)
  })
})

describe('understates', () => {
  it('an "over" figure far below the data, or an "under" one far above it, is never suggested', () => {
    const over = figure('over $100 million', 1e8, 'USD', 'over')
    expect(understates(over, 1.7e9, 1.5)).toBe(true)
    expect(understates(over, 1.3e8, 1.5)).toBe(false)
    const under = figure('below $99,000', 99000, 'USD', 'under')
    expect(understates(under, 1, 1.5)).toBe(true)
    expect(understates(under, 98640, 1.5)).toBe(false)
    expect(understates(figure('about $100', 100, 'USD', 'about'), 1000, 1.5)).toBe(false)
  })
})

describe('plausible', () => {
  it('never takes a negative value for a level written as a positive number', () => {
    expect(plausible(figure('below $99,000', 99000, 'USD', 'under'), -4379)).toBe(false)
    expect(plausible(figure('below $99,000', 99000, 'USD', 'under'), 98640)).toBe(true)
    expect(plausible(figure('fell 7%', 7, '%', 'exact', 'down'), -7.3)).toBe(true)
  })
})
