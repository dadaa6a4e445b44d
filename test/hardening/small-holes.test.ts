/**
 * Smaller holes (issue 15, item 7): control characters from content never reach a terminal raw,
 * the RSS channel text reads back as written, and a template that fails while rendering is
 * reported at the partial and line it failed on. (The dev server's Host check is tested with the
 * dev server, in test/dev/dev-server.test.ts.)
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import type { Problem, Report } from '../../src/types.js'
import { DateTime } from 'luxon'

/** Terminal control characters: C0 but tab and line feed, DEL and C1. */
// eslint-disable-next-line no-control-regex
const rawControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

const date = 'date: 2025-11-04T20:15:00+08:00'

/**
 * A site whose messages quote control sequences from content: an unknown frontmatter key and a
 * check figure that is not in the body (YAML's `\e` is ESC, `\x9b` the one-byte CSI), in a title
 * that carries them too, and a file name holding ESC, which makes a slug problem.
 */
async function siteWithControls(): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    'content/2025/11/04/story.md': article(
      [
        'title: "Clear \\e[2J screen \\e]0;owned\\a \\x9b31m"',
        date,
        '"tag\\e[2Js\\x9b": [a]',
        'checks:',
        '  - figure: "42\\e[2J\\x7f%"',
        '    expr: 1 + 1'
      ].join('\n'),
      'A quiet day.\n'
    ),
    'content/2025/11/04/e\u001b[2Jvil.md': article(`title: x\n${date}`)
  })
}

describe('control characters from content', () => {
  it.each([
    ['check', 'text'],
    ['check', 'github'],
    ['build', 'text'],
    ['build', 'github']
  ])('`%s --format %s` prints them escaped, never raw', async (command, format) => {
    const root = await siteWithControls()
    const { report } = await runJson(['check', '--root', root])
    const messages = problemsOf(report).map((problem) => problem.message)
    // The report itself keeps the text as written: the content does hold those characters.
    expect(messages.filter((message) => message.includes('\u001b'))).toHaveLength(3)

    const run = await runCli([command, '--root', root, '--format', format])
    expect(run.exit).toBe(2)
    expect(rawControls.exec(run.stdout)).toBeNull()
    expect(rawControls.exec(run.stderr)).toBeNull()
    const shown = format === 'github' ? githubMessages(run.stdout) : textMessages(run.stdout)
    expect(shown).toEqual(expect.arrayContaining(messages.map(escapedAsShown)))
    expect(shown.join('\n')).toContain('check text "42\\x1b[2J\\x7f%" not found')
  })

  it('names files that hold them escaped, in both formats', async () => {
    const root = await siteWithControls()
    const text = await runCli(['check', '--root', root])
    expect(text.stdout.split('\n')).toContain('content/2025/11/04/e\\x1b[2Jvil.md')
    const github = await runCli(['check', '--root', root, '--format', 'github'])
    const files = github.stdout
      .split('\n')
      .flatMap((line) => /^::\w+ file=([^,]*),/.exec(line)?.[1] ?? [])
    expect(files).toContain('content/2025/11/04/e\\x1b[2Jvil.md')
  })

  it('the dev server logs them escaped too', async () => {
    const root = await siteWithControls()
    const lines: string[] = []
    const server = await startDevServer({
      root,
      port: 0,
      strict: false,
      drafts: false,
      now: DateTime.fromISO('2025-11-05T00:00:00Z'),
      log: (line) => lines.push(line),
      stopOnSigint: false
    })
    await server.close()
    expect(lines.filter((line) => line.includes('\\x1b[2J')).length).toBeGreaterThan(0)
    expect(lines.filter((line) => rawControls.test(line))).toEqual([])
  })
})

