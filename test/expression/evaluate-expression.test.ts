import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import type { EvaluationScope } from '../../src/checks/expression/evaluate-expression.js'

/*
 * The fixture site `test/fixtures/data-store/` holds small files whose values can be checked by
 * hand; btc-usd.csv has gaps between its dates, so ranges that start or end between keys are
 * exercised. Closes: 06-30 107300, 07-01 106900, 08-14 118300, 10-06 124800, 11-03 107000,
 * 11-04 99071.3; lows: 106500, 105200, 118000, 122900, 105300, 98944.5.
 */
const root = fileURLToPath(new URL('../fixtures/data-store/', import.meta.url))
const aliases = {
  btc: 'markets/btc-usd.csv',
  eth: 'markets/eth-usd.tsv',
  liq: 'derivatives/liquidations.json',
  summary: 'markets/summary.yaml',
  halving: 'markets/halving.json',
  gdp: 'world/gdp.csv',
  bad: 'bad/cells.csv',
  broken: 'bad/broken.json'
}
let scope: EvaluationScope

beforeAll(async () => {
  const { store } = await loadDataStore(root, Object.values(aliases))
  scope = { aliases, store }
})

function valueOf(source: string): number | boolean {
  const result = evaluateExpression(source, scope)
  if (!result.ok) throw new Error(`${source} failed: ${result.message}`)
  return result.value
}

describe('evaluateExpression: values', () => {
  it.each<[string, number]>([
    ['btc.close["2025-11-04"]', 99071.3],
    ['value(btc.close, "2025-11-04")', 99071.3],
    ['btc["close"]["2025-11-03"]', 107000],
    ['change(btc.close, "2025-11-03", "2025-11-04")', 99071.3 - 107000],
    ['pct_change(btc.close, "2025-11-03", "2025-11-04")', -7.41],
    ['min(btc.close)', 99071.3],
    ['max(btc.close)', 124800],
    ['min(btc.low, "2025-07-01", "2025-10-06")', 105200],
    ['max(btc.close, "2025-07-02", "2025-11-03")', 124800],
    ['max(btc.close, "2025-10-07")', 107000],
    ['min(btc.close, "2025-06-01", "2025-07-01")', 106900],
    ['sum(btc.close, "2025-11-03", "2025-11-04")', 206071.3],
    ['mean(btc.close, "2025-11-03", "2025-11-04")', 103035.65],
    ['mean(eth.close)', 3445.25],
    ['count(btc.close)', 6],
    ['count(btc.close, "2025-07-02", "2025-10-31")', 2],
    ['min(3, -1, 2)', -1],
    ['max(3, -1, 2)', 3],
    [
      'drawdown(btc.close, "2025-11-04", "2025-07-01", "2025-10-31")',
      ((124800 - 99071.3) / 124800) * 100
    ],
    ['share(liq.long_usd["2025-11-04"], liq.total_usd["2025-11-04"])', 91.2],
    ['abs(-7.41)', 7.41],
    ['abs(pct_change(btc.close, "2025-11-03", "2025-11-04"))', 7.41],
    ['round(123456, -3)', 123000],
    ['round(1.005, 2)', 1.01],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(-7.4099, 1)', -7.4],
    ['sum(liq.total_usd, "2025-11-04", "2025-11-04")', 1_950_000_000],
    ['summary.supply.circulating', 19_950_000],
    ['summary.supply.circulating / summary.supply.max * 100', 95],
    ['summary.holders.share["US"]', 40.5],
    ['summary["supply"]["max"]', 21_000_000],
    ['halving.halving.reward', 3.125],
    ['halving.blocks[1]', 1_050_000],
    ['gdp.gdp_tn["Korea, South"]', 1.7],
    ['gdp.growth["Germany"]', -0.3],
    ['sum(gdp.gdp_tn)', 9.3],
    ['bad.volume["2025-11-01"]', 1],
    // A quoted cell grouped by thousands, "1,234", is a number (issue 18, item 5).
    ['bad.close["2025-11-03"]', 1234],
    ['sum(bad.volume)', 15],
    ['2e9 / 4', 500_000_000],
    ['-btc.low["2025-11-04"] + 1', -98943.5],
    ['10 - 4 - 3', 3],
    ['2 * 3 + 4 * 5', 26]
  ])('%s = %d', (source, expected) => {
    const value = valueOf(source)
    expect(typeof value).toBe('number')
    expect(value).toBeCloseTo(expected, 9)
  })

  it.each<[string, boolean]>([
    ['lowest_since(btc.low, "2025-11-04", "2025-07-01")', true],
    ['lowest_since(btc.low, "2025-11-03", "2025-07-01")', false],
    ['lowest_since(btc.low, "2025-11-03", "2025-07-02")', true],
    ['highest_since(btc.high, "2025-10-06", "2025-06-30")', true],
    ['highest_since(btc.high, "2025-11-03", "2025-07-01")', false],
    ['pct_change(btc.close, "2025-11-03", "2025-11-04") < -7', true],
    ['btc.close["2025-11-04"] >= 99071.3', true],
    ['btc.close["2025-11-04"] > 99071.3', false],
    ['btc.close["2025-11-04"] <= 99000', false],
    ['count(btc.close) == 6', true],
    ['count(btc.close) != 6', false],
    ['"a" == "a"', true],
    ['true == false', false],
    ['not (1 < 2)', false],
    ['1 < 2 and 2 < 3', true],
    ['1 > 2 or 2 < 3', true],
    ['1 > 2 or 2 > 3', false]
  ])('%s is %s', (source, expected) => {
    expect(valueOf(source)).toBe(expected)
  })
})

