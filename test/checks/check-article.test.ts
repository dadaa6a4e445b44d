import { articleFile, problemsOf } from '../../src/article/article-file.js'
import { describe, expect, it } from 'vitest'
import { checkArticle, type CheckArticleInput } from '../../src/checks/check-article.js'
import type { Evaluation } from '../../src/checks/expression/evaluate-expression.js'
import type { AssertSpec, CheckSpec, FactcheckMode, Problem } from '../../src/types.js'
import { figureIn, makeProse } from './make-figure.js'

const body =
  'Bitcoin plummeted over 7% to below the $99,000 mark, its lowest level since June. ' +
  'Some 470,000 investors were liquidated.'
const prose = makeProse(body)
const over7 = {
  ...figureIn(body, 'over 7%', { value: 7, unit: '%', approx: 'over', direction: 'down' }),
  line: 12,
  column: 19
}
const below = {
  ...figureIn(body, 'below the $99,000', { value: 99000, unit: 'USD', approx: 'under' }),
  line: 12,
  column: 30
}
const investors = {
  ...figureIn(body, 'Some 470,000 investors', {
    value: 470000,
    unit: 'investors',
    approx: 'about'
  }),
  line: 13,
  column: 1
}
const btc = 'data/markets/btc-usd.csv'

const results: Record<string, Evaluation> = {
  pct: { ok: true, value: -7.41, explanation: 'btc close fell 7.41%', dataFiles: [btc] },
  low: { ok: true, value: 99100, explanation: 'btc low on 4 Nov 2025', dataFiles: [btc] },
  high: { ok: true, value: 98000, explanation: 'btc high on 4 Nov 2025', dataFiles: [btc] },
  lowest: {
    ok: true,
    value: true,
    explanation: 'btc low is the lowest since 1 Jul',
    dataFiles: [btc]
  },
  highest: { ok: true, value: false, explanation: 'btc low is not the highest', dataFiles: [btc] },
  plunge: { ok: true, value: -11, explanation: 'btc close fell 11%', dataFiles: [btc] },
  near: { ok: true, value: 510000, explanation: 'count of investors', dataFiles: [] },
  broken: { ok: false, rule: 'expression-syntax', message: 'unexpected ")"', column: 7 },
  missing: {
    ok: false,
    rule: 'check-error',
    message: 'unknown dataset "bct" (did you mean "btc"?)'
  }
}

function evaluate(source: string): Evaluation {
  const result = results[source]
  if (result === undefined) throw new TypeError(`no evaluation for \`${source}\` in the test`)
  return result
}

function check(
  figure: string,
  expr: string,
  line: number,
  extra: Partial<CheckSpec> = {}
): CheckSpec {
  return { figure, expr, line, column: 5, ...extra }
}

function run(
  checks: CheckSpec[],
  options: { mode?: FactcheckMode; asserts?: AssertSpec[]; markdown?: string } = {}
): ReturnType<typeof checkArticle> & { problems: Problem[] } {
  const file = articleFile('content/story.md', options.markdown ?? body)
  const input: CheckArticleInput = {
    file,
    markdown: options.markdown ?? body,
    frontmatter: { checks, asserts: options.asserts ?? [] },
    prose,
    bodyProse: prose,
    figures: [investors, below, over7],
    mode: options.mode ?? 'standard',
    tolerance: { about: 0.05, nearly: 0.1, slightly: 0.05, understated: 1.5 },
    evaluate
  }
  // The problems are messages on the file, as the report lists them.
  return { ...checkArticle(input), problems: problemsOf(file) }
}

