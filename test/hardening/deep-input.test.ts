/**
 * Deep and big input (issue 15, item 5): a body, frontmatter or data file nested 100,000 deep, and
 * articles of 2 and 50 MB, each end as a problem at its file and line while the rest of the site
 * is checked and reported; never "stopped on an unexpected error", never a stack overflow, never
 * a V8 abort. These run the compiled CLI in a child process: an abort would take a test worker
 * down with it, and the main thread's stack is the smallest factdesk runs on.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ended, ensureCompiled, startCli } from '../helpers/compiled-cli.js'
import type { ChildEnd } from '../helpers/compiled-cli.js'
import { parseReport, problemLines } from '../helpers/run-cli.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import type { Report } from '../../src/types.js'

/** Generous: each run below takes a few seconds; the code before the limits took minutes. */
const deadlineMs = 90_000

const deep = 100_000
const good = `---\ntitle: A good story\ndate: 2025-11-04T10:00:00+08:00\n---\nTurnout reached 1,200 voters.\n`

/** An article with the given extra frontmatter lines (each ending in a line break) and body. */
function story(body: string, frontmatter = ''): string {
  return `---\ntitle: A story\ndate: 2025-11-04T10:00:00+08:00\n${frontmatter}---\n${body}`
}

beforeAll(async () => {
  await ensureCompiled()
}, 300_000)

/** Runs `factdesk ...args --format json` in a child, killed at the deadline. */
async function runJsonChild(args: readonly string[]): Promise<ChildEnd & { report: Report }> {
  const child = startCli([...args, '--format', 'json'])
  const end = ended(child)
  const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
  const result = await end
  clearTimeout(deadline)
  expect(result.signal, `killed (still running after ${deadlineMs / 1000} s?)`).toBeNull()
  expect(result.stderr).not.toMatch(/unexpected error|call stack|^\s+at /im)
  return { ...result, report: parseReport(result.stdout) }
}

/** Every problem of a report as `file:line:column severity rule`, placed in its own file. */
function problemsOf(report: Report): string[] {
  return problemLines(report, { placed: true })
}

function figuresOf(report: Report, file: string): string[] | undefined {
  return report.articles
    .find((entry) => entry.file === file)
    ?.figures.map((figure) => `${figure.text} ${figure.status}`)
}

describe('a site whose every other file nests 100,000 deep', () => {
  it(
    'reports each deep file at its line and column, and checks the good article',
    async () => {
      const root = await tempSite({
        'data/site.yaml': siteYaml,
        'data/deep.json': `${'['.repeat(deep)}${']'.repeat(deep)}`,
        'data/deep.yaml': `rows:\n  - ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}\n`,
        'content/good.md': good,
        'content/list.md': story(`Intro.\n\n${'- '.repeat(deep)}Sales rose 3%.\n`),
        'content/indented-list.md': story(
          `${Array.from({ length: 1_000 }, (_, level) => `${'  '.repeat(level)}- level`).join('\n')}\n`
        ),
        'content/quote.md': story(`${'>'.repeat(deep)} Sales rose 3%.\n`),
        'content/html.md': story(`${'<div>'.repeat(deep)}Sales rose 3%.${'</div>'.repeat(deep)}\n`),
        'content/inline-html.md': story(
          `Sales ${'<span>'.repeat(10_000)}rose 3%${'</span>'.repeat(10_000)}.\n`
        ),
        'content/emphasis.md': story(`Sales ${'*'.repeat(1_000)}rose 3%${'*'.repeat(1_000)}.\n`),
        'content/frontmatter.md': story(
          'A quiet day.\n',
          `related: ${'['.repeat(deep)}${']'.repeat(deep)}\n`
        ),
        'content/json-reader.md': story('A quiet day.\n', 'data:\n  deep: deep.json\n'),
        'content/yaml-reader.md': story('A quiet day.\n', 'data:\n  deep: deep.yaml\n')
      })
      const { code, report } = await runJsonChild([
        'build',
        '--root',
        root,
        '--out',
        join(root, '..', `${root.split('/').pop() ?? 'site'}-dist`),
        '--no-cache'
      ])
      expect(code).toBe(2)
      expect(problemsOf(report)).toEqual(
        expect.arrayContaining([
          'content/list.md:7:201 error article-too-deep',
          'content/indented-list.md:105:201 error article-too-deep',
          'content/quote.md:5:101 error article-too-deep',
          'content/html.md:5:501 error article-too-deep',
          'content/inline-html.md:5:607 error article-too-deep',
          expect.stringMatching(/^content\/emphasis\.md:5:\d+ error article-too-deep$/),
          'content/frontmatter.md:4:209 error frontmatter',
          'data/deep.json:1:201 error data-malformed',
          'data/deep.yaml:2:797 error data-malformed'
        ])
      )
      expect(figuresOf(report, 'content/good.md')).toEqual(['1,200 voters unchecked'])
    },
    deadlineMs + 30_000
  )
})

