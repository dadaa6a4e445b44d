/**
 * `factdesk build` and `factdesk check` (SPEC 7): the build with its progress line, the report in
 * the chosen format on stdout, and one summary line on stderr.
 */
import { resolve } from 'node:path'
import type { DateTime } from 'luxon'
import { build } from '../build.js'
import type { BuildResult } from '../build.js'
import { cacheDirOf } from '../cache/cache-dir.js'
import { formatGithub } from '../report/format-github.js'
import { formatJsonChunks } from '../report/format-json.js'
import { formatSuggestions } from '../report/format-suggestions.js'
import { formatText } from '../report/format-text.js'
import { withSuggestions } from '../suggest/suggest-site.js'
import { runSummaryLine } from '../report/summary-line.js'
import type { ParsedOptions } from './arguments.js'
import type { Io } from './io.js'
import { createProgress } from './progress.js'

/** How a report is printed. */
export type Format = 'text' | 'json' | 'github'

/** Runs `build` or `check` on the site at `root`; returns the exit status. */
export async function runBuild(
  io: Io,
  command: 'build' | 'check',
  options: ParsedOptions,
  root: string,
  now: DateTime
): Promise<number> {
  const format = formatOf(options.value('format'))
  const quiet = options.flag('quiet')
  const started = performance.now()
  const progress = createProgress({ write: io.stderr, enabled: io.isTTY && !io.env.CI && !quiet })
  const out = options.value('out')
  const result = await build({
    root,
    out: out === undefined ? resolve(root, 'dist') : resolve(out),
    strict: options.flag('strict'),
    drafts: options.flag('drafts'),
    now,
    write: command === 'build',
    variants: command === 'build',
    force: options.flag('force'),
    ...(options.flag('no-cache') ? {} : { cacheDir: cacheDirOf(root) }),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {})
  })
  progress.done()
  const suggestFrom = options.value('suggest-from') === 'all' ? 'all' : 'article'
  // Suggestions are found after the build, on the articles it left with unchecked figures.
  const reported = options.flag('suggest')
    ? {
        ...result,
        report: await withSuggestions(root, result.settings, result.report, { from: suggestFrom })
      }
    : result
  await report(io, reported, format, quiet, root, options.flag('suggest'))
  // With --format json stdout is the report alone, so the summary on stderr is all a person sees.
  if (!quiet || format === 'json') {
    const line = runSummaryLine({
      command,
      report: result.report,
      exit: result.exit,
      written: result.written,
      ms: performance.now() - started
    })
    io.stderr(`${line}\n`)
  }
  return result.exit
}

async function report(
  io: Io,
  result: BuildResult,
  format: Format,
  quiet: boolean,
  root: string,
  suggest: boolean
): Promise<void> {
  if (format === 'json') {
    for (const chunk of formatJsonChunks(result.report, { suggestions: suggest })) io.stdout(chunk)
    return
  }
  if (format === 'github') io.stdout(formatGithub(result.report))
  // The root lets the text report show each problem's code frame from the site's files.
  else
    io.stdout(await formatText(result.report, { color: io.isTTY && !io.env.NO_COLOR, quiet, root }))
  if (suggest) io.stdout(formatSuggestions(result.report))
}

/** The format asked for; the arguments have been checked against the command's formats. */
function formatOf(value: string | undefined): Format {
  return value === 'json' || value === 'github' ? value : 'text'
}
