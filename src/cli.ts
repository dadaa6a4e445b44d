/**
 * The command line (SPEC 7): arguments, reporting and exit status. Everything else is delegated
 * to the build, the dev server and the `new` command. Usage errors exit 2 like input errors;
 * unexpected failures print one line, never a stack trace (set FACTDESK_DEBUG=1 to see it).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { build } from './build.js'
import { cacheDirOf } from './cache/cache-dir.js'
import { parseArguments, usage } from './cli/arguments.js'
import { createProgress } from './cli/progress.js'
import { listRules } from './commands/list-rules.js'
import { newArticle } from './commands/new-article.js'
import { escapeData, formatGithub } from './report/format-github.js'
import { escapeControls } from './report/terminal-safe.js'
import { formatJsonChunks } from './report/format-json.js'
import { formatText } from './report/format-text.js'
import { loadSettings } from './settings/load-settings.js'
import { assertSiteRoot, RefusedInput } from './output/output-target.js'
import type { BuildResult } from './build.js'
import type { Arguments } from './cli/arguments.js'
import { count } from './report/summary-line.js'

/** Where the CLI writes; injectable so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  /** Whether stderr is a terminal (progress is drawn only there, and never in CI). */
  isTTY: boolean
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY)
}

type Format = 'text' | 'json' | 'github'
type Values = Arguments['values']

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let parsed: Arguments
  try {
    parsed = parseArguments(argv)
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
  const now = resolveNow(values.now, io.env)
  if (typeof now === 'string') return usageError(io, now)
  const root = resolve(values.root ?? '.')
  try {
    switch (command) {
      case 'build':
      case 'check':
        if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}"`)
        return await runBuild(io, command, values, root, now)
      case 'dev':
        return await runDev(io, values, root, now)
      case 'new':
        return await runNew(io, rest, values, root, now)
      case 'rules':
        return runRules(io, rest, values.format)
      case undefined:
        return usageError(io, 'no command given')
      default:
        return usageError(io, `unknown command "${command}"`)
    }
  } catch (error) {
    // A root that is no site or an output folder that is the user's: refused, nothing touched.
    if (error instanceof RefusedInput) {
      // In a workflow the refusal is an annotation too, or the run fails without saying why.
      if (values.format === 'github')
        io.stdout(`::error title=factdesk::${escapeData(error.message)}\n`)
      io.stderr(`factdesk: ${escapeControls(error.message)}\n`)
      return 2
    }
    io.stderr(
      `factdesk: stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`
    )
    if (io.env.FACTDESK_DEBUG && error instanceof Error && error.stack)
      io.stderr(`${error.stack}\n`)
    return 2
  }
}

async function runBuild(
  io: Io,
  command: 'build' | 'check',
  values: Values,
  root: string,
  now: DateTime
): Promise<number> {
  const format = values.format
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    return usageError(io, `--format must be text, json or github, not "${format}"`)
  }
  const started = performance.now()
  const progress = createProgress({
    write: io.stderr,
    enabled: io.isTTY && !io.env.CI && !values.quiet
  })
  const result = await build({
    root,
    out: resolve(values.out ?? resolve(root, 'dist')),
    strict: values.strict,
    drafts: values.drafts,
    now,
    write: command === 'build',
    force: values.force,
    ...(values['no-cache'] ? {} : { cacheDir: cacheDirOf(root) }),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {})
  })
  progress.done()
  await report(io, result, format, values.quiet)
  if (!values.quiet || format === 'json')
    io.stderr(`${summaryLine(result, command, performance.now() - started)}\n`)
  return result.exit
}

async function runDev(io: Io, values: Values, root: string, now: DateTime): Promise<number> {
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return usageError(io, `--port must be a port number, not "${values.port}"`)
  assertSiteRoot(root)
  // Loaded only here: a build never pays for the watcher and the HTTP server.
  const { startDevServer } = await import('./dev/dev-server.js')
  const server = await startDevServer({
    root,
    port,
    strict: values.strict,
    drafts: values.drafts,
    now,
    log: (line) => io.stderr(`${line}\n`)
  })
  await server.closed
  return 0
}

async function runNew(
  io: Io,
  rest: string[],
  values: Values,
  root: string,
  now: DateTime
): Promise<number> {
  const [title, ...extra] = rest
  if (title === undefined) return usageError(io, 'new needs a title: factdesk new "Title"')
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}" (quote the title)`)
  assertSiteRoot(root)
  const { settings } = await loadSettings(root)
  const result = await newArticle({
    root,
    title,
    now,
    timezone: settings.timezone,
    ...(values.section === undefined ? {} : { section: values.section }),
    ...(values.date === undefined ? {} : { date: values.date })
  })
  if (!result.ok) {
    io.stderr(`factdesk: ${result.message}\n`)
    return 2
  }
  io.stdout(`${result.path}\n`)
  return 0
}

/** `factdesk rules`: the rule catalogue as text, or as JSON with `--format json`. */
function runRules(io: Io, rest: string[], format: string): number {
  if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}"`)
  if (format !== 'text' && format !== 'json')
    return usageError(io, `rules: --format must be text or json, not "${format}"`)
  io.stdout(listRules(format))
  return 0
}

async function report(io: Io, result: BuildResult, format: Format, quiet: boolean): Promise<void> {
  if (format === 'json') for (const chunk of formatJsonChunks(result.report)) io.stdout(chunk)
  else if (format === 'github') io.stdout(formatGithub(result.report))
  else io.stdout(await formatText(result.report, { color: io.isTTY && !io.env.NO_COLOR, quiet }))
}

/** One line: articles, pages written, figures by status, time (the editors' loop reads it). */
function summaryLine(result: BuildResult, command: string, ms: number): string {
  const { summary } = result.report
  const pages = command === 'build' ? `${result.written} files written` : 'nothing written (check)'
  const verdict =
    result.exit === 0 ? 'passed' : result.exit === 1 ? 'fact check failed' : 'input errors'
  return (
    `factdesk ${command}: ${verdict}; ${count(summary.articles, 'article')}, ${pages}; ` +
    `figures ${summary.verified} verified / ${summary.contradicted} contradicted / ${summary.unchecked} unchecked; ` +
    `${(ms / 1000).toFixed(2)}s`
  )
}

/** `--now`, else SOURCE_DATE_EPOCH (seconds, as reproducible-builds.org defines it), else the clock. */
function resolveNow(now: string | undefined, env: Io['env']): DateTime | string {
  if (now !== undefined) {
    const date = DateTime.fromISO(now, { setZone: true, zone: 'utc' })
    return date.isValid
      ? date
      : `--now must be an ISO 8601 instant such as 2025-11-05T00:00:00Z, not "${now}"`
  }
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch))
      return `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`
    return DateTime.fromSeconds(Number(epoch), { zone: 'utc' })
  }
  return DateTime.utc()
}

function usageError(io: Io, message: string): number {
  io.stderr(`factdesk: ${message}\nRun factdesk --help for usage.\n`)
  return 2
}

function version(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8')
  )
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : '0.0.0'
}
