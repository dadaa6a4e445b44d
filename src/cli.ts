/**
 * The command line (SPEC 7): arguments, help, and exit status. The commands themselves live in
 * `cli/` (the table of commands and options, one module per command). Usage errors exit 2 like
 * input errors; unexpected failures print one line, never a stack trace (set FACTDESK_DEBUG=1 to
 * see it).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArguments } from './cli/arguments.js'
import type { ParsedOptions } from './cli/arguments.js'
import type { CommandSpec } from './cli/command-table.js'
import { commandHelp, overviewHelp } from './cli/help-text.js'
import { processIo, usageError } from './cli/io.js'
import type { Io } from './cli/io.js'
import { resolveNow } from './cli/resolve-now.js'
import { RefusedInput } from './output/output-target.js'
import { escapeData } from './report/format-github.js'
import { escapeControls } from './report/terminal-safe.js'

export type { Io } from './cli/io.js'

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const invocation = parseArguments(argv)
  if (invocation.kind === 'version') {
    io.stdout(`${version()}\n`)
    return 0
  }
  if (invocation.kind === 'help') {
    io.stdout(invocation.command ? commandHelp(invocation.command) : overviewHelp())
    return 0
  }
  if (invocation.kind === 'usage')
    return usageError(io, invocation.message, invocation.command?.name)
  const { command, options, positionals } = invocation
  try {
    return await run(io, command, options, positionals)
  } catch (error) {
    // A root that is no site or an output folder that is the user's: refused, nothing touched.
    if (error instanceof RefusedInput) {
      // In a workflow the refusal is an annotation too, or the run fails without saying why.
      if (options.value('format') === 'github')
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

/**
 * Runs `command`; its options and arguments have been checked against the command table. Each
 * command's modules load when it runs: loaded up front, the build's alone took `--version` and
 * `--help` a second.
 */
async function run(
  io: Io,
  command: CommandSpec,
  options: ParsedOptions,
  positionals: readonly string[]
): Promise<number> {
  if (command.name === 'rules') {
    const { listRules } = await import('./commands/list-rules.js')
    io.stdout(listRules(options.value('format') === 'json' ? 'json' : 'text'))
    return 0
  }
  if (command.name === 'init')
    return await (await import('./cli/run-init.js')).runInit(io, options, positionals[0])
  const root = resolve(options.value('root') ?? '.')
  if (command.name === 'preview')
    return await (await import('./cli/run-servers.js')).runPreview(io, options, root)
  const now = resolveNow(options.value('now'), io.env)
  if (typeof now === 'string') return usageError(io, now, command.name)
  switch (command.name) {
    case 'build':
    case 'check':
      return await (
        await import('./cli/run-build.js')
      ).runBuild(io, command.name, options, root, now)
    case 'dev':
      return await (await import('./cli/run-servers.js')).runDev(io, options, root, now)
    case 'new':
      return await (
        await import('./cli/run-new.js')
      ).runNew(io, positionals[0] ?? '', options, root, now)
  }
}

function version(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8')
  )
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : '0.0.0'
}
