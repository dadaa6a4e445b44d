/**
 * Writes a figure's value the way a reader of the article would: in the figure's unit, with
 * thousands separators, and big amounts in words (`$1.95 billion`), so that a verdict message can
 * be pasted into a correction note as it is (SPEC 6: "the message gives stated and actual values").
 */

/** How to write a value. */
export interface FormatOptions {
  /** Show `+` on positive values; used where the value is a change and its sign matters. Default `false`. */
  signed?: boolean
  /** Most fraction digits shown, trailing zeros trimmed. Default `2`. */
  decimals?: number
}

const currencySymbols: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥'
}

// Scales at which an amount reads better in words than in digits.
const scales: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million']
]

// Creating an Intl.NumberFormat costs far more than formatting with one; a build formats tens of
// thousands of values with a handful of precisions.
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(
  minimumFractionDigits: number,
  maximumFractionDigits: number
): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`
  let format = formats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits,
      maximumFractionDigits,
      useGrouping: true
    })
    formats.set(key, format)
  }
  return format
}

/**
 * Formats `value` in `unit` (`%`, `pp`, an ISO currency code, a counted noun, or null).
 * Money with cents shows two fraction digits (`$98,944.50`); amounts of a million and more are
 * written with a scale word (`$1.95 billion`, `2.1 million investors`).
 */
export function formatValue(
  value: number,
  unit: string | null,
  options: FormatOptions = {}
): string {
  const signed = options.signed ?? false
  const decimals = options.decimals ?? 2
  const magnitude = Math.abs(value)
  const money = unit !== null && isCurrencyCode(unit)
  const scale =
    unit === '%' || unit === 'pp' ? undefined : scales.find(([size]) => magnitude >= size)

  const shown = scale ? magnitude / scale[0] : magnitude
  const cents = money && !scale && !Number.isInteger(roundTo(shown, decimals))
  const digits = numberFormat(
    cents ? 2 : 0,
    Math.max(cents ? 2 : 0, Math.min(decimals, 20))
  ).format(shown)

  const isZero = /^[0.,]+$/.test(digits)
  const sign = isZero ? '' : value < 0 ? '-' : signed ? '+' : ''
  const number = scale ? `${digits} ${scale[1]}` : digits

  if (unit === null) return sign + number
  if (unit === '%') return `${sign}${number}%`
  if (unit === 'pp') return `${sign}${number} pp`
  if (money) {
    const symbol = currencySymbols[unit]
    return symbol === undefined ? `${sign}${unit} ${number}` : `${sign}${symbol}${number}`
  }
  return `${sign}${number} ${unit}`
}

/** Formats a tolerance fraction as a percent for messages: `0.05` -> `5%`. */
export function formatFraction(fraction: number): string {
  return `${roundTo(fraction * 100, 4)}%`
}

// Counted nouns are lower-cased by detection (SPEC 5), so three capitals can only be a currency.
function isCurrencyCode(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit)
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** Math.min(decimals, 15)
  return Math.round(value * factor) / factor
}