describe('the RSS channel description', () => {
  it.each([
    'A <script>alert(1)</script> desk',
    'Ends a CDATA section ]]> early',
    'Fish & Chips, Fish &amp; Chips, &lt;b&gt; and &#38;',
    '<![CDATA[ <b>bold</b> ]]> & "quoted" \'single\''
  ])('reads back as written from feed.xml and atom.xml: %j', async (description) => {
    const root = await tempSite({
      'data/site.yaml': `${siteYaml}description: ${JSON.stringify(description)}\n`,
      'content/2025/11/04/story.md': article(`title: Story\n${date}`)
    })
    const out = join(root, 'dist')
    expect((await runCli(['build', '--root', root, '--out', out])).exit).toBe(0)
    const rss = await readFile(join(out, 'feed.xml'), 'utf8')
    const atom = await readFile(join(out, 'atom.xml'), 'utf8')
    expect(XMLValidator.validate(rss)).toBe(true)
    expect(XMLValidator.validate(atom)).toBe(true)
    const parser = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: false
    })
    const channel = (parser.parse(rss) as { rss: { channel: { description: string } } }).rss.channel
    const feed = (parser.parse(atom) as { feed: { subtitle: string } }).feed
    expect(channel.description).toBe(description)
    expect(feed.subtitle).toBe(description)
    const json = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')) as {
      description: string
    }
    expect(json.description).toBe(description)
  })
})

describe('a template that fails while rendering', () => {
  /** A site whose footer calls partial `x`, which fails on its line 4 with `failing`. */
  async function siteFailingIn(failing: string): Promise<Report> {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/2025/11/04/story.md': article(`title: Story\n${date}`),
      'templates/partials/site-footer.hbs': '<footer>\n  {{> x}}\n</footer>\n',
      'templates/partials/x.hbs': `<p>\n  {{site.title}}\n</p>\n<p>${failing}</p>\n`
    })
    return (await runJson(['build', '--root', root, '--out', join(root, 'dist')])).report
  }

  it.each([
    ['a missing helper', '{{shout site.title}}', 4, 'there is no helper "shout"'],
    ['#each without a list to go over', '{{#each}}x{{/each}}', 4, 'Must pass iterator to #each'],
    [
      '#if with two conditions',
      '{{#if site.title site.url}}x{{/if}}',
      4,
      '#if requires exactly one'
    ]
  ])('points at the partial and line of %s', async (_case, failing, column, says) => {
    const report = await siteFailingIn(failing)
    const problems = problemsOf(report).filter((problem) => problem.rule === 'template-error')
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) {
      expect([problem.file, problem.line, problem.column]).toEqual([
        'templates/partials/x.hbs',
        4,
        column
      ])
      expect(problem.message).toContain(says)
    }
    expect(report.summary.exit).toBe(2)
  })

  it('points at the partial that asks for a partial there is none of', async () => {
    // Handlebars names the missing partial but not the line that asked for it; the template's
    // source, which would give the line, is not kept once it is compiled.
    const report = await siteFailingIn('{{> nowhere}}')
    const problems = problemsOf(report).filter((problem) => problem.rule === 'template-error')
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) {
      expect(problem.file).toBe('templates/partials/x.hbs')
      expect(problem.message).toContain('there is no partial "nowhere"')
    }
  })

  it('points at the partial of a partial that includes itself', async () => {
    const report = await siteFailingIn('{{> x}}')
    const problems = problemsOf(report).filter((problem) => problem.rule === 'template-error')
    expect(problems.length).toBeGreaterThan(0)
    expect(new Set(problems.map((problem) => problem.file))).toEqual(
      new Set(['templates/partials/x.hbs'])
    )
  })
})

function problemsOf(report: Report): (Problem & { file: string })[] {
  return report.articles.flatMap((entry) =>
    entry.problems.map((problem) => ({ ...problem, file: problem.file ?? entry.file }))
  )
}

/** How a message with control characters is meant to be shown: each as `\xNN`. */
function escapedAsShown(message: string): string {
  return message.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
}

/** The messages of `::error`/`::warning` workflow commands, with the runner's escapes undone. */
function githubMessages(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const data = /^::(?:error|warning|notice) [^:]*(?:%3A[^:]*)*::(.*)$/.exec(line)?.[1]
    if (data === undefined) return []
    return [data.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%')]
  })
}

/** The message column of text-format problem lines (`file:line:column  severity  message  rule`). */
function textMessages(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const cells = /^\S+:\d+:\d+ {2,}(?:error|warning) {2,}(.*?) {2,}\S+$/.exec(line)
    return cells?.[1] === undefined ? [] : [cells[1]]
  })
}
