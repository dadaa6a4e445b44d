/**
 * The bad-input corpus (issue 6): every folder under `test/fixtures/bad-input/` is a small site
 * with one good article (`content/good.md`) and something wrong, and an `expected.json` giving the
 * exit status and the positioned problems `check` must report. Each case also runs `build` over a
 * previous good site and requires that site untouched when the build fails. `UPDATE=1` rewrites
 * every `expected.json` from what the build now reports: review the diff like code.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTree } from '../helpers/read-tree.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { generators } from './generated-inputs.js'
import type { Report } from '../../src/types.js'

/** One problem a case must produce; `message` is a substring, or a `/regex/`. */
interface ExpectedProblem {
  file: string
  line: number
  column: number
  rule: string
  message: string
  severity?: 'error' | 'warning'
}

/** A figure a passing case must find where it stands in the file (BOM and CRLF cases). */
interface ExpectedFigure {
  file: string
  text: string
  line: number
  column: number
  status: string
}

interface Expected {
  exit: number
  problems: ExpectedProblem[]
  figures?: ExpectedFigure[]
  /** Name of a generator in `generated-inputs.ts` adding files that cannot be committed. */
  generate?: string
}

const corpus = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url))
const update = process.env.UPDATE === '1'
const goodFile = 'content/good.md'
const goodPage = '2025/11/04/good-story/index.html'
const names = (await readdir(corpus, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

let scratch: string
let previous: string
let previousTree: Map<string, Buffer>

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'factdesk-bad-input-'))
  // The site a failed build must leave standing: built once, copied under every case's --out.
  const earlier = await tempSite({
    'data/site.yaml': siteYaml,
    'content/earlier.md': article(
      'title: An earlier story\ndate: 2025-11-01T08:00:00+08:00',
      'Yesterday 14 ships docked.\n'
    )
  })
  previous = join(scratch, 'previous')
  const built = await runCli(['build', '--root', earlier, '--out', previous])
  expect(built.exit, built.stderr).toBe(0)
  previousTree = await readTree(previous)
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('the bad-input corpus', () => {
  it('holds at least 60 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(60)
  })

  // A formatter, an editor or git's line-end conversion would quietly turn these cases into
  // ordinary files that pass for the wrong reason; they must fail loudly instead.
  it.each([
    [
      'encoding-crlf-line-ends/content/crlf.md',
      (bytes: Buffer) => bytes.includes('\r\n') && !/[^\r]\n/.test(bytes.toString('latin1'))
    ],
    [
      'encoding-byte-order-mark/content/bom.md',
      (bytes: Buffer) => bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))
    ],
    ['yaml-tab-indent/content/bad.md', (bytes: Buffer) => bytes.includes('\n\t- ')],
    ['encoding-nul-byte/content/bad.md', (bytes: Buffer) => bytes.includes(0)],
    ['encoding-not-utf8/content/bad.md', (bytes: Buffer) => !isUtf8(bytes)],
    [
      'encoding-binary-file/content/bad.md',
      (bytes: Buffer) => bytes.subarray(1, 4).toString() === 'PNG'
    ]
  ])('keeps the bytes of %s as committed', async (path, holds) => {
    expect(holds(await readFile(join(corpus, path)))).toBe(true)
  })

  it.each(names)(
    '%s: reports its problems in place, checks the good article, and publishes nothing wrong',
    async (name) => {
      let expected = JSON.parse(
        await readFile(join(corpus, name, 'expected.json'), 'utf8')
      ) as Expected
      const site = join(scratch, name, 'site')
      const outside = join(scratch, name, 'outside')
      await cp(join(corpus, name), site, { recursive: true })
      await mkdir(outside, { recursive: true })
      if (expected.generate !== undefined) {
        const generate = generators[expected.generate]
        if (generate === undefined)
          throw new Error(`${name}/expected.json names no known generator "${expected.generate}"`)
        await generate(site, outside)
      }

      const checked = await runJson(['check', '--root', site])
      if (update) {
        expected = expectationOf(checked.report, checked.exit, expected.generate)
        await writeFile(
          join(corpus, name, 'expected.json'),
          `${JSON.stringify(expected, null, 2)}\n`
        )
      }

      expect(checked.stderr).not.toMatch(/^\s+at /m)
      expect(checked.exit, problemList(checked.report)).toBe(expected.exit)
      for (const problem of expected.problems) {
        expect(
          findProblem(checked.report, problem),
          `${describeProblem(problem)}\nin\n${problemList(checked.report)}`
        ).toBe(true)
      }
      for (const figure of expected.figures ?? []) {
        const entry = checked.report.articles.find((candidate) => candidate.file === figure.file)
        expect(
          entry?.figures.map(({ text, line, column, status }) => ({
            file: figure.file,
            text,
            line,
            column,
            status
          }))
        ).toContainEqual(figure)
      }
      const good = checked.report.articles.find((entry) => entry.file === goodFile)
      expect(good, 'the good article is in the report').toBeDefined()
      expect(
        good?.figures.map((figure) => figure.text),
        'the good article was checked'
      ).toEqual(['1,200 voters'])
      expect(errorsOn(checked.report, goodFile), 'the good article has no error').toEqual([])

      const out = join(scratch, name, 'dist')
      await cp(previous, out, { recursive: true })
      const built = await runCli(['build', '--root', site, '--out', out])
      expect(built.stderr).not.toMatch(/^\s+at /m)
      expect(built.exit).toBe(expected.exit)
      const tree = await readTree(out)
      if (built.exit === 0) {
        expect(tree.has(goodPage), 'a passing build publishes the good article').toBe(true)
      } else {
        expect(tree, 'a failed build leaves the previous site as it was').toEqual(previousTree)
      }
      await rm(join(scratch, name), { recursive: true, force: true })
    },
    180_000
  )
})

