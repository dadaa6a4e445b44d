/**
 * Plain words for the fact-check panel (SPEC 8, issue 19): what a check computed, e.g.
 * `Bitcoin's closing price fell 7.41% from 3 to 4 November 2025`. Functions describe their own
 * results while they evaluate (they know the series, its description and the dates); this module
 * holds the shared formats and the fallback for everything else, which names the data files
 * read rather than the expression: readers never see code. Formats are fixed (English, `en-US`
 * digits) so that the same input builds the same pages on every machine (SPEC 8).
 */
import { fileStem } from '../../data/dictionary-words.js'
import { expectNumber } from './values.js'
import type { BooleanValue, NumberValue, Value } from './values.js'

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true })

/** `1,950,000,000`, `98,944.5`, `-7.41`: thousands separators, at most 2 decimals. */
export function formatNumber(value: number): string {
  const text = numberFormat.format(value)
  // Rounding can leave a negative zero (`-0.001` -> `-0`), which reads as a sign error.
  return text === '-0' ? '0' : text
}

/** `4 November 2025` for an ISO date; anything else is returned as it is. */
export function formatDate(date: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (parts === null) return date
  return `${Number(parts[3])} ${months[Number(parts[2]) - 1] ?? parts[2]} ${parts[1]}`
}

/**
 * `from 3 to 4 November 2025` (month and year once when both dates share them, as a reader
 * writes it), `from 28 October to 4 November 2025`, `on 4 November 2025` for one day,
 * `from 1 July 2025`, `up to 4 November 2025`, or `` for a whole series.
 */
export function formatRange(from?: string, to?: string): string {
  if (from !== undefined && to !== undefined) {
    const first = formatDate(from)
    const last = formatDate(to)
    if (first === from || last === to) return `from ${first} to ${last}`
    if (from === to) return `on ${last}`
    const sameYear = from.slice(0, 4) === to.slice(0, 4)
    const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7)
    const shown = sameMonth ? first.split(' ')[0] : sameYear ? first.slice(0, -5) : first
    return `from ${shown ?? first} to ${last}`
  }
  if (from !== undefined) return `from ${formatDate(from)}`
  if (to !== undefined) return `up to ${formatDate(to)}`
  return ''
}

/** ` on 4 November 2025` for a date key, ` for Germany` for a label. */
export function formatKey(key: string): string {
  const formatted = formatDate(key)
  return formatted === key ? ` for ${key}` : ` on ${formatted}`
}

/**
 * A number in its unit: `$98,944.50` for a currency code (ISO 4217, as `Intl` knows it),
 * `4.2%`, `1,200 tonnes`, or the bare number without a unit.
 */
export function formatAmount(value: number, unit?: string): string {
  if (unit === undefined) return formatNumber(value)
  if (unit === '%') return `${formatNumber(value)}%`
  if (/^[A-Z]{3}$/.test(unit)) {
    const currency = currencyFormat(unit, Number.isInteger(value) ? 0 : 2)
    if (currency !== undefined) return currency.format(value)
  }
  return `${formatNumber(value)} ${unit}`
}

const currencyFormats = new Map<string, Intl.NumberFormat | undefined>()

/** Whole amounts read `€104`, others `€8.50`: cents are shown only when there are some. */
function currencyFormat(code: string, digits: 0 | 2): Intl.NumberFormat | undefined {
  const key = `${code}:${digits}`
  if (!currencyFormats.has(key)) {
    // `Intl` accepts all three-letter codes; only codes with a symbol of their own read as money.
    const format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: 2
    })
    const symbol = format.formatToParts(1).find((part) => part.type === 'currency')?.value
    currencyFormats.set(key, symbol === code ? undefined : format)
  }
  return currencyFormats.get(key)
}

/**
 * The explanation of a check's result, as a sentence: the one its function wrote, else its label
 * and value, else the value worked out from the data files it read (never the expression, which
 * stays behind the panel's "How this was computed").
 */
export function explainResult(
  result: NumberValue | BooleanValue,
  files: readonly string[] = []
): string {
  if (result.sentence !== undefined) return capitalize(result.sentence)
  const shown =
    result.kind === 'number'
      ? formatAmount(result.value, result.unit)
      : result.value
        ? 'holds'
        : 'does not hold'
  if (result.kind === 'number' && result.label !== undefined)
    return capitalize(`${result.label}: ${shown}`)
  const from = files.length === 0 ? 'the figures given' : files.map(fileStem).join(' and ')
  return result.kind === 'number'
    ? `Worked out from ${from}: ${shown}`
    : `The comparison with ${from} ${shown}`
}

const relations = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' } as const

/**
 * A comparison of two numbers, with its sentence: `close of btc-usd on 4 November 2025
 * ($99,000.00) is above 98,000`.
 */
export function compareNumbers(
  left: Value,
  right: Value,
  operator: keyof typeof relations
): BooleanValue {
  const a = expectNumber(left, `"${operator}"`)
  const b = expectNumber(right, `"${operator}"`)
  const value =
    operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b
  const sentence = `${numberWords(left)} is ${value ? '' : 'not '}${relations[operator]} ${numberWords(right)}`
  return { kind: 'boolean', value, sentence }
}

function numberWords(value: Value): string {
  if (value.kind !== 'number') return ''
  const amount = formatAmount(value.value, value.unit)
  return value.label === undefined ? amount : `${value.label} (${amount})`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
