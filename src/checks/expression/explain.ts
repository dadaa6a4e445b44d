/**
 * Plain words for the fact-check panel (SPEC 8, issue 19): what a check computed, e.g.
 * `Bitcoin's closing price fell 7.41% from 3 to 4 November 2025`. Functions describe their own
 * results while they evaluate (they know the series, its description and the dates); this module
 * holds the shared formats and the fallback for everything else, which names the data files
 * read rather than the expression: readers never see code. Words come from the site's catalogue
 * and dates and numbers from its locale (`i18n/explain-words.ts`), with fixed `Intl` options and
 * dates in UTC, so that the same input builds the same pages on every machine (SPEC 8).
 */
import { fileStem } from '../../data/dictionary-words.js'
import { explainWording } from '../../i18n/explain-words.js'
import { type LabelKey, fillLabel } from '../../i18n/labels.js'
import { expectNumber } from './values.js'
import type { BooleanValue, NumberValue, Value } from './values.js'

/** The keys of the explanation sentences' words in the catalogues. */
export type ExplainKey = Extract<LabelKey, `explain_${string}`>

/** Catalogue sentence `key` in the language of the explanation, filled with `values`. */
export function phrase(key: ExplainKey, values: Readonly<Record<string, string>> = {}): string {
  return fillLabel(explainWording().labels[key], values)
}

