/**
 * `check` and `build` on a fixture site: exit statuses by mode (SPEC 6, 7) and the three output
 * formats.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, runJson } from '../helpers/run-cli.js'

const fixture = 'test/fixtures/factcheck-site'

async function site(options: { withWrong: boolean }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'factdesk-fc-'))
  await cp(fixture, root, { recursive: true })
  if (!options.withWrong) await rm(join(root, 'content/coin-wrong.md'))
  return root
}

describe('fact-check exit statuses and formats', () => {
  it('exits 1 on a contradicted figure and reports stated and actual values in JSON', async () => {
    const root = await site({ withWrong: true })
    const { exit, report } = await runJson(['check', '--root', root])
    expect(exit).toBe(1)
    expect(report.summary).toMatchObject({ articles: 2, contradicted: 1, exit: 1 })
    const wrong = report.articles.find((entry) => entry.slug === 'coin-wrong')
    expect(wrong?.figures[0]).toMatchObject({
      text: 'rose 9%'.replace('rose ', ''),
      line: 10,
      column: 15,
      value: 9,
      unit: '%',
      approx: 'exact',
      direction: 'up',
      status: 'contradicted'
    })
    expect(wrong?.figures[0]?.actual).toBeCloseTo(-4.1667, 3)
    expect(wrong?.problems).toContainEqual(
      expect.objectContaining({
        rule: 'figure-contradicted',
        line: 10,
        column: 15,
        severity: 'error'
      })
    )
  })

  it('exits 1 on a contradicted headline figure, at its line and column in the frontmatter', async () => {
    const root = await site({ withWrong: false })
    const headline = [
      '---',
      'title: "Coin soars 25% in a day"',
      'date: 2025-11-03T14:00:00Z',
      'data:',
      '  coin: markets/coin.csv',
      'checks:',
      '  - figure: "soars 25%"',
      '    expr: pct_change(coin.close, "2025-11-02", "2025-11-03")',
      '---',
      'The coin moved over the day.',
      ''
    ].join('\n')
    await writeFile(join(root, 'content/coin-headline.md'), headline)
    const run = await runCli(['check', '--root', root])
    expect(run.exit).toBe(1)
    const problem = run.stdout.split('\n').find((line) => line.includes('figure-contradicted'))
    expect(problem).toMatch(/^content\/coin-headline\.md:2:20\s{2,}error\s{2,}stated rose 25%/)
  })

  it('passes in standard mode with unchecked figures as warnings, and fails them with --strict', async () => {
    const root = await site({ withWrong: false })
    const standard = await runJson(['check', '--root', root])
    expect(standard.exit).toBe(0)
    const entry = standard.report.articles[0]
    expect(entry?.figures.map((figure) => [figure.text, figure.status])).toEqual([
      ['fell over 4%'.replace('fell ', ''), 'verified'],
      ['below $91', 'verified'],
      ['Some 12 analysts', 'unchecked']
    ])
    expect(entry?.asserts[0]?.status).toBe('verified')
    expect(entry?.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        rule: 'figure-unchecked',
        line: 18,
        column: 1
      })
    )
    const strict = await runJson(['check', '--root', root, '--strict'])
    expect(strict.exit).toBe(1)
    expect(strict.report.articles[0]?.mode).toBe('strict')
  })

  it('reports but fails nothing in off mode', async () => {
    const root = await site({ withWrong: true })
    const { writeFile, readFile } = await import('node:fs/promises')
    const file = join(root, 'content/coin-wrong.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('date:', 'factcheck: off\ndate:'))
    const { exit, report } = await runJson(['check', '--root', root])
    expect(exit).toBe(0)
    const wrong = report.articles.find((entry) => entry.slug === 'coin-wrong')
    expect(wrong?.figures[0]?.status).toBe('contradicted')
    expect(wrong?.problems.every((problem) => problem.severity === 'warning')).toBe(true)
  })

  it('prints text problems as file:line:column  severity  message  rule, grouped by file, with a summary', async () => {
    const root = await site({ withWrong: true })
    const run = await runCli(['check', '--root', root])
    expect(run.exit).toBe(1)
    const lines = run.stdout.split('\n')
    const problem = lines.find((line) => line.includes('figure-contradicted'))
    expect(problem).toMatch(
      /^content\/coin-wrong\.md:10:15\s{2,}error\s{2,}.*stated rose 9%.*\s{2,}figure-contradicted$/
    )
    expect(lines.filter((line) => line.trim() !== '').at(-1)).toMatch(
      /2 articles, 4 figures: 2 verified, 1 contradicted, 1 unchecked; 1 error, 1 warning/
    )
  })

  it('prints GitHub workflow commands with the file and position', async () => {
    const root = await site({ withWrong: true })
    const run = await runCli(['check', '--root', root, '--format', 'github'])
    expect(run.exit).toBe(1)
    expect(run.stdout).toMatch(
      /^::error file=content\/coin-wrong\.md,line=10,col=15,title=figure-contradicted::stated rose 9%25, data -4.17%25/m
    )
    expect(run.stdout).toMatch(/^::warning file=content\/coin-slides\.md,line=18,col=1/m)
  })

  it('keeps stdout pure JSON with --format json and sends the summary to stderr', async () => {
    const root = await site({ withWrong: false })
    const run = await runCli([
      'build',
      '--root',
      root,
      '--format',
      'json',
      '--out',
      join(root, 'out')
    ])
    expect(run.exit).toBe(0)
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow()
    expect(run.stderr).toMatch(/factdesk build: passed/)
  })
})
