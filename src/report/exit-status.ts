/**
 * The exit status of a build (SPEC 7): 0 passed (warnings allowed), 1 a fact check failed,
 * 2 an input error, also when fact checks failed too, because bad input makes every other verdict
 * suspect.
 */
import { isRuleId, ruleIds, rules } from '../rules.js'
import type { RuleId } from '../rules.js'
import type { Problem } from '../types.js'

/** Rules whose errors are input errors: the catalogue's `input` kind. */
export const inputRules: ReadonlySet<RuleId> = new Set(
  ruleIds.filter((id) => rules[id].kind === 'input')
)

/** Exit status for `problems`: 2 on any input error, else 1 on any error, else 0. */
export function exitStatus(problems: Iterable<Problem>): 0 | 1 | 2 {
  let status: 0 | 1 | 2 = 0
  for (const problem of problems) {
    if (problem.severity !== 'error') continue
    if (isInputRule(problem.rule)) return 2
    status = 1
  }
  return status
}

function isInputRule(rule: string): boolean {
  return isRuleId(rule) && rules[rule].kind === 'input'
}
