/**
 * The compiled CLI (`bin/factdesk.js` -> `lib/`) in a child process, for tests that need a real
 * process: worker threads cannot load TypeScript sources, and kill, memory and stack tests need a
 * pid of their own. `lib/` is recompiled first when any source is newer, so these tests never run
 * stale code.
 *
 * Two ways to run it: `runCompiled` runs a command to its end and hands back its exit status and
 * output, like `runCli` does in-process; `startCli` starts one and hands back the child, for tests
 * that kill it or watch it (`ended` then collects what it printed).
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { CliRun } from './run-cli.js'

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The CLI entry point the package publishes. */
export const cliPath = join(projectRoot, 'bin/factdesk.js')

/**
 * The environment of `startCli`'s children: a fixed "now", so two builds of one site are
 * byte-identical.
 */
export const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SOURCE_DATE_EPOCH: '1767225600',
  NO_COLOR: '1'
}

const run = promisify(execFile)
let compiled: Promise<void> | undefined

/** Compiles `src/` into `lib/` when `lib/` is missing or older than a source file. */
export function ensureCompiled(): Promise<void> {
  compiled ??= (async () => {
    const libTime = await stat(join(projectRoot, 'lib/cli.js')).then(
      (stats) => stats.mtimeMs,
      () => 0
    )
    const sources = await readdir(join(projectRoot, 'src'), {
      recursive: true,
      withFileTypes: true
    })
    const newest = Math.max(
      ...(await Promise.all(
        sources
          .filter((entry) => entry.isFile())
          .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).mtimeMs)
      ))
    )
    if (newest > libTime) {
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
      // tsc still emits when a file has type errors; only a missing CLI is fatal.
      await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
        cwd: projectRoot,
        timeout: 120_000
      }).catch(() => undefined)
      await stat(join(projectRoot, 'lib/cli.js'))
    }
  })()
  return compiled
}

/**
 * Runs `factdesk ...argv` in a child process to its end (as CI runs it, `CI=true`, plus `env`);
 * resolves with the exit code and output.
 */
export async function runCompiled(
  argv: readonly string[],
  env: Record<string, string> = {}
): Promise<CliRun> {
  await ensureCompiled()
  try {
    const { stdout, stderr } = await run(process.execPath, [cliPath, ...argv], {
      env: { ...process.env, CI: 'true', ...env },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024
    })
    return { exit: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      exit: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? ''
    }
  }
}

/** Starts `factdesk ...args` in a child process with `childEnv`; call `ensureCompiled` first. */
export function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** Exit code (or signal), stdout and stderr of a child once it ends. */
export interface ChildEnd {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Waits for `child` to end, collecting what it printed. */
export function ended(child: ChildProcess): Promise<ChildEnd> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Runs `factdesk ...args` to the end with `childEnv`; call `ensureCompiled` first. */
export function runChild(args: readonly string[]): Promise<ChildEnd> {
  return ended(startCli(args))
}
