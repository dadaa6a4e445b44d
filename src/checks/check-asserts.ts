/**
 * Asserts (SPEC 6): a yes/no expression about the data, with the words of the body it supports.
 * Each assert ends verified, contradicted or error, and every failure is a problem positioned at
 * the assert's entry in the frontmatter.
 */
import type { AssertResult, AssertSpec, Problem, Prose } from '../types.js'
import type { Evaluation } from './expression/evaluate-expression.js'
import { findSays } from './bind-check.js'

/** Asserts judged, with the problems they raise (severities as in `standard` mode). */
export interface AssertOutcome {
  results: AssertResult[]
  problems: Problem[]
}

/**
 * Evaluates every assert. The expression must give a boolean and `says` must occur in the body;
 * an assert that fails both reports both, so one run shows every problem.
 */
export function checkAsserts(
  asserts: readonly AssertSpec[],
  prose: Prose,
  evaluate: (source: string) => Evaluation
): AssertOutcome {
  const results: AssertResult[] = []
  const problems: Problem[] = []

  for (const assert of asserts) {
    const at = { line: assert.line, column: assert.column }
    const errors: string[] = []

    if (!findSays(assert.says, prose)) {
      const message = `the words "${assert.says}" of an assert are not in the body`
      errors.push(message)
      problems.push({ severity: 'error', ...at, rule: 'assert-says-not-found', message })
    }

    const evaluation = evaluate(assert.expr)
    let holds: boolean | undefined
    if (!evaluation.ok) {
      errors.push(evaluation.message)
      problems.push({
        severity: 'error',
        ...at,
        rule: evaluation.rule,
        message: evaluation.message
      })
    } else if (typeof evaluation.value !== 'boolean') {
      const message = `expression gives ${evaluation.value}, an assert needs true or false`
      errors.push(message)
      problems.push({ severity: 'error', ...at, rule: 'check-error', message })
    } else {
      holds = evaluation.value
    }

    let contradiction = ''
    if (holds === false) {
      contradiction = `the data does not support "${assert.says}": ${assert.expr} is false`
      problems.push({
        severity: 'error',
        ...at,
        rule: 'assert-contradicted',
        message: contradiction
      })
    }

    const [firstError] = errors
    results.push({
      expr: assert.expr,
      says: assert.says,
      status: firstError !== undefined ? 'error' : holds === true ? 'verified' : 'contradicted',
      message: firstError ?? contradiction
    })
  }

  return { results, problems }
}