function positions(problems: Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`)
}

const standardChecks = [
  check('over 7%', 'pct', 8, { note: '24-hour change' }),
  check('below the $99,000 mark', 'low', 10)
]

describe('checkArticle', () => {
  it('gives every figure a result in document order', () => {
    const { figures } = run(standardChecks)
    expect(figures.map((f) => [f.text, f.status, f.actual, f.expr, f.message])).toEqual([
      ['over 7%', 'verified', -7.41, 'pct', 'stated over 7%, data -7.41%'],
      [
        'below the $99,000',
        'contradicted',
        99100,
        'low',
        'stated below the $99,000, data $99,100 (not under $99,000)'
      ],
      ['Some 470,000 investors', 'unchecked', null, null, 'no check covers this figure']
    ])
    expect(figures[0]).toMatchObject({
      line: 12,
      column: 19,
      value: 7,
      unit: '%',
      approx: 'over',
      direction: 'down'
    })
  })

  it.each([
    ['standard', ['12:30 error figure-contradicted', '13:1 warning figure-unchecked']],
    ['strict', ['12:30 error figure-contradicted', '13:1 error figure-unchecked']],
    ['off', ['12:30 warning figure-contradicted']]
  ] as const)('in %s mode raises %j at the figures', (mode, expected) => {
    expect(positions(run(standardChecks, { mode }).problems)).toEqual(expected)
  })

  it('warns about an understated figure at the figure', () => {
    const { figures, problems } = run([check('over 7%', 'plunge', 8)])
    expect(figures[0]?.status).toBe('verified')
    expect(problems[0]).toEqual({
      severity: 'warning',
      line: 12,
      column: 19,
      rule: 'figure-understated',
      message: 'stated over 7%, data -11% (understated: the data is 1.6 times the stated figure)'
    })
  })

  it("applies a check's direction and tolerance instead of what the prose and site say", () => {
    const rose = run([check('over 7%', 'pct', 8, { direction: 'up' })]).figures[0]
    expect(rose).toMatchObject({
      status: 'contradicted',
      message: 'stated rose over 7%, data -7.41% (data fell)'
    })
    const loose = run([check('Some 470,000 investors', 'near', 8, { tolerance: 0.1 })]).figures[2]
    expect(loose?.status).toBe('verified')
    const tight = run([check('Some 470,000 investors', 'near', 8)]).figures[2]
    expect(tight?.status).toBe('contradicted')
  })

  it('lists each check in the panel with what was computed and from which file', () => {
    const { panel } = run(standardChecks)
    expect(panel).toEqual([
      {
        figure: 'over 7%',
        status: 'verified',
        explanation: 'btc close fell 7.41%',
        actual: -7.41,
        expr: 'pct',
        note: '24-hour change',
        dataFiles: [btc],
        message: 'stated over 7%, data -7.41%'
      },
      {
        figure: 'below the $99,000',
        status: 'contradicted',
        explanation: 'btc low on 4 Nov 2025',
        actual: 99100,
        expr: 'low',
        dataFiles: [btc],
        message: 'stated below the $99,000, data $99,100 (not under $99,000)'
      }
    ])
  })

  it('marks each figure in the source with its status and a hover text', () => {
    const { marks } = run(standardChecks)
    expect(marks).toEqual([
      {
        sourceStart: over7.sourceStart,
        sourceEnd: over7.sourceEnd,
        in: 'body',
        start: over7.start,
        end: over7.end,
        status: 'verified',
        title: 'Matches our data. btc close fell 7.41%. Source: btc-usd.'
      },
      {
        sourceStart: below.sourceStart,
        sourceEnd: below.sourceEnd,
        in: 'body',
        start: below.start,
        end: below.end,
        status: 'contradicted',
        title: 'Contradicted by our data. btc low on 4 Nov 2025. Source: btc-usd.'
      },
      {
        sourceStart: investors.sourceStart,
        sourceEnd: investors.sourceEnd,
        in: 'body',
        start: investors.start,
        end: investors.end,
        status: 'unchecked',
        title: 'Not checked against data'
      }
    ])
  })

  it('fails a figure check whose expression gives a boolean', () => {
    const { figures, problems, marks } = run([check('over 7%', 'lowest', 8)])
    expect(figures[0]).toMatchObject({ status: 'error', actual: null, expr: 'lowest' })
    expect(problems).toContainEqual({
      severity: 'error',
      line: 8,
      column: 5,
      rule: 'check-error',
      message: 'expression gives true, a figure check needs a number'
    })
    expect(marks[0]?.status).toBe('error')
  })

  it('positions an expression error at the check and fails its figure', () => {
    const { figures, problems } = run([
      check('over 7%', 'broken', 8),
      check('below the $99,000', 'missing', 10)
    ])
    expect(figures.map((f) => f.status)).toEqual(['error', 'error', 'unchecked'])
    expect(problems.slice(0, 2)).toEqual([
      {
        severity: 'error',
        line: 8,
        column: 5,
        rule: 'expression-syntax',
        message: 'unexpected ")" (column 7 of the expression)'
      },
      {
        severity: 'error',
        line: 10,
        column: 5,
        rule: 'check-error',
        message: 'unknown dataset "bct" (did you mean "btc"?)'
      }
    ])
  })

  it('reports a check that does not bind at its entry, and leaves the figures unchecked', () => {
    const { figures, problems, panel } = run([check('over 8%', 'pct', 8)])
    expect(figures.map((f) => f.status)).toEqual(['unchecked', 'unchecked', 'unchecked'])
    expect(problems[0]).toEqual({
      severity: 'error',
      line: 8,
      column: 5,
      rule: 'check-not-found',
      message:
        'check text "over 8%" not found in the headline, summary or body (did you mean "over 7%"?)'
    })
    expect(panel[0]).toMatchObject({ figure: 'over 8%', status: 'error', actual: -7.41 })
  })

  it('reports both a binding and an expression failure of one check', () => {
    const { problems } = run([check('Bitcoin', 'broken', 8)])
    expect(positions(problems).slice(0, 2)).toEqual([
      '8:5 error check-no-figure',
      '8:5 error expression-syntax'
    ])
  })

  it('explains check text that only occurs with its Markdown markup', () => {
    const markdown = 'Bitcoin plummeted **over 7%** to below the $99,000 mark.'
    const { problems } = run([check('**over 7%**', 'pct', 8)], { markdown })
    expect(problems[0]?.message).toBe(
      'check text "**over 7%**" not found in the headline, summary or body (did you mean "over 7%"?); it is in the Markdown source but not in the text readers see: write it without markup'
    )
  })

  it('keeps the first of two checks on one figure and rejects the second at its line', () => {
    const { figures, problems, panel } = run([
      check('over 7%', 'pct', 8),
      check('plummeted over', 'plunge', 9)
    ])
    expect(figures[0]).toMatchObject({ status: 'verified', actual: -7.41, expr: 'pct' })
    expect(problems[0]).toEqual({
      severity: 'error',
      line: 9,
      column: 5,
      rule: 'check-ambiguous',
      message:
        'check text "plummeted over" binds the figure "over 7%", which the check at line 8 already checks; keep one of them'
    })
    expect(panel.map((entry) => entry.status)).toEqual(['verified', 'error'])
  })

  it('turns every fact-check problem into a warning in off mode', () => {
    const { problems } = run([check('over 7%', 'broken', 8), check('Bitcoin', 'low', 9)], {
      mode: 'off',
      asserts: [{ expr: 'highest', says: 'highest level', line: 11, column: 5 }]
    })
    expect(positions(problems)).toEqual([
      '8:5 warning expression-syntax',
      '9:5 warning check-no-figure',
      '11:5 warning assert-says-not-found',
      '11:5 warning assert-contradicted'
    ])
  })
})

describe('checkArticle asserts', () => {
  it.each([
    ['lowest', 'lowest level since June', 'verified', '', []],
    [
      'highest',
      'lowest level since June',
      'contradicted',
      'the data does not support "lowest level since June": highest is false',
      ['11:5 error assert-contradicted']
    ],
    [
      'lowest',
      'lowest level since May',
      'error',
      'the words "lowest level since May" of an assert are not in the body',
      ['11:5 error assert-says-not-found']
    ],
    [
      'pct',
      'lowest level since June',
      'error',
      'expression gives -7.41, an assert needs true or false',
      ['11:5 error check-error']
    ],
    [
      'broken',
      'lowest level since June',
      'error',
      'unexpected ")"',
      ['11:5 error expression-syntax']
    ]
  ] as const)('judges %s saying "%s" %s', (expr, says, status, message, expected) => {
    const { asserts, problems } = run([], { asserts: [{ expr, says, line: 11, column: 5 }] })
    expect(asserts).toEqual([{ expr, says, status, message }])
    expect(positions(problems.filter((p) => p.line === 11))).toEqual(expected)
  })
})
