/**
 * Errors at the real spot, once (issue 18, item 5), through the real CLI: a mistyped `data:` path
 * is one error at the path as written, with the file it likely means, and the checks reading it
 * do not repeat it; an expression's error is at its token inside `expr:`; the text report shows
 * the code frame of each, its caret on that token.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli, runJson } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

const frontmatter = `
title: Harbour Line shares
date: 2025-03-06T10:00:00+08:00
data:
  px: markets/price.csv
  vol: 'markets/prices.csv'
checks:
  - figure: "$104"
    expr: px.close["2025-03-06"]
  - figure: "4%"
    expr: pct_change(px.close, "2025-03-03", "2025-03-06")
  - figure: "7,000 shares"
    expr: "vol.volum[\\"2025-03-06\\"]"
`

let root: string

beforeAll(async () => {
  root = await tempSite({
    'data/site.yaml': siteYaml,
    'data/markets/prices.csv': 'date,close,volume\n2025-03-03,100,5000\n2025-03-06,104,7000\n',
    'content/2025/03/06/harbour-line.md': article(
      frontmatter,
      'Harbour Line ended at $104, up 4%, on 7,000 shares.\n'
    )
  })
})

describe('a mistyped data path and a misspelt column', () => {
  it('reports the path once, at the path, and the column at its token', async () => {
    const { report } = await runJson(['check', '--root', root])
    const [entry] = report.articles
    expect(entry?.problems.map(({ line, column, rule }) => ({ line, column, rule }))).toEqual([
      // `  px: markets/price.csv`: line 5 of the file, the path starting at column 7.
      { line: 5, column: 7, rule: 'data-unreadable' },
      // `    expr: "vol.volum[...]"`: `volum` at column 16, inside the quotes.
      { line: 13, column: 16, rule: 'check-error' }
    ])
    expect(entry?.problems[0]?.message).toBe(
      'data file data/markets/price.csv does not exist (did you mean "markets/prices.csv"?)'
    )
    // The checks reading `px` fail without a problem of their own.
    expect(entry?.figures.map((figure) => figure.status)).toEqual(['error', 'error', 'error'])
    // No problem is left at line 1 of a file that does not exist.
    expect(report.articles.map((article) => article.file)).toEqual([
      'content/2025/03/06/harbour-line.md'
    ])
  })

  it('frames each problem in the text report, the caret on its token', async () => {
    const { stdout } = await runCli(['check', '--root', root])
    const rows = stdout.split('\n')
    const caretUnder = (number: number): string => {
      const marked = rows.findIndex((row) => new RegExp(`^  > +${number} \\|`).test(row))
      const caret = (rows[marked + 1] ?? '').indexOf('^')
      return (rows[marked] ?? '').slice(caret)
    }
    expect(caretUnder(5)).toMatch(/^markets\/price\.csv/)
    expect(caretUnder(13)).toMatch(/^volum\[/)
  })
})
