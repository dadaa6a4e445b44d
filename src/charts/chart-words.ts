/**
 * The words of a check's chart (issue 19): its accessible name says which series and which dates
 * it shows, its description what is marked on it, in the data dictionary's words (the same ones
 * the panel's explanation uses) and never the alias an article bound the file to.
 */
import { describePlace } from '../data/dictionary-words.js'
import { formatDate, formatRange, phrase } from '../checks/expression/explain.js'
import { explainWording } from '../i18n/explain-words.js'
import type { SeriesRead } from '../checks/expression/reads.js'
import type { ChartWindow } from './chart-window.js'

/** `Bitcoin's closing price from 28 October to 10 November 2025`. */
export function chartTitle(read: SeriesRead, window: ChartWindow): string {
  const first = window.points[0]?.key
  const last = window.points[window.points.length - 1]?.key
  const label = describePlace(read)
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${formatRange(first, last)}`.trim()
}

/**
 * `Dots mark the values the check read: 3 November 2025 and 4 November 2025. The shaded band is
 * what the figure “over 7%” allows.` Ranges read whole are named as shaded columns.
 */
export function chartDescription(read: SeriesRead, figure: string | undefined): string {
  const sentences: string[] = []
  if (read.points.length > 0) {
    const dates = listWords(read.points.map(formatDate))
    // The site's plural rule picks the form; Chinese and Japanese have only the "other" one.
    const one = pluralRules(explainWording().locale).select(read.points.length) === 'one'
    sentences.push(phrase(one ? 'explain_chart_dots_one' : 'explain_chart_dots_other', { dates }))
  }
  if (read.ranges.length > 0) {
    const spans = listWords(read.ranges.map(([first, last]) => formatRange(first, last)))
    sentences.push(phrase('explain_chart_ranges', { spans }))
  }
  if (figure !== undefined) sentences.push(phrase('explain_chart_band', { figure }))
  return sentences.join(' ')
}

/**
 * The plural rules of `locale`, made once: making an `Intl.PluralRules` costs tens of microseconds,
 * and every chart's description asks for one (0.6 s of each worker thread's 18 s in a profile of
 * the 4,000-article bench's cold build, against 4 ms for 20,000 answers of one kept).
 */
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale)
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale)
    rulesByLocale.set(locale, rules)
  }
  return rules
}

const rulesByLocale = new Map<string, Intl.PluralRules>()

// `a`, `a and b`, `a, b and c`, with the site's word for "and".
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')}${phrase('explain_and')}${items[items.length - 1] ?? ''}`
}
