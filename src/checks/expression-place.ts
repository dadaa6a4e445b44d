/**
 * Where in the article file a part of a check's expression was written (issue 18, item 5): an
 * error in `expr: pct_change(btc.closing, ...)` is reported at `btc.closing` inside the YAML
 * scalar, quoted, plain or block, not at the check's entry, so an editor's cursor lands on it.
 */
import { offsetsOfRuns } from '../content/prose-places.js'
import type { Evaluation } from './expression/evaluate-expression.js'

/** A 1-based position in the article file. */
export interface FilePoint {
  line: number
  column: number
}

/**
 * The position of the `column`-th character (1-based) of `expr`, written where `runs` say
 * (`ProsePlaces.checks`), in `text`, the article file (or its Markdown, which keeps every offset
 * and line break of it); undefined when the runs are not known.
 */
export function pointInExpression(
  text: string,
  expr: string,
  runs: readonly number[] | undefined,
  column: number
): FilePoint | undefined {
  if (runs === undefined || expr.length === 0) return undefined
  const index = Math.min(Math.max(column - 1, 0), expr.length - 1)
  // Only the characters up to the one wanted are placed: an error never costs the whole string.
  const offset = offsetsOfRuns(runs, index + 1)[index]
  return offset === undefined ? undefined : pointAt(text, offset)
}

/**
 * Where the part of `expr` a failed evaluation names was written, when the expression's place in
 * the file is known: the message then needs no "column N of the expression". Undefined for a
 * failure the article reports elsewhere, or one without a column.
 */
export function tokenPoint(
  evaluation: Evaluation,
  expr: string,
  runs: readonly number[] | undefined,
  text: string
): { line: number; column: number } | undefined {
  if (evaluation.ok || evaluation.reportedElsewhere === true || evaluation.column === undefined)
    return undefined
  return pointInExpression(text, expr, runs, evaluation.column)
}

/** The 1-based line and column of `offset` in `text`, counting lines as the YAML parser does. */
export function pointAt(text: string, offset: number): FilePoint {
  const at = Math.min(Math.max(offset, 0), text.length)
  let line = 1
  let lineStart = 0
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < at;
    index = text.indexOf('\n', index + 1)
  ) {
    line++
    lineStart = index + 1
  }
  return { line, column: at - lineStart + 1 }
}
