import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import type { EvaluationScope } from '../../src/checks/expression/evaluate-expression.js'

/*
 * What an evaluation records of the series it read (issue 19), per function family. The fixture's
 * btc-usd.csv has six rows: 2025-06-30, 07-01, 08-14, 10-06, 11-03 and 11-04.
 */
const root = fileURLToPath(new URL('../fixtures/data-store/', import.meta.url))
const aliases = {
  btc: 'markets/btc-usd.csv',
  summary: 'markets/summary.yaml',
  gdp: 'world/gdp.csv'
}
let scope: EvaluationScope

beforeAll(async () => {
  const { store } = await loadDataStore(root, Object.values(aliases))
  scope = { aliases, store }
})

function readsOf(source: string) {
  const result = evaluateExpression(source, scope)
  if (!result.ok) throw new Error(`${source} failed: ${result.message}`)
  return {
    form: result.form,
    reads: (result.reads ?? []).map((read) => ({
      file: read.file,
      column: read.table.columns[read.column],
      points: read.points,
      ranges: read.ranges
    }))
  }
}

const btc = 'data/markets/btc-usd.csv'

describe('recorded reads', () => {
  it('a value looked up by index or value() is a point, and the result is a level', () => {
    for (const source of ['btc.close["2025-11-04"]', 'value(btc.close, "2025-11-04")']) {
      expect(readsOf(source)).toEqual({
        form: 'level',
        reads: [{ file: btc, column: 'close', points: ['2025-11-04'], ranges: [] }]
      })
    }
  })

  it('change and pct_change read their two keys in order, start first', () => {
    expect(readsOf('pct_change(btc.close, "2025-11-03", "2025-11-04")')).toEqual({
      form: 'pct-change',
      reads: [{ file: btc, column: 'close', points: ['2025-11-03', '2025-11-04'], ranges: [] }]
    })
    expect(readsOf('change(btc.low, "2025-07-01", "2025-11-04")').form).toBe('change')
  })

  it('range functions record the first and last key of the rows read, not the bounds written', () => {
    expect(readsOf('max(btc.close, "2025-07-02", "2025-11-03")')).toEqual({
      form: 'level',
      reads: [{ file: btc, column: 'close', points: [], ranges: [['2025-08-14', '2025-11-03']] }]
    })
    expect(readsOf('min(btc.close)').reads[0]?.ranges).toEqual([['2025-06-30', '2025-11-04']])
    expect(readsOf('mean(btc.close, "2025-11-03", "2025-11-04")').form).toBe('level')
    const sum = readsOf('sum(btc.close, "2025-11-03", "2025-11-04")')
    expect(sum.form).toBeUndefined()
    expect(sum.reads[0]?.ranges).toEqual([['2025-11-03', '2025-11-04']])
    const count = readsOf('count(btc.close, "2025-07-02", "2025-10-31")')
    expect(count.reads[0]?.ranges).toEqual([['2025-08-14', '2025-10-06']])
  })

  it('drawdown reads its key as a point and the peak range as a range', () => {
    expect(readsOf('drawdown(btc.close, "2025-11-04", "2025-07-01", "2025-10-31")')).toEqual({
      form: 'drawdown',
      reads: [
        {
          file: btc,
          column: 'close',
          points: ['2025-11-04'],
          ranges: [['2025-07-01', '2025-10-06']]
        }
      ]
    })
  })

  it('lowest_since and highest_since read the key and the rows before it', () => {
    const { reads } = readsOf('lowest_since(btc.low, "2025-11-04", "2025-07-01")')
    expect(reads).toEqual([
      { file: btc, column: 'low', points: ['2025-11-04'], ranges: [['2025-07-01', '2025-11-03']] }
    ])
    expect(readsOf('highest_since(btc.high, "2025-10-06", "2025-06-30")').reads[0]?.ranges).toEqual(
      [['2025-06-30', '2025-08-14']]
    )
  })

  it('keeps one record per column, and two columns give no form', () => {
    const both = readsOf('share(btc.low["2025-11-04"], btc.close["2025-11-04"])')
    expect(both.form).toBeUndefined()
    expect(both.reads.map((read) => read.column)).toEqual(['low', 'close'])
    const twice = readsOf(
      'btc.close["2025-11-04"] - btc.close["2025-11-04"] + btc.close["2025-11-03"]'
    )
    expect(twice.reads).toEqual([
      { file: btc, column: 'close', points: ['2025-11-04', '2025-11-03'], ranges: [] }
    ])
    expect(twice.form).toBeUndefined()
  })

  it('label-keyed tables are recorded too; records and constants read no series', () => {
    expect(readsOf('gdp.growth["France"]').reads).toEqual([
      { file: 'data/world/gdp.csv', column: 'growth', points: ['France'], ranges: [] }
    ])
    expect(readsOf('summary.supply.max')).toEqual({ form: undefined, reads: [] })
    expect(readsOf('2 + 3').reads).toEqual([])
    expect(readsOf('round(7.456, 1)')).toEqual({ form: undefined, reads: [] })
  })

  it('a record holds the table, not a copy of it', () => {
    const result = evaluateExpression('btc.close["2025-11-04"]', scope)
    const loaded = scope.store.get('markets/btc-usd.csv')
    expect(result.ok && loaded?.kind === 'table' && result.reads?.[0]?.table === loaded.table).toBe(
      true
    )
  })
})