/** Formatters by locale and shape: building one costs far more than using it. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formats.get(key)
  if (found === undefined) {
    found = make()
    formats.set(key, found)
  }
  return found as T
}

/** `1,950,000,000`, `98,944.5`, `-7.41` in English: grouped digits, at most 2 decimals. */
export function formatNumber(value: number): string {
  const { locale } = explainWording()
  const format = cached(
    `number ${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: true })
  )
  const text = format.format(value)
  // Rounding can leave a negative zero (`-0.001` -> `-0`), which reads as a sign error.
  return text === '-0' ? '0' : text
}

/** The shapes of a date: whole, or without its year, or its day alone (in a range). */
const dateShapes = {
  whole: { day: 'numeric', month: 'long', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' }
} satisfies Record<string, Intl.DateTimeFormatOptions>

function dateFormat(shape: keyof typeof dateShapes): Intl.DateTimeFormat {
  const { locale } = explainWording()
  return cached(
    `date ${locale} ${shape}`,
    () => new Intl.DateTimeFormat(locale, { ...dateShapes[shape], timeZone: 'UTC' })
  )
}

/** The instant of an ISO date at midnight UTC, or undefined for another text. */
function isoDate(date: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (parts === null) return undefined
  const instant = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])))
  return Number.isNaN(instant.getTime()) ? undefined : instant
}

/** `4 November 2025` (`4. November 2025`, `2025年11月4日`) for an ISO date; others as they are. */
export function formatDate(date: string): string {
  const instant = isoDate(date)
  return instant === undefined ? date : dateFormat('whole').format(instant)
}

/**
 * `from 3 to 4 November 2025` (month and year once when both dates share them, as a reader
 * writes it, in languages that write the year last), `from 28 October to 4 November 2025`,
 * `on 4 November 2025` for one day, `from 1 July 2025`, `up to 4 November 2025`, or `` for a
 * whole series.
 */
export function formatRange(from?: string, to?: string): string {
  if (from !== undefined && to !== undefined) {
    const start = isoDate(from)
    const end = isoDate(to)
    if (start === undefined || end === undefined)
      return phrase('explain_from_to', { from: formatDate(from), to: formatDate(to) })
    const last = dateFormat('whole').format(end)
    if (from === to) return phrase('explain_on', { date: last })
    const sameYear = from.slice(0, 4) === to.slice(0, 4)
    const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7)
    const first = !yearLast()
      ? dateFormat('whole').format(start)
      : sameMonth
        ? dayAlone(start)
        : dateFormat(sameYear ? 'dayMonth' : 'whole').format(start)
    return phrase('explain_from_to', { from: first, to: last })
  }
  if (from !== undefined) return phrase('explain_from', { date: formatDate(from) })
  if (to !== undefined) return phrase('explain_up_to', { date: formatDate(to) })
  return ''
}

/**
 * Whether the locale writes the year last (`4 November 2025`, `4 de noviembre de 2025`): only
 * then can the first date of a range leave out what it shares with the second.
 */
function yearLast(): boolean {
  const { locale } = explainWording()
  let last = yearLastByLocale.get(locale)
  if (last === undefined) {
    const parts = dateFormat('whole').formatToParts(new Date(Date.UTC(2025, 10, 4)))
    last = parts.filter((part) => part.type !== 'literal').at(-1)?.type === 'year'
    yearLastByLocale.set(locale, last)
  }
  return last
}

// Asked for every range a chart or a panel names (20,000 times in the 4,000-article bench): a
// locale's order of parts is found once.
const yearLastByLocale = new Map<string, boolean>()

/**
 * The day of `date` as the locale writes it before its month: `3` in English and French, `3.` in
 * German (`Intl` gives the bare number for a day alone), never the `de` of Spanish.
 */
function dayAlone(date: Date): string {
  const parts = dateFormat('dayMonth').formatToParts(date)
  const at = parts.findIndex((part) => part.type === 'day')
  const after = parts[at + 1]
  const mark =
    after?.type === 'literal' && /^\p{P}+$/u.test(after.value.trim()) ? after.value.trim() : ''
  return `${parts[at]?.value ?? ''}${mark}`
}

/** ` on 4 November 2025` for a date key, ` for Germany` for a label. */
export function formatKey(key: string): string {
  const formatted = formatDate(key)
  return formatted === key
    ? ` ${phrase('explain_for', { key })}`
    : ` ${phrase('explain_on', { date: formatted })}`
}

/**
 * A number in its unit: `$98,944.50` for a currency code (ISO 4217, as `Intl` knows it),
 * `4.2%`, `1,200 tonnes`, or the bare number without a unit.
 */
export function formatAmount(value: number, unit?: string): string {
  if (unit === undefined) return formatNumber(value)
  if (unit === '%') return phrase('explain_percent', { number: formatNumber(value) })
  if (/^[A-Z]{3}$/.test(unit)) {
    const currency = currencyFormat(unit, Number.isInteger(value) ? 0 : 2)
    if (currency !== undefined) return currency.format(value)
  }
  return `${formatNumber(value)} ${unit}`
}

const currencySymbols = new Map<string, boolean>()

/** Whole amounts read `€104`, others `€8.50`: cents are shown only when there are some. */
function currencyFormat(code: string, digits: 0 | 2): Intl.NumberFormat | undefined {
  const { locale } = explainWording()
  const format = cached(
    `currency ${locale} ${code} ${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: 2
      })
  )
  // `Intl` accepts all three-letter codes; only codes with a symbol of their own read as money.
  let symbol = currencySymbols.get(`${locale} ${code}`)
  if (symbol === undefined) {
    const written = format.formatToParts(1).find((part) => part.type === 'currency')?.value
    symbol = written !== code
    currencySymbols.set(`${locale} ${code}`, symbol)
  }
  return symbol ? format : undefined
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
      : phrase(result.value ? 'explain_holds' : 'explain_does_not_hold')
  if (result.kind === 'number' && result.label !== undefined)
    return capitalize(phrase('explain_labelled', { label: result.label, value: shown }))
  const read =
    files.length === 0
      ? phrase('explain_figures_given')
      : files.map(fileStem).join(phrase('explain_and'))
  return result.kind === 'number'
    ? phrase('explain_worked_out', { files: read, value: shown })
    : phrase('explain_comparison', { files: read, result: shown })
}

/** The sentences of a comparison that holds, and of one that does not, by operator. */
const relations = {
  '<': ['explain_below', 'explain_not_below'],
  '<=': ['explain_at_most', 'explain_not_at_most'],
  '>': ['explain_above', 'explain_not_above'],
  '>=': ['explain_at_least', 'explain_not_at_least']
} as const satisfies Record<string, readonly [ExplainKey, ExplainKey]>

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
  const [holds, fails] = relations[operator]
  const sentence = phrase(value ? holds : fails, { a: numberWords(left), b: numberWords(right) })
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
