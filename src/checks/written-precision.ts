/**
 * The precision a figure is written in, read from its source text (SPEC 5, the `exact` rule):
 * `14%` is stated to the unit, `7.41` to the hundredth, `$1.9 billion` to the hundred million.
 * The value alone cannot tell `7.4` from `7.40`, so the written digits decide.
 */
import type { Figure } from '../types.js'

/** What the written number says about precision. */
export interface WrittenPrecision {
  /** One unit of the last significant digit, scale applied: `$1.9 billion` -> 100,000,000. */
  unit: number
  /** Fraction digits as written, before the scale: `$1.9 billion` -> 1, `470,000` -> 0. */
  decimals: number
}

const scaleWords: ReadonlyArray<readonly [RegExp, number]> = [
  [/\btrillion\b/i, 1e12],
  [/\bbillion\b/i, 1e9],
  [/\bmillion\b/i, 1e6],
  [/\bthousand\b/i, 1e3]
]

/**
 * Reads the precision of `figure` from its text. Trailing zeros of a whole number are not
 * significant (`$99,000` is stated to the thousand, `470,000` to the ten thousand), as a reporter
 * rounding to a round number means. Numbers spelled out (`three`, `two million`) are whole units
 * of their scale.
 */
export function writtenPrecision(figure: Pick<Figure, 'text' | 'value'>): WrittenPrecision {
  const stated = Array.isArray(figure.value) ? figure.value[0] : figure.value
  const written = /\d[\d,]*(?:\.\d+)?/.exec(figure.text)?.[0]

  if (written === undefined) {
    const scale = scaleWords.find(([word]) => word.test(figure.text))?.[1] ?? 1
    return { unit: scale, decimals: 0 }
  }

  const [whole = '', fraction = ''] = written.replaceAll(',', '').split('.')
  const number = Number.parseFloat(`${whole}.${fraction || '0'}`)
  const scale = scaleOf(stated, number)

  if (fraction.length > 0) {
    return { unit: 10 ** -fraction.length * scale, decimals: fraction.length }
  }
  const trailingZeros = /^0+$/.test(whole) ? 0 : (/0*$/.exec(whole)?.[0].length ?? 0)
  return { unit: 10 ** trailingZeros * scale, decimals: 0 }
}

// The scale is a power of ten (`k`, `bn`, `million`, ...); rounding its logarithm keeps
// floating-point noise in `stated / written` from leaking into the precision.
function scaleOf(stated: number, written: number): number {
  if (written === 0 || stated === 0) return 1
  return 10 ** Math.round(Math.log10(Math.abs(stated) / written))
}
