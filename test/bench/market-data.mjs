/**
 * The data desk of the synthetic newsroom: three daily price series (`data/markets/aaa.csv`,
 * `bbb.csv`, `ccc.csv`) in the CSV shape SPEC 6 reads (`date,open,high,low,close`, the date as
 * the key). Every close moves at least 0.2% a day, so a one-day change written to one decimal is
 * never `0.0%` and a movement word always has a sign to agree with.
 */

/** The first day of every series. */
export const firstDay = '2021-01-01'

/** Rows per series: about five years of calendar days, weekends included, as crypto desks keep. */
export const dayCount = 1800

/** The three series, with the alias articles use, the file under `data/` and a starting price. */
export const seriesSpecs = [
  { alias: 'aaa', file: 'markets/aaa.csv', start: 1200, name: 'Alder index' },
  { alias: 'bbb', file: 'markets/bbb.csv', start: 850, name: 'Birch index' },
  { alias: 'ccc', file: 'markets/ccc.csv', start: 2400, name: 'Cedar index' }
]

/**
 * The ISO date `days` after `iso` (negative for before).
 * @param {string} iso `YYYY-MM-DD`
 * @param {number} days
 */
export function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * One daily series: rows in date order and an index by date. Values are kept exactly as the CSV
 * writes them (two decimals, parsed back), so what the generator computes from them is what the
 * build's expression evaluator computes from the file.
 * @param {{ next(): number, between(min: number, max: number): number }} random
 * @param {number} start the first open
 */
export function generateSeries(random, start) {
  const rows = []
  let close = start
  for (let day = 0; day < dayCount; day++) {
    const open = close
    // Mean reversion keeps prices within a readable band of the start over five years.
    const pull = Math.log(start / open) * 0.02
    const size = random.between(0.002, 0.03)
    const sign = random.next() < 0.5 + pull ? 1 : -1
    close = twoDecimals(open * (1 + sign * size))
    const high = twoDecimals(Math.max(open, close) * (1 + random.between(0.001, 0.012)))
    const low = twoDecimals(Math.min(open, close) * (1 - random.between(0.001, 0.012)))
    rows.push({ date: addDays(firstDay, day), open, high, low, close })
  }
  return { rows, byDate: new Map(rows.map((row) => [row.date, row])) }
}

/**
 * The CSV text of a series.
 * @param {{ rows: { date: string, open: number, high: number, low: number, close: number }[] }} series
 */
export function seriesCsv(series) {
  const lines = ['date,open,high,low,close']
  for (const row of series.rows) {
    lines.push([row.date, row.open, row.high, row.low, row.close].map(cell).join(','))
  }
  return `${lines.join('\n')}\n`
}

/** A price with two decimals, as a number equal to what parsing its CSV cell gives. */
function twoDecimals(value) {
  return Number(value.toFixed(2))
}

/** A CSV cell: numbers always with two decimals, dates as they are. */
function cell(value) {
  return typeof value === 'number' ? value.toFixed(2) : value
}
