import { describe, expect, it } from 'vitest'
import { exitStatus, inputRules } from '../../src/report/exit-status.js'
import type { Problem, Severity } from '../../src/types.js'
import type { RuleId } from '../../src/rules.js'

function problem(severity: Severity, rule: RuleId): Problem {
  return { severity, line: 1, column: 1, rule, message: rule }
}

describe('exitStatus', () => {
  it.each([
    [[], 0],
    [[problem('warning', 'figure-unchecked'), problem('warning', 'frontmatter')], 0],
    [[problem('error', 'figure-contradicted')], 1],
    [[problem('warning', 'settings'), problem('error', 'check-not-found')], 1],
    [[problem('error', 'frontmatter')], 2],
    [[problem('error', 'figure-contradicted'), problem('error', 'data-malformed')], 2],
    [[problem('error', 'template-error'), problem('error', 'figure-contradicted')], 2]
  ] as const)('exits %j with %i', (problems, status) => {
    expect(exitStatus(problems)).toBe(status)
  })

  it.each([...inputRules])('treats an error of rule %s as an input error', (rule) => {
    expect(exitStatus([problem('error', rule)])).toBe(2)
  })

  it.each([
    'expression-syntax',
    'check-error',
    'data-value',
    'assert-contradicted',
    'figure-unchecked'
  ] as const)('treats an error of rule %s as a failed fact check', (rule) => {
    expect(exitStatus([problem('error', rule)])).toBe(1)
  })

  // Photos, public/ files and embeds are input like articles and data (issue 18).
  it('lists exactly the input rules of SPEC 7', () => {
    expect([...inputRules].sort()).toEqual([
      'article-too-deep',
      'article-unreadable',
      'build-crash',
      'data-description',
      'data-malformed',
      'data-unreadable',
      'embed-dropped',
      'frontmatter',
      'image-alt',
      'image-missing',
      'image-unreadable',
      'output-unwritable',
      'path-unsafe',
      'permalink-duplicate',
      'public-collision',
      'public-unreadable',
      'settings',
      'template-error'
    ])
  })

  it('reads problems from any iterable', () => {
    function* problems(): Generator<Problem> {
      yield problem('warning', 'figure-unchecked')
      yield problem('error', 'figure-contradicted')
    }
    expect(exitStatus(problems())).toBe(1)
  })
})
