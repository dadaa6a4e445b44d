/**
 * Why an expression could not be parsed or evaluated, in words a data editor can act on (SPEC 6).
 * Thrown inside the parser and evaluator, where unwinding is the simplest way out of any depth,
 * and always caught at their public entry points, which return it as a value.
 */
import { nameReach, nearestTo } from '../../text/did-you-mean.js'

/** Rule ids an expression failure can carry (see `src/rules.ts`). */
export type FailureRule = 'expression-syntax' | 'check-error' | 'data-value'

/** A failure with its permanent rule and, when known, a 1-based column in the expression. */
export class ExpressionFailure extends Error {
  override readonly name = 'ExpressionFailure'
  /**
   * The failure is a problem of the article reported once elsewhere (a `data:` path that did not
   * load, at its entry): the check fails without a message of its own.
   */
  reportedElsewhere = false
  constructor(
    readonly rule: FailureRule,
    message: string,
    public column?: number
  ) {
    super(message)
  }
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
  const near = nearestTo(wanted, names, { reach: nameReach })
  return `${what}: ${shown.join(', ')}${more}${near === undefined ? '' : `; did you mean "${near.candidate}"?`}`
}
