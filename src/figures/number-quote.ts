/**
 * Bid-offer quotes (SPEC 5.1): `104.77-78` is the range [104.77, 104.78], the second number
 * standing for the last digits of the first. Markets write prices this way (`1.1050-60` is
 * [1.105, 1.106]); prose ranges (`10-12%`, `1.5-2%`, `2.5-6%`) stay what they say.
 */
import type { Amount } from './amount.js'
import type { TokenView } from './token-view.js'

/**
 * The high end of the range `low`-`high` as the quote means it: `high` with the digits of `low`
 * in front of its own, or `high` unchanged when the pair is no quote. A quote is written tight
 * (`104.77-78`), its second number bare digits no longer than the first's decimals, and the
 * quote's high end above its low one. One digit is a quote only when read alone it would fall
 * below the first (`104.7-8`), since `2.5-6%` is read by every editor as 2.5 to 6.
 */
export function quoteEnd(view: TokenView, low: Amount, high: Amount): Amount {
  const lowDigits = view.at(low.core)?.digits
  const highDigits = view.at(high.core)?.digits
  if (!lowDigits?.decimal || lowDigits.grouped || !highDigits) return high
  if (highDigits.decimal || highDigits.grouped || high.core !== high.first) return high
  if (low.last !== low.core || !view.attached(high.first) || !view.attached(high.first - 1)) {
    return high
  }
  const written = lowDigits.plain
  const tail = highDigits.plain
  const decimals = written.length - written.indexOf('.') - 1
  if (tail.length > decimals) return high
  const quoted = written.slice(0, written.length - tail.length) + tail
  if (Number(quoted) <= Number(written)) return high
  if (tail.length < 2 && Number(tail) > Number(written)) return high
  return { ...high, plain: quoted }
}
