/**
 * Code frames in `--format text` (issue 18, item 5): the lines around each positioned problem,
 * read from the site's files once per file, safe for a terminal, and capped on a long report.
 * Frames are read back as rows (`> 12 | text`, `   | ^`) rather than compared as strings.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as readSiteFileModule from '../../src/io/read-site-file.js'
import { codeFrame, sourceLines } from '../../src/report/code-frame.js'
import { formatText } from '../../src/report/format-text.js'
import { framesPerRule, maxFrames } from '../../src/report/problem-frames.js'
import type { Problem, Report } from '../../src/types.js'
import { tempSite } from '../helpers/temp-site.js'

// Reads go through a spy that still reads, so a test can count how often each file is opened.
vi.mock('../../src/io/read-site-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof readSiteFileModule>()
  return { ...actual, readSiteFile: vi.fn(actual.readSiteFile) }
})

const plain = { color: false, quiet: false }
const problemRow = /^(\S+):(\d+):(\d+) {2,}(error|warning) /
const frameRow = /^ {2}(>| ) +(\d+) \|(?: (.*))?$/
// The caret row: a space after the bar, then the spacing (tabs kept) up to the caret's column.
const caretRow = /^ {2} +\| ([ \t]*)\^$/

/** A report of one article entry whose problems are `problems`. */
function reportOf(file: string, problems: Problem[]): Report {
  return {
    version: 1,
    summary: {
      articles: 1,
      figures: 0,
      verified: 0,
      contradicted: 0,
      unchecked: 0,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      exit: 1
    },
    articles: [
      { file, slug: 'story', url: '/story/', mode: 'standard', figures: [], asserts: [], problems }
    ]
  }
}

function problem(line: number, column: number, rule: Problem['rule'] = 'check-error'): Problem {
  return { severity: 'error', line, column, rule, message: `at ${line}:${column}` }
}

/** Each problem row of `text` with the frame rows under it, parsed. */
function framesIn(text: string): Array<{
  at: string
  rows: Array<{ marked: boolean; line: number; text: string }>
  caret: number | undefined
}> {
  const found: ReturnType<typeof framesIn> = []
  for (const row of text.split('\n')) {
    const head = problemRow.exec(row)
    if (head) {
      found.push({ at: `${head[2]}:${head[3]}`, rows: [], caret: undefined })
      continue
    }
    const current = found.at(-1)
    const frame = frameRow.exec(row)
    const caret = caretRow.exec(row)
    if (current && caret) current.caret = (caret[1] ?? '').length
    else if (current && frame)
      current.rows.push({ marked: frame[1] === '>', line: Number(frame[2]), text: frame[3] ?? '' })
  }
  return found
}

const story = [
  '---',
  'title: A story',
  'checks:',
  '  - figure: "7%"',
  '    expr: pct_change(btc.closing, "2025-11-03", "2025-11-04")',
  '---',
  'Body line one.',
  '\tTabbed \u001B[2J line with an escape, and a figure 7% here.',
  'Last line.'
].join('\n')

let root: string

beforeAll(async () => {
  root = await tempSite({ 'content/story.md': story, 'content/other.md': story })
})

