/**
 * The rule catalogue (SPEC 7, issue 16): every rule a build can emit is in it (the type of
 * `Problem.rule` is the catalogue's id, so an id outside it does not compile), every id in it is
 * emitted by a real build in a test, the exit status follows each rule's kind, and the README's
 * rule table and `factdesk rules` are the catalogue's own words.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { listRules } from '../../src/commands/list-rules.js'
import { ruleIds, rules } from '../../src/rules.js'
import type { RuleId } from '../../src/rules.js'
import { exitStatus } from '../../src/report/exit-status.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { start } from '../dev/running-server.js'

const corpus = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url))
const readme = fileURLToPath(new URL('../../README.md', import.meta.url))

const prices = 'date,close\n2025-11-03,100\n2025-11-04,107.3\n'

/** A site whose one article binds `checks` and `asserts` to a price series rising 7.3%. */
async function checkedSite(body: string, checks: string, asserts = ''): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    'data/prices.csv': prices,
    'content/story.md': article(
      `title: Prices\ndate: 2025-11-04T18:00:00+08:00\ndata:\n  p: prices.csv\n${checks}\n${asserts}`,
      `${body}\n`
    )
  })
}

const pct = 'pct_change(p.close, "2025-11-03", "2025-11-04")'

/** Builds that emit the rules the bad-input corpus does not: each returns the rules reported. */
const emitters: Partial<Record<RuleId, () => Promise<string[]>>> = {
  'figure-contradicted': async () =>
    rulesOf(
      await checkedSite(
        'Prices fell 7% on the day.',
        `checks:\n  - figure: "fell 7%"\n    expr: ${JSON.stringify(pct)}`
      )
    ),
  'figure-understated': async () =>
    rulesOf(
      await checkedSite(
        'Prices rose over 2% on the day.',
        `checks:\n  - figure: "over 2%"\n    expr: ${JSON.stringify(pct)}`
      )
    ),
  'check-ambiguous': async () =>
    rulesOf(
      await checkedSite(
        'Up 7% here, and up 7% there.',
        `checks:\n  - figure: "7%"\n    expr: ${JSON.stringify(pct)}`
      )
    ),
  'check-no-figure': async () =>
    rulesOf(
      await checkedSite(
        'A quiet day in the markets.',
        `checks:\n  - figure: "quiet day"\n    expr: ${JSON.stringify(pct)}`
      )
    ),
  'assert-contradicted': async () =>
    rulesOf(
      await checkedSite(
        'Prices fell to their lowest level of the week.',
        '',
        'asserts:\n  - expr: p.close["2025-11-04"] < p.close["2025-11-03"]\n    says: "lowest level of the week"'
      )
    ),
  'assert-says-not-found': async () =>
    rulesOf(
      await checkedSite(
        'Prices rose.',
        '',
        'asserts:\n  - expr: p.close["2025-11-04"] > p.close["2025-11-03"]\n    says: "highest level in a year"'
      )
    ),
  'template-error': async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'templates/partials/footer.hbs': '{{#if}}broken',
      'content/story.md': article('title: A\ndate: 2025-11-04T18:00:00+08:00')
    })
    return rulesOf(root)
  },
  'output-unwritable': async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/story.md': article('title: A\ndate: 2025-11-04T18:00:00+08:00')
    })
    const out = join(root, 'published')
    await mkdir(out)
    await writeFile(join(out, 'index.html'), 'a home page of the user’s')
    const { report } = await runJson(['build', '--root', root, '--out', out, '--force'])
    return report.articles.flatMap((entry) => entry.problems.map((problem) => problem.rule))
  },
  'build-crash': async () => {
    const running = await start({ files: {}, crash: 'a template folder vanished' })
    const page = await (await fetch(`${running.origin}/`)).text()
    return page.includes('build-crash') ? ['build-crash'] : []
  }
}

async function rulesOf(root: string): Promise<string[]> {
  const { report } = await runJson(['check', '--root', root])
  return report.articles.flatMap((entry) => entry.problems.map((problem) => problem.rule))
}

/** The rules the bad-input corpus expects (bad-input.test.ts proves each is reported). */
async function corpusRules(): Promise<Set<string>> {
  const found = new Set<string>()
  for (const name of await readdir(corpus)) {
    const expected: unknown = JSON.parse(
      await readFile(join(corpus, name, 'expected.json'), 'utf8')
    )
    const problems = (expected as { problems?: Array<{ rule: string }> }).problems ?? []
    for (const problem of problems) found.add(problem.rule)
  }
  return found
}

describe('the rule catalogue', () => {
  it('holds every rule the bad-input corpus expects', async () => {
    for (const rule of await corpusRules()) expect(ruleIds).toContain(rule)
  })

  it.each(ruleIds)('has a test that emits %s', async (id) => {
    const corpusHasIt = (await corpusRules()).has(id)
    const emit = emitters[id]
    expect(corpusHasIt || emit !== undefined, `no test emits ${id}`).toBe(true)
    if (emit === undefined) return
    const emitted = await emit()
    expect(emitted).toContain(id)
    // Whatever else those builds report is in the catalogue too.
    for (const rule of emitted) expect(ruleIds).toContain(rule)
  })

  it('has an emitter only for rules it holds', () => {
    for (const id of Object.keys(emitters)) expect(ruleIds).toContain(id)
  })

  it.each(ruleIds)('gives %s the exit status of its kind', (id) => {
    const status = exitStatus([{ severity: 'error', line: 1, column: 1, rule: id, message: '' }])
    expect(status).toBe(rules[id].kind === 'input' ? 2 : 1)
  })

  it('is what factdesk rules prints, as text and as JSON', async () => {
    const text = await runCli(['rules'])
    expect(text.exit).toBe(0)
    for (const id of ruleIds) expect(text.stdout).toContain(id)
    const json = await runCli(['rules', '--format', 'json'])
    expect(JSON.parse(json.stdout)).toEqual(ruleIds.map((id) => ({ id, ...rules[id] })))
  })

  it("is the README's rule table, word for word", async () => {
    const text = await readFile(readme, 'utf8')
    const table = /<!-- rules -->\n([\s\S]*?)<!-- \/rules -->/.exec(text)?.[1]
    expect(table, 'README.md has no <!-- rules --> table').toBeDefined()
    expect(table).toBe(listRules('markdown'))
  })
})
