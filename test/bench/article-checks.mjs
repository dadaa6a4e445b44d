/**
 * The five checks of one synthetic article (SPEC 6), each with the sentence that states its
 * figure. The figure is written from the value the check's expression computes on the generated
 * data, so every check verifies under the SPEC 5 rules: the exact rule for `rose 3.2%`, `about`
 * within 5%, `nearly` at most 10% under, `over` and `above` strictly greater and never 1.5 times
 * the stated value (which would be an `understated` warning).
 */
import { addDays } from './market-data.mjs'

/**
 * The checks of an article published on `day`, reading the three series by alias.
 * @param {{ pick<T>(items: T[]): T, int(min: number, max: number): number }} random
 * @param {Record<string, { name: string, byDate: Map<string, { open: number, high: number, low: number, close: number }> }>} series by alias
 * @param {string} day the article's local date, `YYYY-MM-DD`; series must cover 60 days before it
 * @returns {{ figure: string, expr: string, sentence: string }[]}
 */
export function articleChecks(random, series, day) {
  return [
    dailyMove(random, series.aaa, 'aaa', day),
    closeAbout(random, series.bbb, 'bbb', day),
    multiDayMove(random, series.ccc, 'ccc', day),
    closeNearly(random, series.aaa, 'aaa', day),
    heldAbove(random, series.bbb, 'bbb', day)
  ]
}

/** `rose 3.2%` / `fell 4.1%`: the one-day change, exact at one decimal, sign from the word. */
function dailyMove(random, series, alias, day) {
  const from = addDays(day, -1)
  const change = pctChange(series, from, day)
  const figure = `${change >= 0 ? 'rose' : 'fell'} ${Math.abs(change).toFixed(1)}%`
  const opener = random.pick([
    'On the day, the',
    'By the close, the',
    'In afternoon trade the',
    'The'
  ])
  return {
    figure,
    expr: `pct_change(${alias}.close, "${from}", "${day}")`,
    sentence: `${opener} ${series.name} ${figure} as ${random.pick(reasons)}.`
  }
}

/** `about $1,230`: the close rounded to three significant digits, well within 5%. */
function closeAbout(random, series, alias, day) {
  const close = at(series, day).close
  const figure = `about ${dollars(roundSignificant(close, 3, Math.round))}`
  return {
    figure,
    expr: `${alias}.close["${day}"]`,
    sentence: `The ${series.name} settled at ${figure}, ${random.pick(afterthoughts)}.`
  }
}

/**
 * `gained over 3.6%` / `lost over 3.6%`: a change over several days, stated one tenth under its
 * size; the span is the first from a week up whose move is at least 1%, so the stated value is
 * never understated by half.
 */
function multiDayMove(random, series, alias, day) {
  for (let span = 7; span <= 60; span++) {
    const from = addDays(day, -span)
    const change = pctChange(series, from, day)
    const size = Math.abs(change)
    if (size < 1) continue
    const stated = (Math.ceil(size * 10) - 1) / 10
    const figure = `${change >= 0 ? 'gained' : 'lost'} over ${stated.toFixed(1)}%`
    return {
      figure,
      expr: `pct_change(${alias}.close, "${from}", "${day}")`,
      sentence: `Since the start of the move the ${series.name} has ${figure}, ${random.pick(afterthoughts)}.`
    }
  }
  throw new TypeError(`\`${alias}\` never moved 1% in the sixty days before ${day}`)
}

/** `nearly $1,240`: the close rounded up at three significant digits, so 0.9 s <= a <= s. */
function closeNearly(random, series, alias, day) {
  const close = at(series, day).close
  const figure = `nearly ${dollars(roundSignificant(close, 3, Math.ceil))}`
  return {
    figure,
    expr: `${alias}.close["${day}"]`,
    sentence: `${random.pick(['Dealers said', 'Strategists noted', 'Brokers reported'])} the ${series.name} finished at ${figure}, ${random.pick(afterthoughts)}.`
  }
}

/** `above $1,200`: the lowest low of the last five days, rounded down, so a > s. */
function heldAbove(random, series, alias, day) {
  const from = addDays(day, -4)
  let lowest = Infinity
  for (let offset = -4; offset <= 0; offset++)
    lowest = Math.min(lowest, at(series, addDays(day, offset)).low)
  let stated = roundSignificant(lowest, 3, Math.floor)
  if (stated >= lowest) stated -= significantUnit(lowest, 3)
  const figure = `above ${dollars(stated)}`
  return {
    figure,
    expr: `min(${alias}.low, "${from}", "${day}")`,
    sentence: `All week the ${series.name} held ${figure}, ${random.pick(afterthoughts)}.`
  }
}

/** The same arithmetic as the evaluator's `pct_change` (SPEC 6), on the same parsed values. */
function pctChange(series, from, to) {
  return (at(series, to).close / at(series, from).close - 1) * 100
}

/** The row of `day`; a missing row is a generator bug, never a corpus to publish. */
function at(series, day) {
  const row = series.byDate.get(day)
  if (row === undefined) throw new TypeError(`no row for ${day} in \`${series.name}\``)
  return row
}

/** `value` rounded with `round` at `digits` significant digits, as a whole number of dollars. */
function roundSignificant(value, digits, round) {
  const unit = significantUnit(value, digits)
  return Math.max(unit, round(value / unit) * unit)
}

/** One unit of the last of `digits` significant digits of `value`, at least one dollar. */
function significantUnit(value, digits) {
  return Math.max(1, 10 ** (Math.floor(Math.log10(value)) - digits + 1))
}

/** `$1,230`. */
function dollars(value) {
  return `$${Math.round(value).toLocaleString('en-US')}`
}

const reasons = [
  'traders weighed the policy outlook',
  'funds rebalanced ahead of the weekend',
  'dealers reacted to fresh trade data',
  'buyers returned after a quiet morning',
  'sellers took profits into the close',
  'currency desks repositioned across the region'
]

const afterthoughts = [
  'according to exchange data',
  'in line with what desks had expected',
  'a level analysts watch closely',
  'while volumes stayed thin',
  'as liquidity improved through the session',
  'with little reaction from options markets'
]