describe('code frames in the text report', () => {
  it('shows the lines around the position, numbered, with a caret under the column', async () => {
    const text = await formatText(reportOf('content/story.md', [problem(5, 26)]), {
      ...plain,
      root
    })
    const [frame] = framesIn(text)
    expect(frame?.rows.map((row) => [row.line, row.marked])).toEqual([
      [3, false],
      [4, false],
      [5, true],
      [6, false],
      [7, false]
    ])
    const marked = frame?.rows.find((row) => row.marked)
    expect(marked?.text).toBe('    expr: pct_change(btc.closing, "2025-11-03", "2025-11-04")')
    // The caret stands under column 26, `c` of `closing`.
    expect(marked?.text.charAt(frame?.caret ?? -1)).toBe('c')
  })

  it('writes control characters as escapes and keeps the caret under the right character', async () => {
    const text = await formatText(reportOf('content/story.md', [problem(8, 48)]), {
      ...plain,
      root
    })
    expect(text).not.toContain('\u001B')
    const marked = framesIn(text)[0]?.rows.find((row) => row.marked)
    expect(marked?.text).toBe('\tTabbed \\x1b[2J line with an escape, and a figure 7% here.')
    const caret = framesIn(text)[0]?.caret ?? 0
    // The tab is kept on the caret row, so the caret lines up in a terminal as it does here.
    expect(marked?.text.slice(caret, caret + 2)).toBe('7%')
  })

  it('gives no frame to a problem about a whole file, nor without the site root', async () => {
    const whole = await formatText(reportOf('content/story.md', [problem(1, 1)]), {
      ...plain,
      root
    })
    expect(framesIn(whole)[0]?.rows).toEqual([])
    const noRoot = await formatText(reportOf('content/story.md', [problem(5, 26)]), plain)
    expect(framesIn(noRoot)[0]?.rows).toEqual([])
  })

  it('reads each file once, and only the files with problems', async () => {
    const read = vi.mocked(readSiteFileModule.readSiteFile)
    read.mockClear()
    const problems = [
      problem(5, 26),
      problem(8, 2, 'figure-contradicted'),
      problem(7, 1, 'frontmatter')
    ]
    const text = await formatText(reportOf('content/story.md', problems), { ...plain, root })
    expect(framesIn(text).filter((frame) => frame.rows.length > 0)).toHaveLength(3)
    expect(read.mock.calls.map((call) => call[1])).toEqual(['content/story.md'])
  })

  it(`frames the first ${framesPerRule} problems of a rule and ${maxFrames} in all`, async () => {
    const many = Array.from({ length: 12 }, (_, i) => problem(8, 1 + i))
    const oneRule = framesIn(
      await formatText(reportOf('content/story.md', many), { ...plain, root })
    )
    expect(oneRule.map((frame) => frame.rows.length > 0)).toEqual(
      Array.from({ length: 12 }, (_, i) => i < framesPerRule)
    )
    const rules = [
      'check-error',
      'figure-contradicted',
      'check-not-found',
      'check-ambiguous',
      'check-no-figure',
      'data-value',
      'assert-contradicted'
    ] as const
    const spread = rules.flatMap((rule) =>
      Array.from({ length: 6 }, (_, i) => problem(7, 1 + i, rule))
    )
    const framed = framesIn(
      await formatText(reportOf('content/story.md', spread), { ...plain, root })
    )
    expect(framed.filter((frame) => frame.rows.length > 0)).toHaveLength(maxFrames)
  })

  it('colours the frame only when colour is on, and never as JavaScript', async () => {
    const at = reportOf('content/story.md', [problem(5, 26)])
    const colored = await formatText(at, { ...plain, root, color: true })
    const marked = colored.split('\n').find((row) => row.includes('expr: pct_change'))
    // The gutter and marker are coloured; the line of the file itself is not.
    expect(marked).toContain('\u001B[')
    expect(marked?.endsWith('    expr: pct_change(btc.closing, "2025-11-03", "2025-11-04")')).toBe(
      true
    )
  })
})

describe('codeFrame', () => {
  it('cuts a very long line around the column, keeping the caret on the character', () => {
    const line = `${'a'.repeat(5_000)}X${'b'.repeat(5_000)}`
    const frame = codeFrame(sourceLines(line), { line: 1, column: 5_001 }, { color: false }) ?? ''
    const rows = frame.split('\n')
    const shown = frameRow.exec(rows[0] ?? '')?.[3] ?? ''
    const caret = caretRow.exec(rows[1] ?? '')?.[1]?.length ?? -1
    expect(shown.length).toBeLessThan(130)
    expect(shown.charAt(caret)).toBe('X')
  })

  it('shows bidirectional overrides as escapes, not as reordered text', () => {
    const frame = codeFrame(
      sourceLines('a \u202E evil b'),
      { line: 1, column: 10 },
      { color: false }
    )
    expect(frame).toContain('\\u{202e}')
    expect(frame).not.toContain('\u202E')
  })

  it('gives no frame for a line the file does not have', () => {
    expect(
      codeFrame(sourceLines('one line'), { line: 3, column: 1 }, { color: false })
    ).toBeUndefined()
  })
})
