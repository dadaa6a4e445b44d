/**
 * Reads the currency written before a number (SPEC 5.2): a sign (`$`, `€`), letters glued to a
 * sign on either side (`US$`, `$US`, `CN¥`), `Rs`/`Rs.`, or an ISO code (`JPY`, `RMB`), each
 * glued to the number or one space before it (`$ 4 billion`, `RMB279.12 billion`, `CHF 5`).
 */
import type { TokenView } from './token-view.js'
import {
  currencyCodes,
  currencyPrefixWords,
  currencySignPrefixes,
  currencySignSuffixes,
  currencySigns
} from './currency-lexicon.js'

/** A currency before the number, and the token of the number. */
export interface CurrencyRead {
  code: string
  next: number
  /** True when one space stands between the currency and the number (`USD 5`, `$ 4`). */
  spaced: boolean
}

/** The currency written at token `index` before a number, or null when there is none. */
export function readCurrency(view: TokenView, index: number): CurrencyRead | null {
  const written = view.at(index)
  if (written === undefined) return null
  let named: { code: string; next: number } | null = null
  if (written.kind === 'word') named = namedByLetters(view, index, written.text)
  else if (written.kind === 'symbol') named = namedBySign(view, index, written.text)
  if (named === null || !view.isNumber(named.next)) return null
  if (view.attached(named.next)) return { code: named.code, next: named.next, spaced: false }
  return oneSpaceBefore(view, named.next)
    ? { code: named.code, next: named.next, spaced: true }
    : null
}

/** `US$`, `HK$`, `CN¥`; `Rs` and `Rs.`; a code (`USD`, `RMB`). */
function namedByLetters(
  view: TokenView,
  index: number,
  letters: string
): { code: string; next: number } | null {
  const sign = view.attachedSymbol(index + 1)
  const prefixed = sign === undefined ? undefined : currencySignPrefixes.get(letters + sign)
  if (prefixed !== undefined) return { code: prefixed, next: index + 2 }
  const word = currencyPrefixWords.get(letters)
  if (word !== undefined) {
    // `Rs.` takes its full stop with it (`Rs. 5 billion`, `Rs.5`).
    return { code: word, next: sign === '.' ? index + 2 : index + 1 }
  }
  // `US60¢` (Australian papers quoting the US dollar in cents): `US` counts only before cents.
  if (letters === 'US' && view.attached(index + 1) && view.attachedSymbol(index + 2) === '¢') {
    return { code: 'USD', next: index + 1 }
  }
  const code = currencyCodes.get(letters)
  return code === undefined ? null : { code, next: index + 1 }
}

/** `$`, `€`, `£` ...; `$US`, `$A`. */
function namedBySign(
  view: TokenView,
  index: number,
  sign: string
): { code: string; next: number } | null {
  const code = currencySigns.get(sign)
  if (code === undefined) return null
  const letters = view.attached(index + 1) ? view.writtenWord(index + 1) : undefined
  const suffixed = letters === undefined ? undefined : currencySignSuffixes.get(sign + letters)
  return suffixed === undefined ? { code, next: index + 1 } : { code: suffixed, next: index + 2 }
}

/** Exactly one space character between the token at `index` and the one before it. */
function oneSpaceBefore(view: TokenView, index: number): boolean {
  const before = view.at(index - 1)
  const token = view.at(index)
  return view.spaced(index) && before !== undefined && token !== undefined
    ? token.start - before.end === 1
    : false
}
