/**
 * A small data store for the chart tests: `data/markets/coin.csv`, described as Bitcoin's closing
 * price in USD, with one row a day from 1 September 2025 on, `close` = 100 + the day's number;
 * the row of 2025-09-20 holds `n/a`; and `data/world/gdp.csv`, keyed by country names.
 */
import { buildTable } from '../../src/checks/datasets/build-table.js'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import type { Dataset } from '../../src/checks/datasets/dataset.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import type { Evaluation } from '../../src/checks/expression/evaluate-expression.js'
import type { Tolerance } from '../../src/types.js'

/** The ISO date `days` days after 2025-09-01. */
export function dayOf(days: number): string {
  return new Date(Date.UTC(2025, 8, 1 + days)).toISOString().slice(0, 10)
}

function table(file: string, header: string[], rows: string[][]) {
  const built = buildTable({
    file,
    header,
    headerLine: 1,
    rows: rows.map((cells, index) => ({ cells, line: index + 2 }))
  })
  if (built.table === undefined) throw new Error(`${file} did not build`)
  return built.table
}

/** A store whose coin.csv has `days` rows. */
export function chartStore(days = 90) {
  const coinRows = Array.from({ length: days }, (_, day) => [
    dayOf(day),
    dayOf(day) === '2025-09-20' ? 'n/a' : String(100 + day)
  ])
  const coin: Dataset = {
    kind: 'table',
    file: 'data/markets/coin.csv',
    table: table('data/markets/coin.csv', ['date', 'close'], coinRows),
    description: {
      subject: 'Bitcoin',
      columns: new Map([['close', { label: 'closing price', unit: 'USD' }]])
    }
  }
  const gdp: Dataset = {
    kind: 'table',
    file: 'data/world/gdp.csv',
    table: table(
      'data/world/gdp.csv',
      ['country', 'gdp'],
      [
        ['Germany', '4.5'],
        ['France', '3.1']
      ]
    )
  }
  return createDataStore(
    new Map([
      ['markets/coin.csv', coin],
      ['world/gdp.csv', gdp]
    ])
  )
}

/** Evaluates `source` against a store from `chartStore(days)`. */
export function evaluateOn(source: string, days = 90): Evaluation {
  const aliases = { coin: 'markets/coin.csv', gdp: 'world/gdp.csv' }
  return evaluateExpression(source, { aliases, store: chartStore(days) })
}

/** The site's default tolerances. */
export const tolerance: Tolerance = { about: 0.05, nearly: 0.1, slightly: 0.05, understated: 1.5 }
