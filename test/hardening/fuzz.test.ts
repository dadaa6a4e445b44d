import { loadText } from '../helpers/load-text.js'
/**
 * Fuzzing (issue 6): the frontmatter loader, settings parsing, figure detection, the expression
 * parser and evaluator and the whole build never throw and stay bounded on arbitrary input,
 * including long runs of digits, separators and approximator words (the shape that makes a
 * careless matcher super-linear). Time is bounded by each test's timeout and, for detection, by
 * the scanner's own step counter, which must grow linearly with the text. A few thousand cases
 * run by default; set FACTDESK_FUZZ_RUNS to run that many per property instead.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import { parseExpression } from '../../src/checks/expression/parse-expression.js'
import { detectFigures } from '../../src/figures/detect.js'
import { extractProse } from '../../src/figures/prose.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import { defaultSettings, parseSettings } from '../../src/settings/load-settings.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { anyText, articleSource, expressionText, frontmatter } from './fuzz-inputs.js'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import type { EvaluationScope } from '../../src/checks/expression/evaluate-expression.js'
import type { ScanStats } from '../../src/figures/tokenize.js'
import type { Problem } from '../../src/types.js'

const override = Number(process.env.FACTDESK_FUZZ_RUNS ?? '')
/** Runs of one property: its default, or FACTDESK_FUZZ_RUNS when set. */
const runs = (fallback: number): { numRuns: number } => ({
  numRuns: override > 0 ? override : fallback
})

/**
 * Detection work allowed: a fixed start-up cost, then a bounded number of steps per character
 * (the scanner reads each character and looks a few tokens around each number).
 */
const maxStepsPerCharacter = 40
const startupSteps = 100

const settings = defaultSettings()

/** Whole builds are slower than the other properties: fewer of them, and time to match. */
const buildRuns = runs(60)

/** Every problem is placed inside the text it is about (1-based, at most one line past the end). */
function expectPlaced(problems: readonly Problem[], source: string): void {
  const lines = source.split(/\r\n|\r|\n/).length
  for (const problem of problems) {
    expect(problem.line, problem.message).toBeGreaterThanOrEqual(1)
    expect(problem.line, problem.message).toBeLessThanOrEqual(lines + 1)
    expect(problem.column, problem.message).toBeGreaterThanOrEqual(1)
    expect(problem.message.length).toBeGreaterThan(0)
  }
}

describe('the frontmatter loader on arbitrary files', () => {
  it('never throws, and either loads the article or says where it is wrong', () => {
    fc.assert(
      fc.property(articleSource, (source) => {
        const load = loadText('content/fuzz.md', source, settings)
        expectPlaced(load.problems, source)
        const errors = load.problems.filter((problem) => problem.severity === 'error')
        expect(load.article === undefined ? errors.length > 0 : errors.length === 0).toBe(true)
      }),
      runs(1500)
    )
  })
})

describe('site settings on arbitrary files', () => {
  it('never throws, and falls back to every default whenever it reports an error', () => {
    const settingsText = fc.oneof(
      frontmatter,
      fc.string({ unit: 'binary', maxLength: 200 }),
      frontmatter.map((yaml) => `${siteYaml}${yaml}`)
    )
    fc.assert(
      fc.property(settingsText, (text) => {
        const loaded = parseSettings(text)
        expectPlaced(loaded.problems, text)
        for (const problem of loaded.problems) expect(problem.file).toBe('data/site.yaml')
        if (loaded.problems.some((problem) => problem.severity === 'error'))
          expect(loaded.settings).toEqual(defaultSettings())
      }),
      runs(800)
    )
  })
})

describe('figure detection on arbitrary Markdown', () => {
  it('never throws, stays linear, and places every figure inside the source', () => {
    fc.assert(
      fc.property(anyText, (markdown) => {
        const prose = extractProse(parseMarkdown(markdown), markdown)
        const stats: ScanStats = { steps: 0 }
        const figures = detectFigures(prose, markdown, { notFigures: ['G7', 'S&P 500'], stats })
        expect(stats.steps).toBeLessThanOrEqual(
          startupSteps + maxStepsPerCharacter * prose.text.length
        )
        for (const figure of figures) {
          expect(figure.sourceStart).toBeGreaterThanOrEqual(0)
          expect(figure.sourceEnd).toBeLessThanOrEqual(markdown.length)
          expect(figure.text.length).toBeGreaterThan(0)
        }
      }),
      runs(800)
    )
  })
})

describe('check expressions on arbitrary text', () => {
  let scope: EvaluationScope
  beforeAll(async () => {
    const root = await tempSite({
      'data/markets/btc.csv':
        'date,close,low\n2025-11-03,100,95\n2025-11-04,107.5,99\n2025-11-05,NaN,1\n',
      'data/world/gdp.json': '{"gdp": {"usd": 1e12}, "rows": [1, 2]}'
    })
    const aliases = { btc: 'markets/btc.csv', gdp: 'world/gdp.json' }
    scope = { aliases, store: (await loadDataStore(root, Object.values(aliases))).store }
  })

  it('parses or reports a column inside the expression, never throwing', () => {
    fc.assert(
      fc.property(expressionText, (source) => {
        const parsed = parseExpression(source)
        if (!parsed.ok) {
          expect(parsed.column).toBeGreaterThanOrEqual(1)
          expect(parsed.column).toBeLessThanOrEqual(source.length + 1)
        }
      }),
      runs(1500)
    )
  })

  it('evaluates to a finite number or a yes/no, or fails with a message, never throwing', () => {
    fc.assert(
      fc.property(expressionText, (source) => {
        const result = evaluateExpression(source, scope)
        if (result.ok) {
          expect(typeof result.value === 'boolean' || Number.isFinite(result.value)).toBe(true)
        } else {
          expect(result.message.length).toBeGreaterThan(0)
        }
      }),
      runs(1500)
    )
  })
})

describe('the whole build on a site with one fuzzed article', () => {
  let root: string
  beforeAll(async () => {
    root = await tempSite({
      'data/site.yaml': siteYaml,
      'data/markets/btc.csv': 'date,close\n2025-11-03,100\n2025-11-04,107.5\n',
      'content/good.md': '---\ntitle: Good\ndate: 2025-11-04\n---\nA good story with 12 boats.\n'
    })
  })

  const checked = fc
    .tuple(anyText, fc.constantFrom('7.5%', '$107.5', '12', 'over', ''))
    .map(
      ([body, figure]) =>
        `---\ntitle: Fuzzed\ndate: 2025-11-04T10:00:00+08:00\ndata:\n  btc: markets/btc.csv\nchecks:\n  - figure: "${figure}"\n    expr: pct_change(btc.close, "2025-11-03", "2025-11-04")\n---\n${body}\n`
    )

  it(
    'never throws and always reports the fuzzed article and the good one',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(checked, articleSource), async (source) => {
          await writeFile(join(root, 'content/fuzz.md'), source)
          const result = await build({
            root,
            out: join(root, 'dist'),
            strict: false,
            drafts: true,
            now: DateTime.utc(2030),
            write: false
          })
          expect([0, 1, 2]).toContain(result.exit)
          const files = result.report.articles.map((entry) => entry.file)
          expect(files).toContain('content/fuzz.md')
          expect(files).toContain('content/good.md')
        }),
        buildRuns
      )
    },
    Math.max(120_000, buildRuns.numRuns * 250)
  )
})
