/**
 * Checked values as a reader of the fact-check panel sees them: grouped digits in the site's
 * language, two decimals for ordinary magnitudes, three significant digits for tiny ones.
 */
import { siteLocale } from './dates.js'

/** Formatters by locale and kind: building one costs far more than using it. */
const formatters = new Map<string, Intl.NumberFormat>()

/** `value` formatted for `language`; an em dash when there is no value. */
export function formatValue(value: number | null, language: string): string {
  if (value === null || !Number.isFinite(value)) return '—'
  const tiny = value !== 0 && Math.abs(value) < 1
  const locale = siteLocale(language)
  const key = `${locale} ${tiny ? 'tiny' : 'plain'}`
  let formatter = formatters.get(key)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(
      locale,
      tiny ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 }
    )
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}
