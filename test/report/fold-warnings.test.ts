/**
 * Many warnings of one rule, folded (issue 18, item 4): past 20 warnings of a rule the text and
 * github outputs show the first 5 and one line with the count, the files and where to find them
 * all; errors are never folded.
 */
import { describe, expect, it } from 'vitest'
import { foldAbove, foldLine, keptWhenFolded } from '../../src/report/fold-warnings.js'
import { formatGithub } from '../../src/report/format-github.js'
import { formatText } from '../../src/report/format-text.js'
import type { Problem, Report, ReportArticle } from '../../src/types.js'

const plain = { color: false, quiet: false }
const problemRow = /^(\S+):(\d+):(\d+) {2,}(error|warning) {2,}(\S.*\S) {2,}([a-z-]+)$/
const command = /^::(error|warning|notice) ([^:]*)::(.*)$/

function unchecked(line: number): Problem {
  return {
    severity: 'warning',
    line,
    column: 1,
    rule: 'figure-unchecked',
    message: `no check covers "${line} houses"`
  }
}

/** `perFile` problems in each of `files` articles, made by `make`, plus one error in the first. */
function reportOf(
  files: number,
  perFile: number,
  make: (line: number) => Problem = unchecked
): Report {
  const articles: ReportArticle[] = Array.from({ length: files }, (_, f) => ({
    file: `content/story-${f + 1}.md`,
    slug: `story-${f + 1}`,
    url: `/story-${f + 1}/`,
    mode: 'standard',
    figures: [],
    asserts: [],
    problems: [
      ...(f === 0
        ? [
            {
              severity: 'error',
              line: 2,
              column: 3,
              rule: 'figure-contradicted',
              message: 'stated 7%, data 9%'
            } as const
          ]
        : []),
      ...Array.from({ length: perFile }, (_, i) => make(10 + i))
    ]
  }))
  const all = articles.flatMap((entry) => entry.problems)
  return {
    version: 1,
    summary: {
      articles: files,
      figures: 0,
      verified: 0,
      contradicted: 1,
      unchecked: 0,
      errors: all.filter((problem) => problem.severity === 'error').length,
      warnings: all.filter((problem) => problem.severity === 'warning').length,
      exit: 1
    },
    articles
  }
}

function rowsOf(text: string): string[][] {
  return text.split('\n').flatMap((row) => {
    const parsed = problemRow.exec(row)
    return parsed ? [parsed.slice(1)] : []
  })
}

describe('folding warnings in the text report', () => {
  it(`lists ${foldAbove} warnings of a rule in full`, async () => {
    const text = await formatText(reportOf(4, foldAbove / 4), plain)
    expect(rowsOf(text).filter((row) => row[3] === 'warning')).toHaveLength(foldAbove)
    expect(text).not.toContain('lists them all')
  })

  it(`shows the first ${keptWhenFolded} of more, then one line with the count and the files`, async () => {
    const text = await formatText(reportOf(3, 8), plain)
    const rows = rowsOf(text)
    const warnings = rows.filter((row) => row[3] === 'warning')
    expect(warnings.map((row) => `${row[0]}:${row[1]}`)).toEqual([
      'content/story-1.md:10',
      'content/story-1.md:11',
      'content/story-1.md:12',
      'content/story-1.md:13',
      'content/story-1.md:14'
    ])
    // The error is listed whatever the warnings: errors are never folded.
    expect(rows.filter((row) => row[3] === 'error')).toHaveLength(1)
    const folded = text.split('\n').filter((row) => row.endsWith('`--format json` lists them all'))
    expect(folded).toEqual([
      '24 unchecked figures in 3 files, the first 5 shown; `--format json` lists them all'
    ])
    // The fold line is not a problem line, and it comes before the hints and the summary.
    expect(problemRow.test(folded[0] ?? '')).toBe(false)
    expect(text.indexOf(folded[0] ?? '')).toBeLessThan(text.indexOf('what to do:'))
  })

  it('folds each rule on its own and names what it counts by rule', async () => {
    const frontmatter = (line: number): Problem => ({
      severity: 'warning',
      line,
      column: 1,
      rule: 'frontmatter',
      message: 'unknown key "tagz"'
    })
    const report = reportOf(1, 21, frontmatter)
    const text = await formatText(report, plain)
    expect(text).toContain('21 frontmatter warnings in 1 file, the first 5 shown')
  })

  it('counts with thousands separators', () => {
    expect(foldLine({ rule: 'figure-unchecked', count: 24_800, files: 4_000, kept: 5 })).toBe(
      '24,800 unchecked figures in 4,000 files, the first 5 shown; `--format json` lists them all'
    )
    expect(foldLine({ rule: 'embed-dropped', count: 1_200, files: 1, kept: 5 })).toBe(
      '1,200 "embed-dropped" warnings in 1 file, the first 5 shown; `--format json` lists them all'
    )
  })

  it('folds nothing when quiet: warnings are not listed at all', async () => {
    const text = await formatText(reportOf(3, 8), { color: false, quiet: true })
    expect(text).not.toContain('lists them all')
  })
})

describe('folding warnings in the github report', () => {
  it(`annotates the first ${keptWhenFolded} warnings of a folded rule and adds one notice`, () => {
    const lines = formatGithub(reportOf(3, 8)).split('\n')
    const commands = lines.flatMap((line) => {
      const parsed = command.exec(line)
      return parsed ? [[parsed[1], parsed[2], parsed[3]]] : []
    })
    expect(commands.filter(([kind]) => kind === 'warning')).toHaveLength(keptWhenFolded)
    expect(commands.filter(([kind]) => kind === 'error')).toHaveLength(1)
    expect(commands.filter(([kind]) => kind === 'notice')).toEqual([
      [
        'notice',
        'title=figure-unchecked',
        '24 unchecked figures in 3 files, the first 5 shown; `--format json` lists them all'
      ]
    ])
  })

  it(`annotates every warning of a rule with ${foldAbove} or fewer`, () => {
    const lines = formatGithub(reportOf(2, foldAbove / 2)).split('\n')
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(foldAbove)
    expect(lines.some((line) => line.startsWith('::notice'))).toBe(false)
  })
})
