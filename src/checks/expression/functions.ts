/**
 * The function table of the check language (SPEC 6), by exact name. Each function checks its own
 * arguments (a wrong call says `pct_change expects (series, from, to)`) and describes its result in
 * plain words for the fact-check panel. The table is a Map, so that only these names can be called.
 */
import { ExpressionFailure } from './failure.js'
import { formatAmount, formatDate, formatKey, formatRange, phrase } from './explain.js'
import {
  cellNumber,
  dateArgument,
  keyFor,
  rowsInRange,
  rowsUpTo,
  valueAt,
  valuesBetween
} from './read-series.js'
import { labelOf, nameOf, numberValue, unitOf } from './values.js'
import type { BooleanValue, NumberValue, SeriesValue, Value } from './values.js'

/** Where a function is called: its name and the source text of the call and of each argument. */
export interface CallSite {
  name: string
  source: string
  args: readonly string[]
}

/** One function: the signature its error messages show, and what it does. */
export interface FunctionSpec {
  signature: string
  call(args: readonly Value[], site: CallSite): Value
}

type RangeAggregate = (values: number[]) => number

/** Each aggregate reads in a sentence as its `explain_` words: "the highest", not "max". */
const aggregates: ReadonlyArray<readonly ['min' | 'max' | 'sum' | 'mean', RangeAggregate]> = [
  ['min', (values) => values.reduce((a, b) => Math.min(a, b))],
  ['max', (values) => values.reduce((a, b) => Math.max(a, b))],
  ['sum', (values) => values.reduce((a, b) => a + b, 0)],
  ['mean', (values) => values.reduce((a, b) => a + b, 0) / values.length]
]

/** Every function of the language, by name. */
export const functions: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  define('value', '(series, date)', (args, site, signature) => {
    const [first, key] = shape(args, site, signature, 2, 2)
    const series = asSeries(first, site, signature)
    return valueAt(series, keyFor(series, required(key)))
  }),
  define('change', '(series, from, to)', (args, site, signature) =>
    change(args, site, signature, false)
  ),
  define('pct_change', '(series, from, to)', (args, site, signature) =>
    change(args, site, signature, true)
  ),
  ...aggregates.map(([name, aggregate]) => rangeFunction(name, aggregate)),
  define('count', '(series, from?, to?)', (args, site, signature) => {
    const { series, from, to } = seriesRange(args, site, signature)
    const column = series.table.cells[series.column] ?? []
    const count = rowsInRange(series, from, to).filter(
      (row) => (column[row] ?? '').trim() !== ''
    ).length
    return numberValue(
      count,
      phrase('explain_count', { what: labelOf(series), range: rangeOrAll(series, from, to) })
    )
  }),
  define('drawdown', '(series, at, peak_from, peak_to)', (args, site, signature) => {
    const [first, atArg, fromArg, toArg] = shape(args, site, signature, 4, 4)
    const series = asSeries(first, site, signature)
    const at = valueAt(series, keyFor(series, required(atArg)))
    const from = dateArgument(required(fromArg), 'peak_from')
    const to = dateArgument(required(toArg), 'peak_to')
    const peak = valuesBetween(series, from, to).reduce((a, b) => Math.max(a, b))
    if (peak === 0) throw divisionByZero(site, `the peak of ${nameOf(series)} is 0`)
    const result = finite(((peak - at.value) / peak) * 100, site)
    const what = at.label ?? labelOf(series)
    const side = result < 0 ? 'explain_above_peak' : 'explain_below_peak'
    const range = formatRange(from, to)
    return numberValue(
      result,
      phrase('explain_drawdown', { what, range }),
      phrase(side, {
        what,
        percent: formatAmount(Math.abs(result), '%'),
        peak: formatAmount(peak, unitOf(series)),
        range
      }),
      '%'
    )
  }),
  define('share', '(part, whole)', (args, site, signature) => {
    const [partArg, wholeArg] = shape(args, site, signature, 2, 2)
    const part = asNumber(partArg, site, signature)
    const whole = asNumber(wholeArg, site, signature)
    if (whole.value === 0) throw divisionByZero(site, `${site.args[1] ?? 'the whole'} is 0`)
    const result = finite((part.value / whole.value) * 100, site)
    const words = phrase('explain_share', {
      part: part.label ?? site.args[0] ?? 'part',
      whole: whole.label ?? site.args[1] ?? 'whole'
    })
    const value = formatAmount(result, '%')
    return numberValue(result, words, phrase('explain_labelled', { label: words, value }), '%')
  }),
  define('abs', '(number)', (args, site, signature) => {
    const [x] = shape(args, site, signature, 1, 1)
    return numberValue(Math.abs(asNumber(x, site, signature).value))
  }),
  define('round', '(number, digits?)', (args, site, signature) => {
    const [x, digitsArg] = shape(args, site, signature, 1, 2)
    const digits = digitsArg === undefined ? 0 : asNumber(digitsArg, site, signature).value
    if (!Number.isInteger(digits) || Math.abs(digits) > 15) throw expects(site, signature)
    return numberValue(finite(roundTo(asNumber(x, site, signature).value, digits), site))
  }),
  define('lowest_since', '(series, at, since)', (args, site, signature) =>
    extremeSince(args, site, signature, 'lowest')
  ),
  define('highest_since', '(series, at, since)', (args, site, signature) =>
    extremeSince(args, site, signature, 'highest')
  )
])

function define(
  name: string,
  signature: string,
  call: (args: readonly Value[], site: CallSite, signature: string) => Value
): [string, FunctionSpec] {
  return [name, { signature, call: (args, site) => call(args, site, signature) }]
}

