/** Runs the CLI in-process and captures what it prints. */
import { main } from '../../src/cli.js'
import type { Report } from '../../src/types.js'

/** Exit status and output of one CLI run. */
export interface CliRun {
  exit: number
  stdout: string
  stderr: string
}

/** Runs `factdesk ...argv` with the given environment (no terminal). */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string> = {}
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const exit = await main(argv, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    env: { CI: 'true', ...env },
    isTTY: false
  })
  return { exit, stdout, stderr }
}

/** Runs with `--format json` and parses the report from stdout. */
export async function runJson(
  argv: readonly string[],
  env: Record<string, string> = {}
): Promise<{ exit: number; report: Report; stderr: string }> {
  const run = await runCli([...argv, '--format', 'json'], env)
  return { exit: run.exit, report: JSON.parse(run.stdout) as Report, stderr: run.stderr }
}

/** Every problem of a report as `file:line:column severity rule`, for compact assertions. */
export function problemLines(report: Report): string[] {
  return report.articles.flatMap((entry) =>
    entry.problems.map(
      (problem) =>
        `${entry.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`
    )
  )
}
