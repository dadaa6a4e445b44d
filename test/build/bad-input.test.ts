/**
 * Each bad-input case of issue 2: the right exit status, a positioned problem naming the file,
 * the other articles still checked, and no stack trace.
 */
import { describe, expect, it } from 'vitest'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { problemLines, runJson } from '../helpers/run-cli.js'

const good = article('title: A good story\ndate: 2025-11-04T10:00:00+08:00\nslug: good-story')

interface Case {
  name: string
  files: Record<string, string>
  exit: number
  /** `file:line:column severity rule` of the problem the case must produce. */
  problem: string
  message: RegExp
}

const cases: Case[] = [
  {
    name: 'broken YAML',
    files: { 'content/bad.md': '---\ntitle: [unclosed\ndate: 2025-11-04\n---\nBody.\n' },
    exit: 2,
    problem: 'content/bad.md:3:1 error frontmatter',
    message: /not valid YAML/
  },
  {
    name: 'a missing title',
    files: { 'content/bad.md': article('date: 2025-11-04') },
    exit: 2,
    problem: 'content/bad.md:2:1 error frontmatter',
    message: /missing required key "title"/
  },
  {
    name: 'a bad date',
    files: { 'content/bad.md': article('title: T\ndate: 2025-02-30') },
    exit: 2,
    problem: 'content/bad.md:3:7 error frontmatter',
    message: /"2025-02-30" is not a valid date/
  },
  {
    name: 'a bad slug',
    files: { 'content/bad.md': article('title: T\ndate: 2025-11-04\nslug: Not A Slug') },
    exit: 2,
    problem: 'content/bad.md:4:7 error frontmatter',
    message: /slug must be lower-case/
  },
  {
    name: 'a section that leaves the output folder',
    files: { 'content/bad.md': article('title: T\ndate: 2025-11-04\nsection: ../../etc') },
    exit: 2,
    problem: 'content/bad.md:4:10 error frontmatter',
    message: /section must be lower-case/
  },
  {
    name: 'two articles on one permalink',
    files: {
      'content/a/same.md': article('title: A\ndate: 2025-11-04'),
      'content/b/same.md': article('title: B\ndate: 2025-11-04')
    },
    exit: 2,
    problem: 'content/a/same.md:1:1 error permalink-duplicate',
    message: /would both be written to 2025\/11\/04\/same\/index.html/
  },
  {
    name: 'an unknown key (a warning: the build passes)',
    files: { 'content/warn.md': article('title: T\ndate: 2025-11-04\ntagz: [x]') },
    exit: 0,
    problem: 'content/warn.md:4:1 warning frontmatter',
    message: /unknown key "tagz" \(did you mean "tags"\?\)/
  },
  {
    name: 'an unreadable data file',
    files: {
      'content/data.md': article(
        'title: T\ndate: 2025-11-04\ndata:\n  btc: markets/missing.csv\nchecks:\n  - figure: "7%"\n    expr: btc.close["2025-11-04"]',
        'It fell 7%.\n'
      )
    },
    exit: 2,
    problem: 'content/data.md:5:8 error data-unreadable',
    message: /markets\/missing.csv/
  },
  {
    name: 'a broken template',
    files: {
      'content/ok.md': article('title: T\ndate: 2025-11-04'),
      'templates/pages/brief.hbs': '<article>\n  {{#if title}}\n  <h1>{{title}}</h1>\n</article>\n'
    },
    exit: 2,
    problem: 'templates/pages/brief.hbs',
    message: /./
  }
]

describe('bad input', () => {
  it.each(cases)('$name: exit $exit with a positioned problem', async (entry) => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/good.md': good,
      ...entry.files
    })
    const { exit, report, stderr } = await runJson(['check', '--root', root])
    expect(exit).toBe(entry.exit)
    const lines = problemLines(report)
    const match = report.articles.flatMap((file) =>
      file.problems
        .filter((problem) =>
          `${file.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`.startsWith(
            entry.problem
          )
        )
        .map((problem) => problem.message)
    )
    expect(match.length, lines.join('\n')).toBeGreaterThan(0)
    expect(
      match.some((message) => entry.message.test(message)),
      match.join('\n')
    ).toBe(true)
    // The good article is still checked and reported.
    expect(report.articles.map((file) => file.file)).toContain('content/good.md')
    expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
  })

  it('reports every problem of every file in one run', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/one.md': article('date: 2025-11-04'),
      'content/two.md': article('title: T\ndate: 2025-13-01'),
      'content/three.md': article('title: T\ndate: 2025-11-04\nsection: Bad Section')
    })
    const { exit, report } = await runJson(['check', '--root', root])
    expect(exit).toBe(2)
    expect(problemLines(report)).toEqual([
      'content/one.md:2:1 error frontmatter',
      'content/three.md:4:10 error frontmatter',
      'content/two.md:3:7 error frontmatter'
    ])
  })

  it('refuses bad site settings with a positioned problem in data/site.yaml', async () => {
    const root = await tempSite({
      'data/site.yaml': `${siteYaml}page_size: lots\n`,
      'content/good.md': good
    })
    const { exit, report } = await runJson(['check', '--root', root])
    expect(exit).toBe(2)
    expect(problemLines(report)).toContain('data/site.yaml:4:12 error settings')
  })
})
