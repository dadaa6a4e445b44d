/**
 * Rule coverage (issue 16, item 2): every rule id the source can emit is in the catalogue of
 * `src/rules.ts`, and every id in the catalogue has a case here that makes the real build (or, for
 * `build-crash`, the real dev server) report it. The table of cases is keyed by the catalogue, so
 * a rule added without a case fails this file, and so does a case whose rule no longer fires.
 */
import { cp, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { ruleIds } from '../../src/rules.js'
import type { RuleId } from '../../src/rules.js'
import type { Report } from '../../src/types.js'
import { start } from '../dev/running-server.js'
import { runJson } from '../helpers/run-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { namedRules } from './named-rules.js'
import type { NamedRule } from './named-rules.js'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const corpus = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url))
const scratch = tempFolders('rule-coverage')

// (a) Every rule id the source names is in the catalogue.

/**
 * A file the scan reads beside `src/` without it being written: one made-up id in each way the
 * source can name a rule, so that a scan blind to one of those ways fails here.
 */
const probePath = 'src/rule-coverage-probe.ts'
const probe = `
import type { RuleId } from './rules.js'
import type { Problem } from './types.js'
declare const either: boolean
export const typed: Problem = { severity: 'error', line: 1, column: 1, rule: 'probe-typed-problem', message: '' }
export const untyped = { severity: 'error', rule: 'probe-untyped-object' }
export const vfileOptions = { ruleId: 'probe-rule-id' }
export const choice = { rule: either ? 'probe-when-true' : 'probe-when-false' }
export const fallback = { rule: undefined ?? 'probe-fallback' }
const rule = 'probe-constant'
const linkRule = 'probe-named-constant'
export const asserted = 'probe-asserted' as RuleId
export function fail(id: RuleId): RuleId { return id }
fail('probe-argument')
export class Failure { constructor(readonly kind: RuleId) {} }
new Failure('probe-constructor-argument')
export type ProbeRule = 'probe-type-alias' | 'probe-type-alias-too'
export interface Bound { ok: false; rule: 'probe-property-type' }
export const inputRules = ['probe-list']
export const nonRule = { severity: 'warning', message: 'not-a-rule' }
export { rule, linkRule }
`
const probeIds = [
  'probe-typed-problem',
  'probe-untyped-object',
  'probe-rule-id',
  'probe-when-true',
  'probe-when-false',
  'probe-fallback',
  'probe-constant',
  'probe-named-constant',
  'probe-asserted',
  'probe-argument',
  'probe-constructor-argument',
  'probe-type-alias',
  'probe-type-alias-too',
  'probe-property-type',
  'probe-list'
]

describe('the rule ids the source names', () => {
  let named: NamedRule[]
  let probed: NamedRule[]

  beforeAll(() => {
    // One compiler run for both: type-checking src/ takes seconds.
    const found = namedRules({
      projectRoot,
      folder: 'src',
      skip: ['src/rules.ts'],
      catalogue: ruleIds,
      virtual: { [probePath]: probe }
    })
    named = found.filter((rule) => !rule.at.startsWith(`${probePath}:`))
    probed = found.filter((rule) => rule.at.startsWith(`${probePath}:`))
  }, 120_000)

  it('are all in the catalogue', () => {
    const strays = named.filter((rule) => !(ruleIds as readonly string[]).includes(rule.id))
    expect(strays, 'rule ids outside src/rules.ts').toEqual([])
  })

  it('include every id of the catalogue, so none is dead', () => {
    const ids = new Set(named.map((rule) => rule.id))
    expect(ruleIds.filter((id) => !ids.has(id))).toEqual([])
  })

  it('are found however the source names a rule', () => {
    expect(probed.map((rule) => rule.id).sort()).toEqual([...probeIds].sort())
  })
})

// (b) Every id in the catalogue is emitted by a real build in a case below.

/** Runs one case and gives the rules of every problem it reported. */
type Case = () => Promise<string[]>

const prices = 'date,close\n2025-11-03,100\n2025-11-04,107.3\n'
const pct = JSON.stringify('pct_change(p.close, "2025-11-03", "2025-11-04")')
const dated = 'date: 2025-11-04T18:00:00+08:00'

