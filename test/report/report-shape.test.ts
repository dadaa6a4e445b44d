import { describe, expect, it } from 'vitest'
import { shapeArticle } from '../../src/report/report-shape.js'
import type { FigureResult, Problem, ReportArticle } from '../../src/types.js'
import { contradicted } from './sample-entries.js'

const figure = contradicted
const problem: Problem = {
  severity: 'warning',
  line: 3,
  column: 1,
  rule: 'figure-unchecked',
  message: 'not bound'
}

const withoutMessage: Partial<FigureResult> = { ...figure }
delete withoutMessage.message

function entry(figures: FigureResult[], problems: Problem[]): ReportArticle {
  return {
    file: 'content/a.md',
    slug: 'a',
    url: '/a/',
    mode: 'standard',
    figures,
    asserts: [],
    problems
  }
}

describe('shapeArticle', () => {
  it('shares results already in the SPEC shape instead of copying them', () => {
    const shaped = shapeArticle(entry([figure], [problem]))
    expect(shaped.figures[0]).toBe(figure)
    expect(shaped.problems[0]).toBe(problem)
  })

  // [case, result given, what the report holds]
  const cases: [string, object, object][] = [
    ['an internal field', { ...problem, file: 'data/site.yaml' }, problem],
    [
      'the keys in another order',
      { message: 'not bound', rule: 'figure-unchecked', severity: 'warning', line: 3, column: 1 },
      problem
    ],
    ['a figure with its offsets', { ...figure, sourceStart: 4, sourceEnd: 11 }, figure],
    ['a figure with a key missing', withoutMessage, { ...withoutMessage, message: undefined }]
  ]
  it.each(cases)(
    'copies a result with %s to exactly the SPEC keys, in order',
    (_name, given, expected) => {
      const isFigure = 'text' in given
      const shaped = shapeArticle(
        isFigure ? entry([given as FigureResult], []) : entry([], [given as Problem])
      )
      const result = isFigure ? shaped.figures[0] : shaped.problems[0]
      expect(result).not.toBe(given)
      expect(JSON.stringify(result)).toBe(JSON.stringify(expected))
      expect(Object.keys(result ?? {})).toEqual(Object.keys(expected))
    }
  )
})
