/**
 * The command line (SPEC 7): arguments, reporting and exit status. Everything else is delegated
 * to the build. Usage errors exit 2 like input errors; unexpected failures print one line, never
 * a stack trace (set FACTDESK_DEBUG=1 to see it).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DateTime } from 'luxon'
import { build } from './build.js'
import { formatGithub } from './report/format-github.js'
import { formatJson } from './report/format-json.js'
import { formatText } from './report/format-text.js'
import type { BuildResult } from './build.js'

/** Where the CLI writes; injectable so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  isTTY: boolean
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY)
}

const usage = `Usage: factdesk <command> [options]

Commands:
  build            check every article and build the site into dist/
  check            check only; write nothing

Options:
  --root DIR       the site folder (default: the current folder)
  --out DIR        output folder for build (default: ROOT/dist)
  --strict         check every article strictly: unchecked figures fail
  --drafts         include articles marked draft: true
  --now ISO        the instant embargoes are compared with (default: SOURCE_DATE_EPOCH or now)
  --format F       text (default), json or github
  --quiet          print errors only
  --help           show this help
  --version        show the version

Exit status: 0 passed, 1 a fact check failed, 2 an input or usage error.
`

const options = {
  root: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean', default: false },
  drafts: { type: 'boolean', default: false },
  now: { type: 'string' },
  format: { type: 'string', default: 'text' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false }
} as const

type Format = 'text' | 'json' | 'github'

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(usage)
    return 0
  }
  if (values.version) {
    io.stdout(`${version()}\n`)
    return 0
  }
  const [command, ...rest] = positionals
  if (command === undefined) return usageError(io, 'no command given')
  if (command !== 'build' && command !== 'check') return usageError(io, `unknown command "${command}"`)
  if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}"`)
  const format = values.format
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    return usageError(io, `--format must be text, json or github, not "${format}"`)
  }
  const now = resolveNow(values.now, io.env)
  if (typeof now === 'string') return usageError(io, now)

  const root = resolve(values.root ?? '.')
  const started = performance.now()
  try {
    const result = await build({
      root,
      out: resolve(values.out ?? resolve(root, 'dist')),
      strict: values.strict,
      drafts: values.drafts,
      now,
      write: command === 'build'
    })
    report(io, result, format as Format, values.quiet)
    if (!values.quiet || format === 'json') io.stderr(`${summaryLine(result, command, performance.now() - started)}\n`)
    return result.exit
  } catch (error) {
    io.stderr(`factdesk: the build stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`)
    if (io.env.FACTDESK_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return 2
  }
}

function report(io: Io, result: BuildResult, format: Format, quiet: boolean): void {
  if (format === 'json') io.stdout(formatJson(result.report))
  else if (format === 'github') io.stdout(formatGithub(result.report))
  else io.stdout(formatText(result.report, { color: io.isTTY && !io.env.NO_COLOR, quiet }))
}

/** One line: articles, pages written, figures by status, time (the editors' loop reads it). */
function summaryLine(result: BuildResult, command: string, ms: number): string {
  const { summary } = result.report
  const pages = command === 'build' ? `${result.written} files written` : 'nothing written (check)'
  const verdict = result.exit === 0 ? 'passed' : result.exit === 1 ? 'fact check failed' : 'input errors'
  return (
    `factdesk ${command}: ${verdict}; ${summary.articles} articles, ${pages}; ` +
    `figures ${summary.verified} verified / ${summary.contradicted} contradicted / ${summary.unchecked} unchecked; ` +
    `${(ms / 1000).toFixed(2)}s`
  )
}

/** `--now`, else SOURCE_DATE_EPOCH (seconds, as reproducible-builds.org defines it), else the clock. */
function resolveNow(now: string | undefined, env: Io['env']): DateTime | string {
  if (now !== undefined) {
    const date = DateTime.fromISO(now, { setZone: true, zone: 'utc' })
    return date.isValid ? date : `--now must be an ISO 8601 instant such as 2025-11-05T00:00:00Z, not "${now}"`
  }
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) return `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`
    return DateTime.fromSeconds(Number(epoch), { zone: 'utc' })
  }
  return DateTime.utc()
}

function usageError(io: Io, message: string): number {
  io.stderr(`factdesk: ${message}\nRun factdesk --help for usage.\n`)
  return 2
}

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : '0.0.0'
}