/** The rules `factdesk check` reports for a site of `files` (settings included unless given). */
async function checked(files: Readonly<Record<string, string>>): Promise<string[]> {
  return checkedAt(await tempSite({ 'data/site.yaml': siteYaml, ...files }))
}

async function checkedAt(root: string): Promise<string[]> {
  const { report } = await runJson(['check', '--root', root])
  return rulesOf(report)
}

function rulesOf(report: Report): string[] {
  return report.articles.flatMap((entry) => entry.problems.map((problem) => problem.rule))
}

/** One article reading `prices.csv` (a price rising 7.3%) as `p`, with `frontmatter` added. */
function priced(body: string, frontmatter: string, data = prices): Promise<string[]> {
  return checked({
    'data/prices.csv': data,
    'content/story.md': article(
      `title: Prices\n${dated}\ndata:\n  p: prices.csv\n${frontmatter}`,
      `${body}\n`
    )
  })
}

/** A check of `figure` against `expr`, as frontmatter lines. */
function check(figure: string, expr = pct): string {
  return `checks:\n  - figure: ${JSON.stringify(figure)}\n    expr: ${expr}`
}

/** An assert of `expr` said in `says`, as frontmatter lines. */
function assert(expr: string, says: string): string {
  return `asserts:\n  - expr: ${expr}\n    says: ${JSON.stringify(says)}`
}

/** A case of the bad-input corpus, checked in a copy (a build may write a cache in its site). */
async function fixture(name: string): Promise<string[]> {
  const root = await scratch()
  await cp(join(corpus, name), root, { recursive: true })
  return checkedAt(root)
}

/**
 * The case of each rule: the smallest site that makes the build report it. Keyed by the
 * catalogue, so a rule without a case does not compile, and fails below when run untyped.
 */
