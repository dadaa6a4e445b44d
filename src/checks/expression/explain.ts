/**
 * Plain words for the fact-check panel (SPEC 8): what a check computed, e.g.
 * `btc close fell 7.41% from 3 Nov to 4 Nov 2025`. Functions describe their own results while they
 * evaluate (they know the series and dates); this module holds the shared formats and the fallback
 * `<expr> = <value>` for everything else. Formats are fixed (English, `en-US` digits) so that the
 * same input builds the same pages on any machine (SPEC 8).
 */
import { collapseWhitespace } from '../../text/whitespace.js'
import type { BooleanValue, NumberValue } from './values.js'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true })

/** `1,950,000,000`, `98,944.5`, `-7.41`: thousands separators, at most 2 decimals. */
export function formatNumber(value: number): string {
  const text = numberFormat.format(value)
  // Rounding can leave a negative zero (`-0.001` -> `-0`), which reads as a sign error.
  return text === '-0' ? '0' : text
}

/** `4 Nov 2025` for an ISO date; anything else is returned as it is. */
export function formatDate(date: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (parts === null) return date
  return `${Number(parts[3])} ${months[Number(parts[2]) - 1] ?? parts[2]} ${parts[1]}`
}

/**
 * `from 3 Nov to 4 Nov 2025` (the year once when both dates share it), `from 1 Jul 2025`,
 * `up to 4 Nov 2025`, or `` for a whole series.
 */
export function formatRange(from?: string, to?: string): string {
  if (from !== undefined && to !== undefined) {
    const first = formatDate(from)
    const last = formatDate(to)
    const sameYear = from.slice(0, 4) === to.slice(0, 4) && first !== from && last !== to
    return `from ${sameYear ? first.slice(0, -5) : first} to ${last}`
  }
  if (from !== undefined) return `from ${formatDate(from)}`
  if (to !== undefined) return `up to ${formatDate(to)}`
  return ''
}

/** ` on 4 Nov 2025` for a date key, ` for Germany` for a label. */
export function formatKey(key: string): string {
  const formatted = formatDate(key)
  return formatted === key ? ` for ${key}` : ` on ${formatted}`
}

/**
 * The explanation of a check's result: the sentence its function wrote, else its label and value,
 * else the expression as written and its value.
 */
export function explainResult(result: NumberValue | BooleanValue, source: string): string {
  if (result.sentence !== undefined) return result.sentence
  const shown = result.kind === 'number' ? formatNumber(result.value) : String(result.value)
  if (result.kind === 'number' && result.label !== undefined) return `${result.label}: ${shown}`
  return `${collapseWhitespace(source)} = ${shown}`
}
