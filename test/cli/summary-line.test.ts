import { describe, expect, it } from 'vitest'
import { brokenChecks, count, runSummaryLine } from '../../src/report/summary-line.js'
import type { AssertResult, FigureResult, Report, ReportArticle } from '../../src/types.js'
import { runCli } from '../helpers/run-cli.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'

function figure(status: FigureResult['status']): FigureResult {
  return {
    ...{ text: '12', in: 'body', line: 5, column: 1, value: 12, unit: null, approx: 'exact' },
    ...{ direction: null, status, actual: null, expr: null, message: '' }
  }
}

function assertOf(status: AssertResult['status']): AssertResult {
  return { expr: 'true', says: 'so', status, message: '' }
}

/** A report of one article per entry of `articles`, summed up as the build sums it. */
function reportOf(articles: { figures: FigureResult[]; asserts?: AssertResult[] }[]): Report {
  const entries = articles.map((entry, index): ReportArticle => ({
    ...{ file: `content/${index}.md`, slug: `a${index}`, url: `/a${index}/`, mode: 'standard' },
    ...{ figures: entry.figures, asserts: entry.asserts ?? [], problems: [] }
  }))
  const figures = entries.flatMap((entry) => entry.figures)
  const counted = (status: string): number =>
    figures.filter((each) => each.status === status).length
  return {
    version: 1,
    summary: {
      ...{ articles: entries.length, figures: figures.length, verified: counted('verified') },
      ...{ contradicted: counted('contradicted'), unchecked: counted('unchecked') },
      ...{ errors: 0, warnings: 0, exit: 0 }
    },
    articles: entries
  }
}

describe('the summary line on stderr', () => {
  it('counts in the singular when there is one, with thousands separated', () => {
    expect(count(1, 'file')).toBe('1 file')
    expect(count(0, 'file')).toBe('0 files')
    expect(count(24_800, 'figure')).toBe('24,800 figures')
  })

  it('says one article, one file written and one figure in the singular', () => {
    const line = runSummaryLine({
      command: 'build',
      report: reportOf([{ figures: [figure('verified')] }]),
      exit: 0,
      written: 1,
      ms: 1234
    })
    expect(line).toBe(
      'factdesk build: passed; 1 article, 1 file written; 1 figure: 1 verified, 0 contradicted; 1.23s'
    )
  })

  it('counts broken checks, figures and asserts alike, and says nothing was written', () => {
    const report = reportOf([
      { figures: [figure('verified'), figure('contradicted'), figure('error')] },
      { figures: [figure('unchecked'), figure('unchecked')], asserts: [assertOf('error')] }
    ])
    expect(brokenChecks(report)).toBe(2)
    expect(runSummaryLine({ command: 'build', report, exit: 1, written: 0, ms: 50 })).toBe(
      'factdesk build: fact check failed; 2 articles, nothing written; ' +
        '5 figures: 1 verified, 1 contradicted, 2 unchecked; 2 broken checks; 0.05s'
    )
  })

  it('leaves out zeros that say nothing, but keeps "0 contradicted"', () => {
    const report = reportOf([{ figures: [figure('unchecked')], asserts: [assertOf('verified')] }])
    expect(runSummaryLine({ command: 'check', report, exit: 0, written: 0, ms: 10 })).toBe(
      'factdesk check: passed; 1 article; 1 figure: 0 contradicted, 1 unchecked; 0.01s'
    )
    const none = reportOf([{ figures: [] }, { figures: [] }])
    expect(runSummaryLine({ command: 'check', report: none, exit: 2, written: 0, ms: 0 })).toBe(
      'factdesk check: input errors; 2 articles; no figures; 0.00s'
    )
  })

  it('counts the files the dev server serves from memory, written or not', () => {
    const report = reportOf([{ figures: [figure('verified')] }])
    expect(runSummaryLine({ command: 'dev', report, exit: 0, written: 36, ms: 180 })).toBe(
      'factdesk dev: passed; 1 article, 36 files; 1 figure: 1 verified, 0 contradicted; 0.18s'
    )
  })

  it('reports a broken check and a broken assert of a real site as 2 broken checks', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'data/markets/prices.csv': 'date,close\n2025-03-07,100\n2025-03-08,104\n',
      'content/harbour.md': [
        '---',
        'title: Harbour Line shares',
        'date: 2025-03-09',
        'data:',
        '  px: markets/prices.csv',
        'checks:',
        '  - figure: "$104"',
        '    expr: px.close["2025-03-08"]',
        '  - figure: "$100"',
        '    expr: px.close["2025-03-09"]',
        'asserts:',
        '  - expr: px.close["2025-03-10"] > 1',
        '    says: ended the week',
        '---',
        'Harbour Line shares ended the week at $104, up from $100.',
        ''
      ].join('\n')
    })
    const run = await runCli(['check', '--root', root, '--quiet', '--format', 'json'])
    expect(run.exit).toBe(1)
    expect(run.stderr).toMatch(
      /^factdesk check: fact check failed; 1 article; 2 figures: 1 verified, 0 contradicted; 2 broken checks; \d+\.\d\ds\n$/
    )
  })
})