const cases = {
  frontmatter: () => checked({ 'content/story.md': article(dated) }),
  settings: () =>
    checked({
      'data/site.yaml': `${siteYaml}page_size: lots\n`,
      'content/story.md': article(`title: A\n${dated}`)
    }),
  // Bytes that are not UTF-8, kept as committed by test/hardening/bad-input.test.ts's checks.
  'article-unreadable': () => fixture('encoding-not-utf8'),
  'article-too-deep': () =>
    checked({ 'content/story.md': article(`title: A\n${dated}`, `${'> '.repeat(101)}Deep.\n`) }),
  'path-unsafe': async () => {
    const outside = await tempSite({ 'secret.md': article(`title: Not ours\n${dated}`) })
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/story.md': article(`title: A\n${dated}`)
    })
    await symlink(join(outside, 'secret.md'), join(root, 'content', 'secret.md'))
    return checkedAt(root)
  },
  'permalink-duplicate': () =>
    checked({
      'content/a/same.md': article(`title: A\n${dated}`),
      'content/b/same.md': article(`title: B\n${dated}`)
    }),
  'public-collision': () =>
    checked({
      'public/index.html': 'a home page of my own',
      'content/story.md': article(`title: A\n${dated}`)
    }),
  'public-unreadable': async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/story.md': article(`title: A\n${dated}`),
      'public/CNAME': 'news.example.org\n'
    })
    await symlink(join(root, 'public', 'gone.png'), join(root, 'public', 'logo.png'))
    return checkedAt(root)
  },
  'embed-dropped': () =>
    checked({
      'content/story.md': article(
        `title: A\n${dated}`,
        '<iframe src="https://tracker.example.com/x"></iframe>\n'
      )
    }),
  'image-missing': () =>
    checked({
      'content/story.md': article(`title: A\n${dated}`, '![A harbour](harbour.jpg)\n')
    }),
  'image-unreadable': () =>
    checked({
      'content/story.md': article(`title: A\n${dated}`, '![A harbour](harbour.jpg)\n'),
      'content/harbour.jpg': 'not a photo at all'
    }),
  'image-alt': () =>
    checked({
      'content/story.md': article(`title: A\n${dated}`, '![](https://images.example.com/x.jpg)\n')
    }),
  'data-unreadable': () =>
    checked({
      'content/story.md': article(
        `title: Prices\n${dated}\ndata:\n  p: missing.csv\n${check('7.3%')}`,
        'Prices rose 7.3%.\n'
      )
    }),
  'data-malformed': () =>
    checked({
      'data/prices.json': '{"date": ',
      'content/story.md': article(
        `title: Prices\n${dated}\ndata:\n  p: prices.json\n${check('7.3%')}`,
        'Prices rose 7.3%.\n'
      )
    }),
  'data-description': () =>
    checked({
      'data/prices.csv': prices,
      'data/prices.about.yaml': 'title: Prices\ncolums:\n  close: { label: closing price }\n',
      'content/story.md': article(
        `title: Prices\n${dated}\ndata:\n  p: prices.csv\n${check('7.3%')}`,
        'Prices rose 7.3%.\n'
      )
    }),
  'data-value': () =>
    priced(
      'Prices closed at 107.3 on the day.',
      check('107.3', 'p.close["2025-11-04"]'),
      'date,close\n2025-11-03,100\n2025-11-04,NaN\n'
    ),
  'template-error': () =>
    checked({
      'templates/partials/footer.hbs': '{{#if}}broken',
      'content/story.md': article(`title: A\n${dated}`)
    }),
  'output-unwritable': async () => {
    // A file of the user's where the home page goes: --force builds around it, never over it.
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/story.md': article(`title: A\n${dated}`),
      'published/index.html': 'a home page of the user’s'
    })
    const out = join(root, 'published')
    const { report } = await runJson(['build', '--root', root, '--out', out, '--force'])
    return rulesOf(report)
  },
  'build-crash': async () => {
    // Only a build that throws reaches the dev server's catch, and the real build reports
    // instead of throwing; so the real dev server runs a build that throws.
    const running = await start({ files: {}, crash: 'a template folder vanished' })
    const page = await (await fetch(`${running.origin}/`)).text()
    return page.includes('  build-crash</code>') ? ['build-crash'] : []
  },
  'expression-syntax': () => priced('Prices rose 7.3%.', check('7.3%', 'pct_change(p.close,')),
  'check-error': () => priced('Prices rose 7.3%.', check('7.3%', 'q.close["2025-11-04"]')),
  'check-not-found': () => priced('Prices rose 7.3%.', check('9%')),
  'check-ambiguous': () => priced('Up 7% here, and up 7% there.', check('7%')),
  'check-no-figure': () => priced('A quiet day in the markets.', check('quiet day')),
  'figure-contradicted': () => priced('Prices fell 7% on the day.', check('fell 7%')),
  'figure-understated': () => priced('Prices rose over 2% on the day.', check('over 2%')),
  'figure-unchecked': () => priced('Prices rose 7.3% on the day.', ''),
  'assert-contradicted': () =>
    priced(
      'Prices fell to their lowest level of the week.',
      assert('p.close["2025-11-04"] < p.close["2025-11-03"]', 'lowest level of the week')
    ),
  'assert-says-not-found': () =>
    priced(
      'Prices rose.',
      assert('p.close["2025-11-04"] > p.close["2025-11-03"]', 'highest level in a year')
    )
} satisfies Record<RuleId, Case>

// Read as plain strings: the catalogue may have grown since this table was written.
const caseOf = new Map<string, Case>(Object.entries(cases))

describe('the cases that emit each rule', () => {
  it('are one per rule of the catalogue, and only those', () => {
    expect(
      ruleIds.filter((id) => !caseOf.has(id)),
      'rules with no case'
    ).toEqual([])
    expect([...caseOf.keys()].filter((id) => !(ruleIds as readonly string[]).includes(id))).toEqual(
      []
    )
  })

  it.each(ruleIds)(
    '%s: the case makes a real build report it',
    async (id) => {
      const emit = caseOf.get(id)
      expect(emit, `no case emits ${id}: add one to the table in this file`).toBeDefined()
      if (emit === undefined) return
      const emitted = await emit()
      expect(emitted).toContain(id)
      // Whatever else the case reports is in the catalogue too.
      expect(emitted.filter((rule) => !(ruleIds as readonly string[]).includes(rule))).toEqual([])
    },
    60_000
  )
})