describe('a body nested right up to every limit', () => {
  it(
    'is built on the main thread, its figure marked',
    async () => {
      const body = [
        `${'- '.repeat(100)}${'*'.repeat(199)}Sales ${'<span>'.repeat(100)}rose 3%${'</span>'.repeat(100)}${'*'.repeat(199)}`,
        `${'> '.repeat(100)}${'[a '.repeat(50)}${'](https://example.org/)'.repeat(50)}`,
        `${'<div>'.repeat(100)}\n\nTurnout rose 4%.\n\n${'</div>'.repeat(100)}`
      ].join('\n\n')
      const root = await tempSite({
        'data/site.yaml': siteYaml,
        'content/good.md': good,
        'content/deep.md': story(`${body}\n`)
      })
      const { code, report } = await runJsonChild([
        'build',
        '--root',
        root,
        '--out',
        join(root, '..', `${root.split('/').pop() ?? 'site'}-dist`),
        '--no-cache'
      ])
      expect(problemsOf(report).filter((problem) => problem.includes(' error '))).toEqual([])
      expect(code).toBe(0)
      expect(figuresOf(report, 'content/deep.md')).toEqual(['3% unchecked', '4% unchecked'])
    },
    deadlineMs + 30_000
  )
})

/** Plain newsroom prose of at least `bytes` characters, a figure in every tenth paragraph. */
function plainProse(bytes: number): string {
  const paragraph =
    'The council met again on Tuesday evening and adjourned without a vote, as members argued over the harbour, the schools and the roads.\n\n'
  const figure = 'Turnout at the meeting rose 3% on the year, the clerk said.\n\n'
  const block = paragraph.repeat(9) + figure
  return block.repeat(Math.ceil(bytes / block.length))
}

describe('articles of 2 MB and 50 MB', () => {
  it(
    'check the 2 MB one in full, and refuse the 50 MB one (over the 16 MiB limit) at its file',
    async () => {
      const megabyte = 1024 * 1024
      const root = await tempSite({
        'data/site.yaml': siteYaml,
        'content/good.md': good,
        'content/two.md': story(plainProse(2 * megabyte)),
        'content/fifty.md': story(plainProse(50 * megabyte))
      })
      const { code, report } = await runJsonChild(['check', '--root', root, '--no-cache'])
      expect(code).toBe(2)
      const two = report.articles.find((entry) => entry.file === 'content/two.md')
      expect(two?.problems.filter((problem) => problem.severity === 'error')).toEqual([])
      expect(two?.figures.length).toBeGreaterThan(1_000)
      const fifty = report.articles.find((entry) => entry.file === 'content/fifty.md')
      const refused = fifty?.problems.filter((problem) => problem.severity === 'error') ?? []
      expect(refused.map((problem) => `${problem.line}:${problem.column} ${problem.rule}`)).toEqual(
        ['1:1 article-unreadable']
      )
      expect(figuresOf(report, 'content/good.md')).toEqual(['1,200 voters unchecked'])
    },
    deadlineMs + 30_000
  )
})
