/**
 * Problems of files other than articles (settings, templates, data, public/, the output folder)
 * added to the report as entries of their own, so the summary, exit status and every format count
 * them as they count an article's.
 */
import { exitStatus } from './exit-status.js'
import type { BuildResult } from '../build.js'
import type { Problem, Report, ReportArticle } from '../types.js'

/** `result` with output problems added to its report, failing it as input errors (exit 2). */
export function withProblems(
  result: Omit<BuildResult, 'written'>,
  problems: readonly Problem[]
): Omit<BuildResult, 'written'> {
  if (problems.length === 0) return result
  const report = addSiteProblems(result.report, problems)
  return { ...result, report, exit: exitStatus(report.articles.flatMap((entry) => entry.problems)) }
}

/** `report` with `problems` of files other than articles added as their own entries. */
export function addSiteProblems(report: Report, problems: readonly Problem[]): Report {
  const byFile = new Map<string, Problem[]>()
  for (const { file = '', ...problem } of problems)
    byFile.set(file, [...(byFile.get(file) ?? []), problem])
  const added = [...byFile].map(([file, own]): ReportArticle => ({
    file,
    slug: '',
    url: '',
    mode: 'standard',
    figures: [],
    asserts: [],
    problems: own
  }))
  const articles = [...report.articles, ...added]
  const all = articles.flatMap((entry) => entry.problems)
  const count = (severity: string): number =>
    all.filter((problem) => problem.severity === severity).length
  return {
    ...report,
    summary: {
      ...report.summary,
      errors: count('error'),
      warnings: count('warning'),
      exit: exitStatus(all)
    },
    articles
  }
}
