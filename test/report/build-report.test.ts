import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build-report.js'
import { formatJson, formatJsonChunks } from '../../src/report/format-json.js'
import { shapeReport } from '../../src/report/report-shape.js'
import { crypto, settings, storm } from './sample-entries.js'

describe('buildReport', () => {
  it('counts articles, figures by status and problems by severity', () => {
    expect(buildReport([crypto, storm, settings]).summary).toEqual({
      articles: 2,
      figures: 4,
      verified: 1,
      contradicted: 1,
      unchecked: 2,
      errors: 1,
      warnings: 4,
      exit: 1
    })
  })

  it('exits 2 when an input error comes with fact-check failures', () => {
    const broken = {
      ...settings,
      problems: [
        { severity: 'error', line: 4, column: 8, rule: 'settings', message: 'bad' } as const
      ]
    }
    expect(buildReport([crypto, broken]).summary.exit).toBe(2)
  })

  it('reports an empty site as passing', () => {
    expect(buildReport([])).toEqual({
      version: 1,
      summary: {
        articles: 0,
        figures: 0,
        verified: 0,
        contradicted: 0,
        unchecked: 0,
        errors: 0,
        warnings: 0,
        exit: 0
      },
      articles: []
    })
  })

  it('keeps exactly the keys of SPEC 7, in order', () => {
    const report = buildReport([crypto])
    expect(Object.keys(report)).toEqual(['version', 'summary', 'articles'])
    expect(Object.keys(report.summary)).toEqual([
      'articles',
      'figures',
      'verified',
      'contradicted',
      'unchecked',
      'errors',
      'warnings',
      'exit'
    ])
    const [article] = report.articles
    expect(Object.keys(article ?? {})).toEqual([
      'file',
      'slug',
      'url',
      'mode',
      'figures',
      'asserts',
      'problems'
    ])
    expect(Object.keys(article?.figures[0] ?? {})).toEqual([
      'text',
      'in',
      'line',
      'column',
      'value',
      'unit',
      'approx',
      'direction',
      'status',
      'actual',
      'expr',
      'message'
    ])
    expect(Object.keys(article?.asserts[0] ?? {})).toEqual(['expr', 'says', 'status', 'message'])
    for (const problem of article?.problems ?? []) {
      expect(Object.keys(problem)).toEqual(['severity', 'line', 'column', 'rule', 'message'])
    }
  })

  it('moves a problem positioned in another file to that file', () => {
    const rendering = {
      ...storm,
      problems: [
        {
          severity: 'error',
          line: 12,
          column: 5,
          rule: 'template-error',
          message: 'missing partial "byline"',
          file: 'templates/brief.hbs'
        } as const
      ]
    }
    const report = buildReport([rendering])
    expect(report.summary).toMatchObject({ articles: 1, errors: 1, exit: 2 })
    expect(report.articles.map((a) => [a.file, a.slug, a.problems.length])).toEqual([
      ['content/2025/11/05/storm.md', 'storm', 0],
      ['templates/brief.hbs', '', 1]
    ])
  })
})

describe('formatJson', () => {
  it.each([
    ['no articles', []],
    ['one article', [crypto]],
    ['several entries, a settings entry among them', [crypto, storm, settings]]
  ])('writes, a piece per article, exactly what JSON.stringify writes: %s', (_, entries) => {
    const report = buildReport(entries)
    const chunks = [...formatJsonChunks(report)]
    expect(chunks.join('')).toBe(`${JSON.stringify(shapeReport(report), null, 2)}\n`)
    expect(formatJson(report)).toBe(chunks.join(''))
    expect(chunks).toHaveLength(entries.length === 0 ? 1 : entries.length + 2)
  })

  it('prints the report with a 2-space indent and a final newline', () => {
    const json = formatJson(buildReport([crypto]))
    expect(json.endsWith('}\n')).toBe(true)
    expect(json.split('\n')[1]).toBe('  "version": 1,')
    const parsed: unknown = JSON.parse(json)
    expect(parsed).toEqual({
      version: 1,
      summary: {
        articles: 1,
        figures: 2,
        verified: 1,
        contradicted: 1,
        unchecked: 0,
        errors: 1,
        warnings: 1,
        exit: 1
      },
      articles: [
        {
          file: 'content/2025/11/04/crypto-day-of-terror.md',
          slug: 'crypto-day-of-terror',
          url: '/2025/11/04/crypto-day-of-terror/',
          mode: 'strict',
          figures: [
            {
              text: 'over 7%',
              in: 'body',
              line: 22,
              column: 41,
              value: 7,
              unit: '%',
              approx: 'over',
              direction: 'down',
              status: 'verified',
              actual: -7.41,
              expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
              message: 'stated over 7%, data -7.41%'
            },
            {
              text: '10-12%',
              in: 'body',
              line: 24,
              column: 3,
              value: [10, 12],
              unit: '%',
              approx: 'range',
              direction: null,
              status: 'contradicted',
              actual: 6.2,
              expr: 'eth.change',
              message: 'stated 10-12%, data 6.2% (not between 10% and 12%)'
            }
          ],
          asserts: [
            {
              expr: 'lowest_since(btc.low, "2025-11-04", "2025-07-01")',
              says: 'lowest level since June',
              status: 'verified',
              message: ''
            }
          ],
          problems: [
            {
              severity: 'warning',
              line: 3,
              column: 1,
              rule: 'frontmatter',
              message: 'unknown key "tagz" (did you mean "tags"?)'
            },
            {
              severity: 'error',
              line: 24,
              column: 3,
              rule: 'figure-contradicted',
              message: 'stated 10-12%, data 6.2% (not between 10% and 12%)'
            }
          ]
        }
      ]
    })
  })

  it('strips internal fields even from a report not made by buildReport', () => {
    const json = formatJson({ version: 1, summary: buildReport([]).summary, articles: [crypto] })
    expect(json).not.toContain('sourceStart')
    expect(json.match(/"file"/g)).toHaveLength(1)
  })

  it('shapes an entry made of the same results once, and again when anything of it changed', () => {
    const first = buildReport([crypto, storm]).articles[0]
    // The same article results (its summary's arrays) in a later build: the same shaped entry.
    expect(buildReport([{ ...crypto }, storm]).articles[0]).toBe(first)
    const [unknownKey] = crypto.problems
    const changes: Partial<typeof crypto>[] = [
      { problems: unknownKey ? [unknownKey] : [] },
      { problems: [...crypto.problems] },
      { url: '/2025/11/04/moved/' },
      { mode: 'standard' },
      { asserts: [] }
    ]
    for (const change of changes) {
      const entry = buildReport([{ ...crypto, ...change }, storm]).articles[0]
      expect(entry).toEqual(
        buildReport([{ ...crypto, ...change, figures: [...crypto.figures] }]).articles[0]
      )
    }
    expect(buildReport([{ ...crypto, mode: 'standard' }]).articles[0]?.mode).toBe('standard')
    expect(buildReport([{ ...crypto, problems: [] }]).articles[0]?.problems).toEqual([])
  })
})