describe('evaluateExpression: explanations', () => {
  it.each([
    [
      'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      'Close of btc-usd fell 7.41% from 3 to 4 November 2025'
    ],
    [
      'pct_change(btc.close, "2025-07-01", "2025-08-14")',
      'Close of btc-usd rose 10.66% from 1 July to 14 August 2025'
    ],
    [
      'change(btc.close, "2025-11-03", "2025-11-04")',
      'Close of btc-usd fell 7,928.7 from 3 to 4 November 2025'
    ],
    [
      'change(btc.close, "2025-11-03", "2025-11-03")',
      'Close of btc-usd was unchanged on 3 November 2025'
    ],
    ['btc.low["2025-11-04"]', 'Low of btc-usd on 4 November 2025: 98,944.5'],
    ['value(btc.low, "2025-11-04")', 'Low of btc-usd on 4 November 2025: 98,944.5'],
    [
      'sum(liq.total_usd, "2025-11-04", "2025-11-04")',
      'The total of total usd of liquidations on 4 November 2025: 1,950,000,000'
    ],
    ['max(btc.close)', 'The highest of close of btc-usd over all dates: 124,800'],
    [
      'mean(btc.close, "2024-12-30", "2025-11-04")',
      'The average of close of btc-usd from 30 December 2024 to 4 November 2025: 110,561.88'
    ],
    [
      'share(liq.long_usd["2025-11-04"], liq.total_usd["2025-11-04"])',
      'Long usd of liquidations on 4 November 2025 as a share of total usd of liquidations on 4 November 2025: 91.2%'
    ],
    ['share(1, 4)', '1 as a share of 4: 25%'],
    [
      'lowest_since(btc.low, "2025-11-04", "2025-07-01")',
      'Low of btc-usd on 4 November 2025 is the lowest since 1 July 2025'
    ],
    [
      'lowest_since(btc.low, "2025-11-03", "2025-07-01")',
      'Low of btc-usd on 3 November 2025 is not the lowest since 1 July 2025'
    ],
    [
      'highest_since(btc.high, "2025-10-06", "2025-06-30")',
      'High of btc-usd on 6 October 2025 is the highest since 30 June 2025'
    ],
    [
      'drawdown(btc.close, "2025-11-04", "2025-07-01", "2025-10-31")',
      'Close of btc-usd on 4 November 2025 was 20.62% below its peak of 124,800 from 1 July to 31 October 2025'
    ],
    ['gdp.gdp_tn["Germany"]', 'Gdp tn of gdp for Germany: 4.5'],
    ['summary.supply.circulating', 'Supply circulating of summary: 19,950,000'],
    ['round(123456,   -3)', 'Worked out from the figures given: 123,000'],
    [
      'btc.close["2025-11-04"] > 99000',
      'Close of btc-usd on 4 November 2025 (99,071.3) is above 99,000'
    ]
  ])('explains %s as "%s"', (source, explanation) => {
    expect(evaluateExpression(source, scope)).toMatchObject({ ok: true, explanation })
  })

  it('lists the data files read, once each, in order of first use', () => {
    const result = evaluateExpression(
      'share(liq.long_usd["2025-11-04"], liq.total_usd["2025-11-04"]) > 0 and btc.close["2025-11-04"] > eth.close["2025-11-04"] and liq.total_usd["2025-11-03"] > 0',
      scope
    )
    expect(result).toMatchObject({
      ok: true,
      dataFiles: [
        'data/derivatives/liquidations.json',
        'data/markets/btc-usd.csv',
        'data/markets/eth-usd.tsv'
      ]
    })
  })

  it('reads no data file for an expression of literals', () => {
    expect(evaluateExpression('1 + 1', scope)).toMatchObject({ ok: true, value: 2, dataFiles: [] })
  })
})

