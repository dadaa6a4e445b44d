/**
 * Signs before a number (SPEC 5.1): `-`/`−` and `+` give a direction, `±` and `+/-` a margin;
 * a dash glued between two numbers is no sign but the joiner of a pair.
 */
import type { TokenView } from './token-view.js'

/** Whether each sign is a minus (true) or a plus (false). */
export const signs: ReadonlyMap<string, boolean> = new Map([
  ['-', true],
  ['−', true],
  ['+', false]
])

/**
 * Tokens of a margin sign at `index` before the number: 1 for `±`, 3 for `+/-`, glued to it or
 * one space before it (`± 2`, `+/- 3 points`, the way polls state their margin); 0 when there is
 * none.
 */
export function marginLength(view: TokenView, index: number): number {
  if (view.symbol(index) === '±' && (view.attached(index + 1) || view.spaced(index + 1))) return 1
  const plusMinus =
    view.symbol(index) === '+' &&
    view.symbol(index + 1) === '/' &&
    view.symbol(index + 2) === '-' &&
    view.attached(index + 1) &&
    view.attached(index + 2) &&
    (view.attached(index + 3) || view.spaced(index + 3))
  return plusMinus ? 3 : 0
}

/**
 * A dash glued between a number (or its `%`) and the next number: the joiner of a pair that
 * `amountFigure` did not join into a range, a descending poll or score (`50%-46%`, `3-1`).
 */
export function isPairDash(view: TokenView, index: number): boolean {
  const dash = view.symbol(index)
  if (dash !== '-' && dash !== '–') return false
  if (!view.attached(index) || !view.attached(index + 1) || !view.isNumber(index + 1)) return false
  return view.isNumber(index - 1) || view.symbol(index - 1) === '%'
}
