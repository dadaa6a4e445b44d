/**
 * fast-check arbitraries for the property test of suggestion (issue 20): figures of every shape
 * the figure reader gives (zero, negatives, huge values, ranges, each approximator, direction and
 * unit kind) in a sentence of their own, and small data stores of every shape a data file loads
 * to (date-keyed tables with gaps and cells like `n/a`, label-keyed tables, nested records,
 * tables with no rows).
 */
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { buildTable } from '../../../src/checks/datasets/build-table.js'
import { createDataStore } from '../../../src/checks/datasets/dataset.js'
import type { Dataset, DataStore, RecordNode, Table } from '../../../src/checks/datasets/dataset.js'
import type { Approx, Figure } from '../../../src/types.js'

const approxes: Approx[] = [
  'exact',
  'over',
  'at-least',
  'under',
  'at-most',
  'nearly',
  'about',
  'just-over',
  'just-under',
  'range'
]
const units = ['%', 'pp', 'USD', 'EUR', 'JPY', 'traders', 'people', 'homes', null]
const columnNames = ['close', 'open', 'low', 'volume', 'traders', 'share_pct', 'usd', 'people']
const labels = ['north', 'south', 'east', 'west', 'total', 'other', 'acme', 'zen']
const sentenceWords = ['rose', 'fell', 'since', 'June', 'Monday', 'the', 'week', 'low', 'record']

/** Numbers both figures and cells often take, so that candidates fit figures now and then. */
const shared = fc.constantFrom(0, 5, 10, 50, 95, 100, 110, 1000, -5, 2.5)

/** A number as figures state them: zero, small, negative, huge, fractional. */
const figureNumber = fc.oneof(
  { weight: 3, arbitrary: shared },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-0, 1, -1, 1e12, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE)
  },
  {
    weight: 1,
    arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) }
)

/** A cell as data files hold them: numbers, blanks and the words that stand for no number. */
const cell = fc.oneof(
  { weight: 6, arbitrary: figureNumber.map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('n/a', '', 'NaN', '-', 'Infinity', '1e400', '1,234', ' 7 ', 'x')
  }
)

/** One figure of the article, with the sentence it sits in. */
export interface ArbitraryFigure {
  figure: Omit<Figure, 'start' | 'end' | 'sourceStart' | 'sourceEnd' | 'line' | 'column'>
  before: string
  after: string
}

export const arbitraryFigure: fc.Arbitrary<ArbitraryFigure> = fc
  .record({
    low: figureNumber,
    high: figureNumber,
    ranged: fc.boolean(),
    approx: fc.constantFrom(...approxes),
    direction: fc.constantFrom('up' as const, 'down' as const, null),
    unit: fc.constantFrom(...units),
    before: fc.array(fc.constantFrom(...sentenceWords), { maxLength: 6 }),
    after: fc.array(fc.constantFrom(...sentenceWords), { maxLength: 6 })
  })
  .map(({ low, high, ranged, approx, direction, unit, before, after }) => {
    const value: number | [number, number] = ranged ? [low, high] : low
    const text = ranged ? `${low} to ${high}${unit ?? ''}` : `${low}${unit ?? ''}`
    return {
      figure: { text, in: 'body' as const, value, unit, approx, direction },
      before: before.join(' '),
      after: after.join(' ')
    }
  })

/** A table keyed by dates from `first`, some days skipped, possibly with no rows at all. */
const dateTable = fc
  .record({
    gaps: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }),
    columns: fc.uniqueArray(fc.constantFrom(...columnNames), { minLength: 1, maxLength: 3 }),
    cells: fc.array(cell, { minLength: 120, maxLength: 120 })
  })
  .map(({ gaps, columns, cells }) => {
    let day = DateTime.fromISO('2025-06-01')
    const keys = gaps.map((gap) => (day = day.plus({ days: gap })).toISODate() ?? '')
    return tableOf(['date', ...columns], keys, columns.length, cells)
  })

const labelTable = fc
  .record({
    keys: fc.uniqueArray(fc.constantFrom(...labels), { maxLength: 8 }),
    columns: fc.uniqueArray(fc.constantFrom(...columnNames), { minLength: 1, maxLength: 3 }),
    cells: fc.array(cell, { minLength: 30, maxLength: 30 })
  })
  .map(({ keys, columns, cells }) => tableOf(['name', ...columns], keys, columns.length, cells))

function tableOf(header: string[], keys: string[], width: number, cells: string[]) {
  const rows = keys.map((key, r) => ({
    cells: [
      key,
      ...Array.from({ length: width }, (_, c) => cells[(r * width + c) % cells.length] ?? '')
    ],
    line: r + 2
  }))
  return buildTable({ file: 'data/t.csv', header, headerLine: 1, rows }).table
}

/** A nested record: objects of values, tables and lists, a few levels deep. */
const recordNode: fc.Arbitrary<RecordNode> = fc.letrec<{ node: RecordNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cell.map((text): RecordNode => ({ kind: 'value', line: 1, text })),
    fc
      .array(fc.tuple(fc.constantFrom(...columnNames, ...labels), tie('node')), { maxLength: 4 })
      .map((entries): RecordNode => ({ kind: 'object', line: 1, entries: new Map(entries) })),
    fc
      .array(tie('node'), { maxLength: 3 })
      .map((items): RecordNode => ({ kind: 'list', line: 1, items })),
    labelTable.map((table): RecordNode =>
      table === undefined ? { kind: 'value', line: 1, text: '' } : { kind: 'table', line: 1, table }
    )
  )
})).node

function tableDataset(file: string, table: Table | undefined): Dataset | undefined {
  return table === undefined ? undefined : { kind: 'table', file, table }
}

const dataset = (file: string): fc.Arbitrary<Dataset | undefined> =>
  fc.oneof(
    dateTable.map((table) => tableDataset(file, table)),
    labelTable.map((table) => tableDataset(file, table)),
    recordNode.map((root): Dataset => ({
      kind: 'record',
      file,
      root:
        root.kind === 'object' ? root : { kind: 'object', line: 1, entries: new Map([['v', root]]) }
    }))
  )

/** Up to three data files, each under an alias of the article, in a data store. */
export const arbitraryStore: fc.Arbitrary<{ store: DataStore; data: Record<string, string> }> = fc
  .array(dataset('data/x.csv'), { minLength: 0, maxLength: 3 })
  .map((datasets) => {
    const loaded = new Map<string, Dataset>()
    const data: Record<string, string> = {}
    datasets.forEach((one, n) => {
      data[`d${n}`] = `x${n}.csv`
      if (one !== undefined) loaded.set(`x${n}.csv`, { ...one, file: `data/x${n}.csv` })
    })
    return { store: createDataStore(loaded), data }
  })

/** An article date in or near the tables' dates (June to September 2025). */
export const arbitraryDate = fc
  .integer({ min: 0, max: 120 })
  .map((days) => DateTime.fromISO('2025-06-01T09:00:00+08:00').plus({ days }))
