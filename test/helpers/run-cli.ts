/**
 * Runs the CLI in-process and captures what it prints; reads the JSON report it writes (on stdout
 * with `--format json`, or as `factcheck.json` in the output).
 */
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
  return { exit: run.exit, report: parseReport(run.stdout), stderr: run.stderr }
}

/**
 * Parses a JSON report: the output of `--format json`, or a built site's `factcheck.json`. Throws
 * when the text is not JSON, and a `TypeError` when the JSON is not a version 1 report.
 */
export function parseReport(json: string): Report {
  const value: unknown = JSON.parse(json)
  if (!looksLikeAReport(value)) {
    throw new TypeError(`not a version 1 report: \`${json.slice(0, 200)}\``)
  }
  return value
}

/** How `problemLines` names each problem's file. */
export interface ProblemLineOptions {
  /**
   * Name the file each problem is in (`problem.file`, such as a data file an article reads)
   * instead of the report entry it is listed under. Default: false, the entry's file.
   */
  placed?: boolean
}

/** Every problem of a report as `file:line:column severity rule`, for compact assertions. */
export function problemLines(report: Report, options: ProblemLineOptions = {}): string[] {
  return report.articles.flatMap((entry) =>
    entry.problems.map((problem) => {
      const file = options.placed === true ? (problem.file ?? entry.file) : entry.file
      return `${file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`
    })
  )
}

function looksLikeAReport(value: unknown): value is Report {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    value.version === 1 &&
    'articles' in value &&
    Array.isArray(value.articles)
  )
}
