/**
 * Why an expression could not be parsed or evaluated, in words a data editor can act on (SPEC 6).
 * Thrown inside the parser and evaluator, where unwinding is the simplest way out of any depth,
 * and always caught at their public entry points, which return it as a value.
 */
import { distance } from 'fastest-levenshtein'

/** Rule ids an expression failure can carry (see `src/rules.ts`). */
export type FailureRule = 'expression-syntax' | 'check-error' | 'data-value'

/** A failure with its permanent rule and, when known, a 1-based column in the expression. */
export class ExpressionFailure extends Error {
  override readonly name = 'ExpressionFailure'
  constructor(
    readonly rule: FailureRule,
    message: string,
    public column?: number
  ) {
    super(message)
  }
}

/**
 * The known name closest to `name`, when it is close enough to be a likely typo: two edits (a
 * swapped pair of letters counts two) or a third of the name, whichever is more, and fewer edits
 * than the name has letters, so that `bct` suggests `btc` but `gold` does not.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.min(Math.max(2, Math.ceil(name.length / 3)), name.length - 1)
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const edits = distance(name.toLowerCase(), candidate.toLowerCase())
    if (edits < bestDistance && edits <= limit) {
      best = candidate
      bestDistance = edits
    }
  }
  return best
}

/** ` (did you mean "x"?)` for a likely typo, or an empty string. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const closest = closestName(name, known)
  return closest === undefined ? '' : ` (did you mean "${closest}"?)`
}

/**
 * `columns: open, high, low, close; did you mean "close"?`: the names a data editor can choose
 * from (the first 20), and the likely one. Labels are quoted, as they may hold commas.
 */
export function choices(
  what: string,
  names: readonly string[],
  wanted: string,
  quote = false
): string {
  const shown = names.slice(0, 20).map((name) => (quote ? `"${name}"` : name))
  const more = names.length > 20 ? ', …' : ''
  const closest = closestName(wanted, names)
  return `${what}: ${shown.join(', ')}${more}${closest === undefined ? '' : `; did you mean "${closest}"?`}`
}
