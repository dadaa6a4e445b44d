/**
 * `--format github` (SPEC 7): GitHub Actions workflow commands, so each problem shows as an
 * annotation on the line of the pull request it is about.
 */
import { rules, rulesIn } from '../rules.js'
import type { Report } from '../types.js'
import { foldLine, foldWarnings } from './fold-warnings.js'
import { summaryLine } from './summary-line.js'
import { escapeControls } from './terminal-safe.js'

/**
 * One `::error` or `::warning` command per problem, but for a rule with more than `foldAbove`
 * warnings: GitHub shows only 10 warning annotations of a step, so its first `keptWhenFolded` are
 * annotated and one `::notice` says how many there are and that `--format json` lists them all
 * (a notice, so that it does not take the place of a warning that is shown). Then the hint of each rule they name in a
 * folded log group, then the summary as a plain line. An annotation's `title` stays the rule id:
 * CI filters and log searches match on it, as they do on the JSON report's `rule`; the
 * catalogue's words go in the group, once per rule, rather than into every annotation's message,
 * which stays the problem's own.
 * Escaping follows the workflow-command rules of the Actions runner: data escapes `%`, CR and LF;
 * property values also escape `:` and `,`, which would end the value. The log is also printed as
 * it comes, so other control characters from content are shown escaped (see terminal-safe.ts).
 */
export function formatGithub(report: Report): string {
  const lines: string[] = []
  const { listed, folds } = foldWarnings(
    report.articles.flatMap((entry) =>
      entry.problems.map((problem) => ({ problem, file: problem.file ?? entry.file }))
    )
  )
  for (const { problem, file } of listed) {
    const properties = [
      `file=${escapeProperty(file)}`,
      `line=${problem.line}`,
      `col=${problem.column}`,
      `title=${escapeProperty(problem.rule)}`
    ].join(',')
    lines.push(`::${problem.severity} ${properties}::${escapeData(problem.message)}`)
  }
  for (const fold of folds)
    lines.push(`::notice title=${escapeProperty(fold.rule)}::${escapeData(foldLine(fold))}`)
  const named = rulesIn(report.articles.flatMap((entry) => entry.problems))
  if (named.length > 0) {
    lines.push('::group::what to do')
    for (const id of named) lines.push(`${id}: ${rules[id].hint}`)
    lines.push('::endgroup::')
  }
  lines.push(summaryLine(report.summary))
  return `${lines.join('\n')}\n`
}

/** Escapes the message of a workflow command. */
export function escapeData(text: string): string {
  // Line breaks are left to the runner's own `%0D`/`%0A`, which it turns back into line breaks.
  return escapeControls(text, { keepLineBreaks: true })
    .replaceAll('%', '%25')
    .replaceAll('\r', '%0D')
    .replaceAll('\n', '%0A')
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