describe('evaluateExpression: errors', () => {
  it.each([
    // datasets and names
    ['bct.close["2025-11-04"]', 'check-error', 1, 'unknown dataset "bct" (did you mean "btc"?)'],
    [
      'gold.price["2025-11-04"]',
      'check-error',
      1,
      'unknown dataset "gold" (datasets: btc, eth, liq'
    ],
    ['__proto__.close["2025-11-04"]', 'check-error', 1, 'unknown dataset "__proto__"'],
    ['constructor', 'check-error', 1, 'unknown dataset "constructor"'],
    ['toString', 'check-error', 1, 'unknown dataset "toString"'],
    [
      'btc.__proto__["2025-11-04"]',
      'check-error',
      5,
      'column "__proto__" not in data/markets/btc-usd.csv'
    ],
    [
      'btc.constructor["2025-11-04"]',
      'check-error',
      5,
      'column "constructor" not in data/markets/btc-usd.csv'
    ],
    [
      'summary.constructor',
      'check-error',
      9,
      '"constructor" not in summary (data/markets/summary.yaml keys: asset'
    ],
    ['summary.__proto__', 'check-error', 9, '"__proto__" not in summary'],
    ['summary.supply.hasOwnProperty', 'check-error', 16, '"hasOwnProperty" not in summary.supply'],
    [
      'broken.close["2025-11-04"]',
      'check-error',
      1,
      'dataset "broken" (data/bad/broken.json) could not be loaded'
    ],
    [
      'btc.closing["2025-11-04"]',
      'check-error',
      5,
      'column "closing" not in data/markets/btc-usd.csv (columns: open, high, low, close; did you mean "close"?)'
    ],
    [
      'btc.date["2025-11-04"]',
      'check-error',
      5,
      '"date" is the key column of data/markets/btc-usd.csv'
    ],
    ['summary.suply.max', 'check-error', 9, 'did you mean "supply"?'],
    ['max', 'check-error', 1, '"max" is a function: call it as max(series, from?, to?)'],
    // keys and dates
    [
      'btc.close["2025-11-05"]',
      'check-error',
      11,
      'btc.close has no value for 2025-11-05 (data/markets/btc-usd.csv covers 2025-06-30..2025-11-04)'
    ],
    ['btc.close["2025-02-30"]', 'check-error', 11, '"2025-02-30" is not a real date (YYYY-MM-DD)'],
    ['btc.close["4 Nov 2025"]', 'check-error', 11, 'is not a date: write dates as YYYY-MM-DD'],
    [
      'btc.close[20251104]',
      'check-error',
      11,
      'btc.close is keyed by dates: write the key in double quotes'
    ],
    [
      'gdp.gdp_tn["Germny"]',
      'check-error',
      12,
      'gdp.gdp_tn has no value for "Germny" (data/world/gdp.csv keys: "Germany", "France", "Korea, South"; did you mean "Germany"?)'
    ],
    ['halving.blocks[2]', 'check-error', 16, 'halving.blocks has no item 2'],
    // functions
    [
      'pct_chnage(btc.close, "2025-11-03", "2025-11-04")',
      'check-error',
      1,
      'unknown function "pct_chnage" (did you mean "pct_change"?)'
    ],
    [
      'pct_change(btc.close, "2025-11-03")',
      'check-error',
      1,
      'pct_change expects (series, from, to)'
    ],
    [
      'pct_change(btc, "2025-11-03", "2025-11-04")',
      'check-error',
      1,
      'pct_change expects (series, from, to)'
    ],
    ['change(1, 2, 3)', 'check-error', 1, 'change expects (series, from, to)'],
    ['value(btc.close)', 'check-error', 1, 'value expects (series, date)'],
    ['mean(1, 2)', 'check-error', 1, 'mean expects (series, from?, to?)'],
    ['min()', 'check-error', 1, 'min expects (series, from?, to?) or (number, number, ...)'],
    [
      'min(btc.close, 1, 2, 3)',
      'check-error',
      1,
      'min expects (series, from?, to?) or (number, number, ...)'
    ],
    [
      'drawdown(btc.close, "2025-11-04")',
      'check-error',
      1,
      'drawdown expects (series, at, peak_from, peak_to)'
    ],
    ['share(1)', 'check-error', 1, 'share expects (part, whole)'],
    ['abs(btc.close)', 'check-error', 1, 'abs expects (number)'],
    ['round(1.5, 0.5)', 'check-error', 1, 'round expects (number, digits?)'],
    [
      'lowest_since(btc.low, "2025-11-04")',
      'check-error',
      1,
      'lowest_since expects (series, at, since)'
    ],
    [
      'lowest_since(btc.low, "2025-07-01", "2025-11-04")',
      'check-error',
      1,
      'since (2025-11-04) must be before at (2025-07-01)'
    ],
    [
      'lowest_since(btc.low, "2025-06-30", "2025-06-01")',
      'check-error',
      1,
      'btc.low has no values from 2025-06-01 up to the day before 2025-06-30'
    ],
    [
      'lowest_since(gdp.growth, "2025-11-04", "2025-07-01")',
      'check-error',
      1,
      'lowest_since needs a series keyed by dates'
    ],
    [
      'sum(btc.close, "2025-11-05", "2025-12-31")',
      'check-error',
      1,
      'btc.close has no values from 2025-11-05 to 2025-12-31'
    ],
    [
      'sum(btc.close, "2025-11-04", "2025-11-03")',
      'check-error',
      1,
      'the range starts on 2025-11-04, after it ends on 2025-11-03'
    ],
    [
      'sum(btc.close, "2025-11-04", "2025-13-01")',
      'check-error',
      // The one date the failure quotes is the argument it points at (issue 18, item 5).
      30,
      '"2025-13-01" is not a real date'
    ],
    ['sum(btc.close, 2025)', 'check-error', 1, 'from must be a date in double quotes'],
    ['sum(gdp.gdp_tn, "2025-01-01")', 'check-error', 1, 'gdp.gdp_tn is keyed by labels, not dates'],
    ['btc.close(1)', 'check-error', 1, 'only functions can be called'],
    // arithmetic and types
    ['1 / 0', 'check-error', 1, 'division by zero in 1 / 0'],
    [
      'btc.close["2025-11-04"] / (btc.close["2025-11-03"] - 107000)',
      'check-error',
      1,
      'division by zero in btc.close["2025-11-04"] / (btc.close["2025-11-03"] - 107000)'
    ],
    ['share(1, 0)', 'check-error', 1, 'division by zero in share(1, 0)'],
    ['1e308 * 10', 'check-error', 1, '1e308 * 10 is not a finite number'],
    ['btc.close + 1', 'check-error', 1, '"+" needs a number, got a series (btc.close)'],
    ['1 and true', 'check-error', 1, '"and" needs true/false, got a number'],
    ['not 1', 'check-error', 1, '"not" needs true/false, got a number'],
    ['"a" < "b"', 'check-error', 1, '"<" needs a number, got the string "a"'],
    [
      '1 == true',
      'check-error',
      1,
      '"==" compares two numbers, two true/false values or two strings'
    ],
    [
      'btc.close',
      'check-error',
      1,
      'the expression gives a series (btc.close), not a number or true/false'
    ],
    ['btc', 'check-error', 1, 'the expression gives a table (btc)'],
    ['"2025-11-04"', 'check-error', 1, 'the expression gives the string "2025-11-04"'],
    // cells that are not numbers, reported when used
    [
      'bad.close["2025-11-01"]',
      'data-value',
      11,
      'data/bad/cells.csv:2: close on 2025-11-01 is "NaN", not a number'
    ],
    [
      'bad.close["2025-11-02"]',
      'data-value',
      11,
      'data/bad/cells.csv:3: close on 2025-11-02 is "Infinity", not a number'
    ],
    [
      'bad.close["2025-11-04"]',
      'data-value',
      11,
      'data/bad/cells.csv:5: close on 2025-11-04 is "n/a", not a number'
    ],
    [
      'bad.close["2025-11-05"]',
      'data-value',
      11,
      'data/bad/cells.csv:6: close on 2025-11-05 is empty, not a number'
    ],
    ['sum(bad.close)', 'data-value', 1, 'data/bad/cells.csv:2: close on 2025-11-01 is "NaN"'],
    [
      'summary.note',
      'data-value',
      9,
      'data/markets/summary.yaml:8: summary.note is "n/a", not a number'
    ],
    [
      'summary.asset',
      'data-value',
      9,
      'data/markets/summary.yaml:1: summary.asset is "Bitcoin", not a number'
    ],
    // syntax
    ['btc.close["2025-11-04"', 'expression-syntax', 23, '"[" at column 10 is never closed']
  ])('%s fails (%s at column %i): %s', (source, rule, column, message) => {
    const result = evaluateExpression(source, scope)
    expect(result).toMatchObject({ ok: false, rule, column })
    if (!result.ok) expect(result.message).toContain(message)
  })

  it('says so when a table has a header and no rows', async () => {
    const { store } = await loadDataStore(root, ['bad/header-only.csv'])
    const result = evaluateExpression('t.close["2025-11-04"]', {
      aliases: { t: 'bad/header-only.csv' },
      store
    })
    expect(result).toMatchObject({
      ok: false,
      message: 't.close has no value for 2025-11-04 (data/bad/header-only.csv has no rows)'
    })
  })

  it('reports an unknown dataset without suggestions when the article has no data: map', () => {
    const result = evaluateExpression('btc.close["2025-11-04"]', {
      aliases: {},
      store: scope.store
    })
    expect(result).toMatchObject({
      ok: false,
      message: 'unknown dataset "btc" (the article has no data: map)'
    })
  })

  it('treats names on Object.prototype as unknown even when aliases is an ordinary object', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const result = evaluateExpression(`${name}.close["2025-11-04"]`, scope)
      expect(result).toMatchObject({
        ok: false,
        rule: 'check-error',
        message: expect.stringContaining(`unknown dataset "${name}"`)
      })
    }
  })

  it('gives an error, not a crash, for expressions nested 10,000 levels deep', () => {
    for (const source of [
      `${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
      `${'-'.repeat(10_000)}1`,
      `${'abs('.repeat(2_400)}1${')'.repeat(2_400)}`
    ]) {
      const result = evaluateExpression(source, scope)
      expect(result).toMatchObject({ ok: false, rule: 'expression-syntax' })
    }
  })

  it('evaluates nesting up to the limit', () => {
    expect(valueOf(`${'abs('.repeat(150)}-1${')'.repeat(150)}`)).toBe(1)
  })
})
