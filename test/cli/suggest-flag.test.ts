/**
 * `--suggest` on the command line (issue 20): the suggestions under the text report, in the JSON
 * report only when asked, never in `dist/factcheck.json`, and `--suggest-from all` naming the
 * `data:` alias a file the article does not read would need.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types.js'
import { runCli } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

const prices = 'date,close\n2025-11-03,107.08\n2025-11-04,102.90\n'

async function site(dataLine: string): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    'data/markets/acme.csv': prices,
    'content/acme.md': article(
      `title: Acme slides\ndate: 2025-11-04T16:00:00Z\n${dataLine}`,
      'Acme shares fell 3.9% on Tuesday, closing at $102.90.\n'
    )
  })
}

const reportOf = (stdout: string): Report => JSON.parse(stdout) as Report

describe('--suggest', () => {
  it('lists each unchecked figure with its entry ready to paste, after the report', async () => {
    const root = await site('data:\n  acme: markets/acme.csv')
    const run = await runCli(['check', '--root', root, '--suggest'])
    expect(run.exit).toBe(0)
    const block = run.stdout.slice(run.stdout.indexOf('suggested checks'))
    expect(block).toContain('  7:18  "3.9%"')
    expect(block).toContain('- figure: "3.9%"')
    expect(block).toContain('expr: pct_change(acme.close, "2025-11-03", "2025-11-04")')
    expect(block).toContain('expr: acme.close["2025-11-04"]')
    expect(block).toContain('2 of 2 unchecked figures have a suggestion')
  })

  it('puts suggestions on unchecked figures in --format json, and nowhere without it', async () => {
    const root = await site('data:\n  acme: markets/acme.csv')
    const asked = reportOf(
      (await runCli(['check', '--root', root, '--suggest', '--format', 'json'])).stdout
    )
    const figures = asked.articles[0]?.figures ?? []
    expect(figures.map((figure) => figure.suggestions?.[0]?.expr)).toEqual([
      'pct_change(acme.close, "2025-11-03", "2025-11-04")',
      'acme.close["2025-11-04"]'
    ])
    expect(Object.keys(figures[0]?.suggestions?.[0] ?? {})).toEqual([
      'expr',
      'actual',
      'status',
      'explanation'
    ])
    const plain = reportOf((await runCli(['check', '--root', root, '--format', 'json'])).stdout)
    expect(plain.articles[0]?.figures.every((figure) => !('suggestions' in figure))).toBe(true)
  })

  it('never publishes suggestions in dist/factcheck.json', async () => {
    const root = await site('data:\n  acme: markets/acme.csv')
    const run = await runCli(['build', '--root', root, '--suggest'])
    expect(run.exit).toBe(0)
    const published = await readFile(join(root, 'dist', 'factcheck.json'), 'utf8')
    expect(published).not.toContain('suggestions')
  })

  it('with --suggest-from all, reads every data file and names the alias to add', async () => {
    const root = await site('')
    const article = reportOf(
      (
        await runCli([
          'check',
          '--root',
          root,
          '--suggest',
          '--suggest-from',
          'all',
          '--format',
          'json'
        ])
      ).stdout
    ).articles[0]
    expect(article?.figures[0]?.suggestions?.[0]).toMatchObject({
      expr: 'pct_change(acme.close, "2025-11-03", "2025-11-04")',
      status: 'verified',
      data: { acme: 'markets/acme.csv' }
    })
    const none = reportOf(
      (await runCli(['check', '--root', root, '--suggest', '--format', 'json'])).stdout
    ).articles[0]
    expect(none?.figures[0]?.suggestions).toEqual([])
  })

  it('refuses --suggest-from without --suggest, or with another value', async () => {
    const root = await site('')
    const alone = await runCli(['check', '--root', root, '--suggest-from', 'all'])
    expect(alone.exit).toBe(2)
    expect(alone.stderr).toContain('--suggest-from says where --suggest looks: add --suggest')
    const wrong = await runCli([
      'check',
      '--root',
      root,
      '--suggest',
      '--suggest-from',
      'everything'
    ])
    expect(wrong.exit).toBe(2)
    expect(wrong.stderr).toContain('--suggest-from must be article or all, not "everything"')
  })
})
