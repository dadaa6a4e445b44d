import { describe, expect, it } from 'vitest'
import { articleFile } from '../../src/article/article-file.js'
import { checkArticle } from '../../src/checks/check-article.js'
import type { CheckSpec } from '../../src/types.js'
import { dayOf, evaluateOn, tolerance } from '../charts/chart-data.js'
import { figureIn, makeProse } from './make-figure.js'

/*
 * Each check's panel entry carries the chart of the series it read (issue 19); checks that
 * failed, did not bind, or read no series carry none. coin.close is 100 + the day's number from
 * 2025-09-01, so the close rose 3.57% from day 40 (140) to day 45 (145).
 */
const body = 'Bitcoin rose over 3% in five days, to 145 dollars, and the count was 7.'
const prose = makeProse(body)
const figures = [
  figureIn(body, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' }),
  figureIn(body, '145 dollars', { value: 145, unit: 'USD' }),
  figureIn(body, 'was 7', { value: 7 })
]

function run(checks: CheckSpec[]) {
  const file = articleFile('content/story.md', body)
  return checkArticle({
    file,
    markdown: body,
    frontmatter: {
      checks,
      asserts: [
        { says: 'Bitcoin rose', expr: `coin.close["${dayOf(45)}"] > 140`, line: 9, column: 5 }
      ]
    },
    prose,
    bodyProse: prose,
    figures,
    mode: 'standard',
    tolerance,
    evaluate: (source) => evaluateOn(source)
  })
}

const at = (line: number) => ({ line, column: 5 })

describe('checkArticle: charts', () => {
  it('puts a chart on each verified or contradicted check that read a series', () => {
    const { panel } = run([
      {
        figure: 'over 3%',
        expr: `pct_change(coin.close, "${dayOf(40)}", "${dayOf(45)}")`,
        ...at(2)
      },
      { figure: '145 dollars', expr: `coin.close["${dayOf(46)}"]`, ...at(3) }
    ])
    expect(panel.map((entry) => entry.status)).toEqual(['verified', 'contradicted'])
    for (const entry of panel)
      expect(entry.chart).toMatch(/^<svg class="fact-chart"[^>]* role="img"><title>/)
    expect(panel[0]?.chart).toContain('the figure “over 3%” allows')
  })

  it('gives no chart to a failed check, an unbound one or one that read no series', () => {
    const { panel } = run([
      { figure: 'over 3%', expr: `pct_change(coin.close, "${dayOf(40)}", "2031-01-01")`, ...at(2) },
      { figure: '145 euros', expr: `coin.close["${dayOf(45)}"]`, ...at(3) },
      { figure: 'was 7', expr: '3 + 4', ...at(4) }
    ])
    expect(panel.map((entry) => [entry.status, entry.chart])).toEqual([
      ['error', undefined],
      ['error', undefined],
      ['verified', undefined]
    ])
  })
})
