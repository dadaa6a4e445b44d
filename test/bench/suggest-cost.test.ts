/**
 * The suggestion line of the bench (issue 20: under 50 ms per article of ten figures over three
 * 1,800-row datasets). The measurement runs here on a tiny corpus, untimed: what is checked is
 * that every figure reaches the suggestion step unchecked and that the line reports the median.
 * Needs a compiled `lib/` (`npx tsc -p tsconfig.build.json`), as the bench does.
 */
import { describe, expect, it } from 'vitest'
import { formatSuggestCost, suggestCost, withoutChecks } from './suggest-cost.mjs'

describe('suggestCost', () => {
  it('suggests for articles of ten unchecked figures over the three series', async () => {
    const cost = await suggestCost({ articles: 3, runs: 3 })
    expect(cost.articles).toBe(3)
    expect(cost.figures).toBe(30)
    expect(cost.runs).toHaveLength(3)
    // With the checks gone, the figures the generator wrote from the data find suggestions.
    expect(cost.suggestions).toBeGreaterThanOrEqual(15)
    expect(cost.msPerArticle).toBeGreaterThan(0)
  }, 60_000)
})

describe('withoutChecks', () => {
  it('drops the checks block and keeps the keys around it', () => {
    const markdown = [
      '---',
      'title: "T"',
      'checks:',
      '  - figure: "rose 3.2%"',
      '    expr: pct_change(aaa.close, "2025-03-07", "2025-03-08")',
      'tags: [a]',
      '---',
      'Body.',
      ''
    ].join('\n')
    expect(withoutChecks(markdown)).toBe('---\ntitle: "T"\ntags: [a]\n---\nBody.\n')
  })
})

describe('formatSuggestCost', () => {
  it('gives the median milliseconds per article against the bound', () => {
    const line = formatSuggestCost({
      articles: 50,
      figures: 500,
      suggestions: 900,
      runs: [1200, 1000, 1100],
      msPerArticle: 22
    })
    expect(line).toBe(
      'Suggest: 22.0 ms per article (median of 3 runs over 50 articles of 10.0 unchecked figures and three 1,800-row datasets; 900 suggestions) = within the 50 ms bound of issue 20'
    )
  })

  it('says OVER when the bound is passed', () => {
    const cost = { articles: 1, figures: 10, suggestions: 0, runs: [60], msPerArticle: 60 }
    expect(formatSuggestCost(cost)).toContain('= OVER the 50 ms bound')
  })
})