function change(
  args: readonly Value[],
  site: CallSite,
  signature: string,
  percent: boolean
): NumberValue {
  const [first, fromArg, toArg] = shape(args, site, signature, 3, 3)
  const series = asSeries(first, site, signature)
  const from = keyFor(series, required(fromArg))
  const to = keyFor(series, required(toArg))
  const start = valueAt(series, from).value
  const end = valueAt(series, to).value
  if (percent && start === 0) throw divisionByZero(site, `${nameOf(series)}${formatKey(from)} is 0`)
  const result = finite(percent ? (end / start - 1) * 100 : end - start, site)
  const range = series.table.dateKeys
    ? formatRange(from, to)
    : phrase('explain_from_to', { from, to })
  const verb = result < 0 ? 'explain_fell' : result > 0 ? 'explain_rose' : 'explain_unchanged'
  const unit = percent ? '%' : unitOf(series)
  const what = labelOf(series)
  return numberValue(
    result,
    phrase(percent ? 'explain_pct_change' : 'explain_change', { what, range }),
    phrase(verb, { what, amount: formatAmount(Math.abs(result), unit), range }),
    unit
  )
}

function rangeFunction(
  name: 'min' | 'max' | 'sum' | 'mean',
  aggregate: RangeAggregate
): [string, FunctionSpec] {
  const numbersToo = name === 'min' || name === 'max'
  const signature = numbersToo
    ? '(series, from?, to?) or (number, number, ...)'
    : '(series, from?, to?)'
  return define(name, signature, (args, site) => {
    if (numbersToo && args.length > 0 && args.every((arg) => arg.kind === 'number')) {
      return numberValue(aggregate(args.map((arg) => asNumber(arg, site, signature).value)))
    }
    const { series, from, to } = seriesRange(args, site, signature)
    const result = finite(aggregate(valuesBetween(series, from, to)), site)
    const range = rangeOrAll(series, from, to)
    return numberValue(
      result,
      phrase(`explain_${name}`, { what: labelOf(series), range }),
      undefined,
      unitOf(series)
    )
  })
}

function extremeSince(
  args: readonly Value[],
  site: CallSite,
  signature: string,
  extreme: 'lowest' | 'highest'
): BooleanValue {
  const [first, atArg, sinceArg] = shape(args, site, signature, 3, 3)
  const series = asSeries(first, site, signature)
  const at = dateArgument(required(atArg), 'at')
  const since = dateArgument(required(sinceArg), 'since')
  if (!series.table.dateKeys) {
    throw new ExpressionFailure(
      'check-error',
      `${site.name} needs a series keyed by dates; ${nameOf(series)} is keyed by labels`
    )
  }
  if (since >= at) {
    throw new ExpressionFailure(
      'check-error',
      `${site.name}: since (${since}) must be before at (${at})`
    )
  }
  const current = valueAt(series, at)
  const rows = rowsUpTo(series, since, at)
  if (rows.length === 0) {
    throw new ExpressionFailure(
      'check-error',
      `${nameOf(series)} has no values from ${since} up to the day before ${at}`
    )
  }
  const earlier = rows.map((row) => cellNumber(series, row))
  const holds = earlier.every((value) =>
    extreme === 'lowest' ? current.value < value : current.value > value
  )
  return {
    kind: 'boolean',
    value: holds,
    sentence: phrase(holds ? `explain_${extreme}_since` : `explain_not_${extreme}_since`, {
      what: current.label ?? labelOf(series),
      date: formatDate(since)
    })
  }
}

function seriesRange(
  args: readonly Value[],
  site: CallSite,
  signature: string
): { series: SeriesValue; from?: string; to?: string } {
  const [first, fromArg, toArg] = shape(args, site, signature, 1, 3)
  const series = asSeries(first, site, signature)
  const range: { series: SeriesValue; from?: string; to?: string } = { series }
  if (fromArg !== undefined) range.from = dateArgument(fromArg, 'from')
  if (toArg !== undefined) range.to = dateArgument(toArg, 'to')
  return range
}

function rangeOrAll(series: SeriesValue, from?: string, to?: string): string {
  return from === undefined && to === undefined
    ? phrase(series.table.dateKeys ? 'explain_all_dates' : 'explain_all_rows')
    : formatRange(from, to)
}

/** Half away from zero at `digits` decimals (negative: tens, hundreds...), exact for decimals like 1.005. */
function roundTo(value: number, digits: number): number {
  const shift = (n: number, by: number): number => {
    const [mantissa, exponent = '0'] = String(n).split('e')
    return Number(`${mantissa}e${Number(exponent) + by}`)
  }
  return Math.sign(value) * shift(Math.round(shift(Math.abs(value), digits)), -digits)
}

function shape(
  args: readonly Value[],
  site: CallSite,
  signature: string,
  min: number,
  max: number
): (Value | undefined)[] {
  if (args.length < min || args.length > max) throw expects(site, signature)
  return [...args]
}

function required(value: Value | undefined): Value {
  if (value === undefined) throw new TypeError('`shape` let a required argument through')
  return value
}

function asSeries(value: Value | undefined, site: CallSite, signature: string): SeriesValue {
  if (value?.kind === 'series') return value
  throw expects(site, signature)
}

function asNumber(value: Value | undefined, site: CallSite, signature: string): NumberValue {
  if (value?.kind === 'number') return value
  throw expects(site, signature)
}

function finite(value: number, site: CallSite): number {
  if (Number.isFinite(value)) return value
  throw new ExpressionFailure('check-error', `${site.source} is not a finite number`)
}

function expects(site: CallSite, signature: string): ExpressionFailure {
  return new ExpressionFailure('check-error', `${site.name} expects ${signature}`)
}

function divisionByZero(site: CallSite, reason: string): ExpressionFailure {
  return new ExpressionFailure('check-error', `division by zero in ${site.source}: ${reason}`)
}
