/**
 * Asserts (SPEC 6): a yes/no expression about the data, with the words of the body it supports.
 * Each assert ends verified, contradicted or error, and every failure is a problem positioned at
 * the assert's entry in the frontmatter.
 */
import type { VFile } from 'vfile'
import { report } from '../article/article-file.js'
import type { AssertResult, AssertSpec, Prose } from '../types.js'
import type { Evaluation } from './expression/evaluate-expression.js'
import { findSays } from './bind-check.js'
import { tokenPoint } from './expression-place.js'

/** Asserts judged; the problems they raise are messages on the article's file. */
export interface AssertOutcome {
  results: AssertResult[]
}

/**
 * Evaluates every assert. The expression must give a boolean and `says` must occur in the body;
 * an assert that fails both reports both, so one run shows every problem.
 */
export function checkAsserts(
  file: VFile,
  asserts: readonly AssertSpec[],
  prose: Prose,
  evaluate: (source: string) => Evaluation,
  places: { markdown: string; runs?: readonly number[][] } = { markdown: '' }
): AssertOutcome {
  const results: AssertResult[] = []

  for (const [index, assert] of asserts.entries()) {
    const at = { line: assert.line, column: assert.column }
    const errors: string[] = []

    if (!findSays(assert.says, prose)) {
      const message = `the words "${assert.says}" of an assert are not in the body`
      errors.push(message)
      report(file, 'assert-says-not-found', message, at)
    }

    const evaluation = evaluate(assert.expr)
    let holds: boolean | undefined
    if (!evaluation.ok) {
      errors.push(evaluation.message)
      // A data file that did not load is reported once, at the article's `data:` entry.
      const token = tokenPoint(evaluation, assert.expr, places.runs?.[index], places.markdown)
      if (evaluation.reportedElsewhere !== true)
        report(file, evaluation.rule, evaluation.message, token ?? at)
    } else if (typeof evaluation.value !== 'boolean') {
      const message = `expression gives ${evaluation.value}, an assert needs true or false`
      errors.push(message)
      report(file, 'check-error', message, at)
    } else {
      holds = evaluation.value
    }

    let contradiction = ''
    if (holds === false) {
      contradiction = `the data does not support "${assert.says}": ${assert.expr} is false`
      report(file, 'assert-contradicted', contradiction, at)
    }

    const [firstError] = errors
    results.push({
      expr: assert.expr,
      says: assert.says,
      status: firstError !== undefined ? 'error' : holds === true ? 'verified' : 'contradicted',
      message: firstError ?? contradiction
    })
  }

  return { results }
}