function findProblem(report: Report, expected: ExpectedProblem): boolean {
  return report.articles.some((entry) =>
    entry.problems.some(
      (problem) =>
        (problem.file ?? entry.file) === expected.file &&
        problem.line === expected.line &&
        problem.column === expected.column &&
        problem.rule === expected.rule &&
        (expected.severity === undefined || problem.severity === expected.severity) &&
        messageMatches(problem.message, expected.message)
    )
  )
}

function messageMatches(message: string, expected: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(expected)
  return regex ? new RegExp(regex[1] ?? '', regex[2]).test(message) : message.includes(expected)
}

/** Errors placed in `file`, whichever report entry carries them. */
function errorsOn(report: Report, file: string): string[] {
  return report.articles.flatMap((entry) =>
    entry.problems
      .filter((problem) => problem.severity === 'error' && (problem.file ?? entry.file) === file)
      .map((problem) => problem.message)
  )
}

function describeProblem(problem: ExpectedProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.rule} ${problem.message}`
}

function problemList(report: Report): string {
  return report.articles
    .flatMap((entry) =>
      entry.problems.map(
        (problem) =>
          `${problem.file ?? entry.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule} ${problem.message}`
      )
    )
    .join('\n')
}

/** What UPDATE=1 writes: every problem and figure outside the good article, messages whole. */
function expectationOf(report: Report, exit: number, generate: string | undefined): Expected {
  const others = report.articles.filter((entry) => entry.file !== goodFile)
  const problems = others.flatMap((entry) =>
    entry.problems.map((problem) => ({
      file: problem.file ?? entry.file,
      line: problem.line,
      column: problem.column,
      rule: problem.rule,
      severity: problem.severity,
      message: problem.message
    }))
  )
  const figures =
    exit === 0
      ? others.flatMap((entry) =>
          entry.figures.map(({ text, line, column, status }) => ({
            file: entry.file,
            text,
            line,
            column,
            status
          }))
        )
      : []
  return {
    exit,
    problems,
    ...(figures.length > 0 ? { figures } : {}),
    ...(generate === undefined ? {} : { generate })
  }
}
