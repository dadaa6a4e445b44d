/**
 * Big input (issue 6): a 5 MB article, a 1,000,000-row data file and 40,000 articles each build
 * in one child process with Node's default heap, and the child's peak resident memory is printed
 * (`process.resourceUsage().maxRSS`, read in the child as it exits). Too slow for every run: set
 * FACTDESK_BIG=1 to run it.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteYaml } from '../helpers/temp-site.js'
import { childEnv, ensureCompiled, projectRoot } from '../helpers/compiled-cli.js'
import { millionRowCsv, millionRows, proseOfSize } from './generated-inputs.js'
import { pricesCsv, writeGeneratedSite } from './generated-site.js'

const enabled = process.env.FACTDESK_BIG === '1'
if (!enabled)
  console.warn('big-input tests SKIPPED: they take minutes; run them with FACTDESK_BIG=1')

/** Runs the CLI in-process in a child Node and reports its peak resident memory on stderr. */
const measuredCli = `
const { main } = await import(${JSON.stringify(pathToFileURL(join(projectRoot, 'lib/cli.js')).href)})
const code = await main(process.argv.slice(1))
process.stderr.write('factdesk-max-rss-kb ' + process.resourceUsage().maxRSS + '\\n')
process.exitCode = code`

let scratch: string

beforeAll(async () => {
  if (!enabled) return
  await ensureCompiled()
  scratch = await mkdtemp(join(tmpdir(), 'factdesk-big-'))
}, 300_000)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe.skipIf(!enabled)('big input builds without running out of memory', () => {
  it('builds a 5 MB article', async () => {
    const root = join(scratch, 'five-megabytes')
    const body = proseOfSize(5 * 1024 * 1024)
    expect(body.length).toBeGreaterThanOrEqual(5 * 1024 * 1024)
    await writeSite(root, {
      'content/huge.md': `---\ntitle: A very long story\ndate: 2025-11-04T10:00:00+08:00\ndata:\n  btc: markets/btc.csv\nchecks:\n  - figure: "7.5%"\n    expr: pct_change(btc.close, "2025-11-03", "2025-11-04")\n---\nBitcoin rose 7.5% on the day.\n\n${body}`,
      'data/markets/btc.csv': pricesCsv
    })
    const run = await buildMeasured('a 5 MB article', root, 600_000)
    expect(run.files).toContain('index.html')
  }, 900_000)

  it('builds against a 1,000,000-row data file', async () => {
    const root = join(scratch, 'million-rows')
    await writeSite(root, {
      'content/rows.md': `---\ntitle: A million days\ndate: 2025-11-04T10:00:00+08:00\ndata:\n  big: markets/big.csv\nchecks:\n  - figure: "7.5%"\n    expr: pct_change(big.close, "2025-11-03", "2025-11-04")\n  - figure: "1 million days"\n    expr: count(big.close)\n  - figure: "$107.5"\n    expr: max(big.close, "0100-01-01", "2025-11-04")\n---\nBitcoin rose 7.5% to $107.5, a record across 1 million days.\n`,
      'data/markets/big.csv': millionRowCsv()
    })
    const run = await buildMeasured(
      `a ${millionRows.toLocaleString('en')}-row data file`,
      root,
      600_000
    )
    expect(run.files).toContain('data')
  }, 900_000)

  it('builds 40,000 articles', async () => {
    const root = join(scratch, 'forty-thousand')
    await writeGeneratedSite(root, { articles: 40_000, edition: 'big', paragraphs: 1 })
    const run = await buildMeasured('40,000 articles', root, 3_300_000)
    expect(run.files).toContain('feed.xml')
  }, 3_600_000)
})

/** Builds `root` in a child process; fails unless it passes; prints and returns peak memory. */
async function buildMeasured(
  label: string,
  root: string,
  deadlineMs: number
): Promise<{ maxRssKb: number; files: string[] }> {
  const out = join(root, 'dist')
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', measuredCli, 'build', '--root', root, '--out', out, '--quiet'],
    {
      env: childEnv,
      stdio: ['ignore', 'ignore', 'pipe']
    }
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  // A test timeout would leave the child running: it is killed at the deadline instead.
  const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(deadline)
  const seconds = (performance.now() - started) / 1000
  expect(code, `${label}: killed at the deadline, or failed:\n${stderr.slice(-2000)}`).toBe(0)
  const maxRssKb = Number(/factdesk-max-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN)
  console.info(
    `${label}: built in ${seconds.toFixed(1)} s, peak resident memory ${(maxRssKb / 1024).toFixed(0)} MiB`
  )
  expect(maxRssKb).toBeGreaterThan(0)
  return { maxRssKb, files: await readdir(out) }
}

async function writeSite(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries({ 'data/site.yaml': siteYaml, ...files })) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), content)
  }
}
