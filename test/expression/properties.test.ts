import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import type {
  Evaluation,
  EvaluationScope
} from '../../src/checks/expression/evaluate-expression.js'
import { parseExpression } from '../../src/checks/expression/parse-expression.js'

const numRuns = Number(process.env.FACTDESK_FUZZ_RUNS ?? 300)
const root = fileURLToPath(new URL('../fixtures/data-store/', import.meta.url))
const aliases = {
  btc: 'markets/btc-usd.csv',
  summary: 'markets/summary.yaml',
  gdp: 'world/gdp.csv',
  bad: 'bad/cells.csv'
}
let scope: EvaluationScope

beforeAll(async () => {
  const { store } = await loadDataStore(root, Object.values(aliases))
  scope = { aliases, store }
})

/** Pieces of the language and near misses, so that generated input gets past the tokenizer. */
const tokens = [
  ...[
    'btc',
    'summary',
    'gdp',
    'bad',
    'close',
    'low',
    'supply',
    'max',
    'gdp_tn',
    '__proto__',
    'constructor'
  ],
  ...[
    'value',
    'change',
    'pct_change',
    'min',
    'mean',
    'sum',
    'count',
    'drawdown',
    'share',
    'abs',
    'round'
  ],
  ...['lowest_since', 'highest_since', 'and', 'or', 'not', 'true', 'false'],
  ...[
    '"2025-11-04"',
    '"2025-11-03"',
    '"2025-07-01"',
    '"2025-02-30"',
    '"Germany"',
    '"US"',
    '""',
    '"'
  ],
  ...['0', '1', '-7.41', '2e9', '1e308', '1.', '(', ')', '[', ']', ',', '.', '+', '-', '*', '/'],
  ...['<', '<=', '>', '>=', '==', '!=', '=', '!', "'", '\\']
]
const tokenSoup = fc
  .array(fc.constantFrom(...tokens), { maxLength: 40 })
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')))

function isWellFormed(result: Evaluation): boolean {
  if (result.ok) {
    return (
      (typeof result.value === 'boolean' || Number.isFinite(result.value)) &&
      result.explanation.length > 0
    )
  }
  return (
    result.message.length > 0 &&
    ['expression-syntax', 'check-error', 'data-value'].includes(result.rule)
  )
}

describe('expression properties', () => {
  it('parseExpression returns a result for any string, including any code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        const result = parseExpression(source)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.column).toBeGreaterThanOrEqual(1)
      }),
      { numRuns }
    )
  })

  it('evaluateExpression returns a well-formed result for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        expect(isWellFormed(evaluateExpression(source, scope))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('parseExpression and evaluateExpression return for token soups', () => {
    fc.assert(
      fc.property(tokenSoup, (source) => {
        const parsed = parseExpression(source)
        const evaluated = evaluateExpression(source, scope)
        expect(isWellFormed(evaluated)).toBe(true)
        // A syntax error from the parser is the evaluator's answer too, at the same column.
        if (!parsed.ok)
          expect(evaluated).toMatchObject({
            ok: false,
            rule: 'expression-syntax',
            column: parsed.column
          })
      }),
      { numRuns }
    )
  })

  it('a syntax error points inside the expression or just past its end', () => {
    fc.assert(
      fc.property(tokenSoup, (source) => {
        const parsed = parseExpression(source)
        if (!parsed.ok) expect(parsed.column).toBeLessThanOrEqual(source.length + 1)
      }),
      { numRuns }
    )
  })

  it('deep nesting of generated depth always ends in a result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.constantFrom('(', '-', 'not ', 'abs(', 'btc['),
        (depth, open) => {
          const close = open === '(' || open === 'abs(' ? ')' : open === 'btc[' ? ']' : ''
          const result = evaluateExpression(`${open.repeat(depth)}1${close.repeat(depth)}`, scope)
          expect(isWellFormed(result)).toBe(true)
        }
      ),
      { numRuns: Math.min(numRuns, 100) }
    )
  })
})
