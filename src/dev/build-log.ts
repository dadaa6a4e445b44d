/**
 * What the dev server prints for each build (SPEC 7): the CLI's summary line and the errors, and
 * one line naming what changed before a rebuild.
 */
import { runSummaryLine } from '../report/summary-line.js'
import type { BuildResult } from '../build.js'
import { problemLine, problemsOf } from './overlay.js'

/** Logs the summary line of `result`, built in `ms`, and each of its errors. */
export function logResult(log: (line: string) => void, result: BuildResult, ms: number): void {
  // The CLI's summary line, so that the terminal reads the same in dev as in a build.
  log(
    runSummaryLine({
      command: 'dev',
      report: result.report,
      exit: result.exit,
      written: result.files.length,
      ms
    })
  )
  if (result.exit === 0) return
  for (const problem of problemsOf(result.report)) {
    if (problem.severity === 'error') log(`  ${problemLine(problem)}`)
  }
  if (result.files.length === 0)
    log('factdesk dev: this build made no pages; still serving the last good build')
}

export function describeChange(paths: readonly string[]): string {
  const [first] = paths
  return paths.length === 1 && first !== undefined ? first : `${paths.length} files`
}
