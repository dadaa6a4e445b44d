import { describe, expect, it } from 'vitest'
import { buildTable } from '../../src/checks/datasets/build-table.js'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import type { Table } from '../../src/checks/datasets/dataset.js'
import { plainNumber, rowOf, rowsBefore, rowsBetween } from '../../src/checks/datasets/series.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'

describe('table lookups', () => {
  /** A table of `days` consecutive dates whose arrays count every element read. */
  function countedTable(days: number): { table: Table; reads: () => number } {
    const start = Date.UTC(2000, 0, 1)
    const rows = Array.from({ length: days }, (_, i) => ({
      cells: [new Date(start + i * 86_400_000).toISOString().slice(0, 10), String(i)],
      line: i + 2
    }))
    const built = buildTable({
      file: 'data/days.csv',
      header: ['date', 'v'],
      headerLine: 1,
      rows
    }).table
    if (built === undefined) throw new Error('no table')
    let reads = 0
    const counted = <T>(array: readonly T[]): readonly T[] =>
      new Proxy(array, {
        get(target, property, receiver) {
          if (typeof property === 'string' && /^\d+$/.test(property)) reads++
          return Reflect.get(target, property, receiver)
        }
      })
    const table: Table = {
      ...built,
      keys: counted(built.keys),
      cells: built.cells.map(counted),
      lines: counted(built.lines),
      sortedKeys: counted(built.sortedKeys)
    }
    return { table, reads: () => reads }
  }

  it('finds a value by date through the index, reading no other row', () => {
    const { table, reads } = countedTable(50_000)
    expect(rowOf(table, '2200-01-01')).toBeUndefined()
    expect(rowOf(table, '2000-01-31')).toBe(30)
    expect(reads()).toBe(0)
    const store = createDataStore(
      new Map([['days.csv', { kind: 'table', file: 'data/days.csv', table }]])
    )
    const result = evaluateExpression('d.v["2200-01-01"]', { aliases: { d: 'days.csv' }, store })
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('(data/days.csv covers 2000-01-01..2136-11-')
    })
    expect(
      evaluateExpression('d.v["2000-01-31"]', { aliases: { d: 'days.csv' }, store })
    ).toMatchObject({ ok: true, value: 30 })
    expect(reads()).toBeLessThan(10)
  })

  it('finds the bounds of a date range by binary search', () => {
    const { table, reads } = countedTable(50_000)
    expect(rowsBetween(table, '2000-01-10', '2000-01-12')).toEqual([9, 10, 11])
    // Two binary searches over 50,000 keys read about 2 x 16 keys, not 50,000.
    expect(reads()).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(50_000)) + 2)
  })
})

describe('plainNumber', () => {
  it.each([
    ['-7.41', -7.41],
    ['98000', 98000],
    ['2e9', 2e9],
    ['+1.5E-3', 0.0015],
    ['.5', 0.5],
    [' 42 ', 42],
    // Thousands grouped by commas, as a spreadsheet exports a formatted cell (issue 18, item 5).
    ['11,890', 11890],
    ['1,234,567.89', 1234567.89],
    ['-1,000', -1000]
  ])('reads %j as %d', (text, value) => {
    expect(plainNumber(text)).toBe(value)
  })

  it.each([
    '',
    ' ',
    // A comma that does not group thousands may be a decimal comma: never guessed.
    '11,89',
    '1,2345',
    '1234,567',
    ',123',
    '1,234e3',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '0x1F',
    '$5',
    '5%',
    'n/a',
    '1 000',
    '1.2.3'
  ])('refuses %j', (text) => {
    expect(plainNumber(text)).toBeUndefined()
  })
})

describe('a date the data lacks', () => {
  const store = createDataStore(
    new Map([
      [
        'btc.csv',
        {
          kind: 'table',
          file: 'data/markets/btc-usd.csv',
          table:
            buildTable({
              file: 'data/markets/btc-usd.csv',
              header: ['date', 'close'],
              headerLine: 1,
              rows: ['2025-11-03', '2025-11-04', '2025-11-06'].map((date, i) => ({
                cells: [date, String(i)],
                line: i + 2
              }))
            }).table ?? fail()
        }
      ]
    ])
  )
  const scope = { aliases: { btc: 'btc.csv' }, store }

  it('names the dates on both sides of a gap inside the data', () => {
    expect(evaluateExpression('btc.close["2025-11-05"]', scope)).toMatchObject({
      ok: false,
      message:
        'btc.close has no value for 2025-11-05: data/markets/btc-usd.csv has no row for that date (nearest: 2025-11-04 and 2025-11-06)'
    })
  })

  it('names the span of the data for a date past either end', () => {
    expect(evaluateExpression('btc.close["2025-11-07"]', scope)).toMatchObject({
      ok: false,
      message:
        'btc.close has no value for 2025-11-07 (data/markets/btc-usd.csv covers 2025-11-03..2025-11-06)'
    })
  })
})

describe('date ranges', () => {
  const built = buildTable({
    file: 'data/x.csv',
    header: ['date', 'v'],
    headerLine: 1,
    rows: ['2025-07-01', '2025-08-14', '2025-10-06', '2025-11-03', '2025-11-04'].map((date, i) => ({
      cells: [date, String(i)],
      line: i + 2
    }))
  }).table

  it.each<[string | undefined, string | undefined, number[]]>([
    ['2025-07-01', '2025-11-04', [0, 1, 2, 3, 4]],
    ['2025-07-02', '2025-11-02', [1, 2]],
    ['2025-08-14', '2025-08-14', [1]],
    ['2025-08-15', '2025-10-05', []],
    [undefined, '2025-08-14', [0, 1]],
    ['2025-11-03', undefined, [3, 4]],
    ['2025-12-01', '2025-12-31', []],
    ['2025-11-04', '2025-07-01', []]
  ])('rows between %s and %s are %j', (from, to, rows) => {
    expect(rowsBetween(built ?? fail(), from, to)).toEqual(rows)
  })

  it('rows before a date leave that date out', () => {
    expect(rowsBefore(built ?? fail(), '2025-07-01', '2025-11-04')).toEqual([0, 1, 2, 3])
  })
})

function fail(): never {
  throw new Error('the fixture table did not build')
}
