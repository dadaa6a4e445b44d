/**
 * Turns schema validation issues into positioned problems. Both site settings and article
 * frontmatter are validated by zod schemas; this is where their issues get a line and column.
 */
import type { core } from 'zod'
import type { ParsedYaml } from '../yaml/parse-yaml.js'
import type { Problem } from '../types.js'
import type { RuleId } from '../rules.js'

/** Where the YAML starts in its file, so YAML positions become file positions. */
export interface YamlOrigin {
  /** Lines before the YAML text in the file (1 for frontmatter after its `---` line). */
  lineOffset: number
}

/**
 * The `params` of a custom issue about a key itself rather than its value (a misspelt key): the
 * problem is placed at the key, and its message is used as written.
 */
export const aboutTheKey = Object.freeze({ about: 'key' })

/** Converts zod issues to error problems positioned at the offending key or value. */
export function issuesToProblems(
  issues: readonly core.$ZodIssue[],
  yaml: ParsedYaml,
  origin: YamlOrigin,
  rule: RuleId,
  describeKey: (path: string) => string
): Problem[] {
  const problems: Problem[] = []
  for (const issue of issues) {
    const path = issue.path.filter(
      (segment): segment is string | number => typeof segment !== 'symbol'
    )
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const point = yaml.pointOf([...path, key], { key: true })
        problems.push(
          at(
            point,
            origin,
            rule,
            `unknown key ${describeKey(joinPath([...path, key]))}; remove it or fix its spelling`
          )
        )
      }
      continue
    }
    if (issue.code === 'custom' && issue.params?.about === aboutTheKey.about) {
      problems.push(at(yaml.pointOf(path, { key: true }), origin, rule, issue.message))
      continue
    }
    const missing = issue.input === undefined
    const point = yaml.pointOf(path, { key: missing })
    const name = describeKey(joinPath(path))
    const message = missing
      ? `missing required key ${name}`
      : `${name}: ${issue.message.replace(/^Invalid input: /, '')}`
    problems.push(at(point, origin, rule, message))
  }
  return problems
}

/** Dotted path as editors write it: `factcheck.tolerance.about`, `checks[2].expr`. */
export function joinPath(path: readonly (string | number)[]): string {
  let text = ''
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`
  }
  return text
}

function at(
  point: { line: number; column: number },
  origin: YamlOrigin,
  rule: RuleId,
  message: string
): Problem {
  return {
    severity: 'error',
    line: point.line + origin.lineOffset,
    column: point.column,
    rule,
    message
  }
}
