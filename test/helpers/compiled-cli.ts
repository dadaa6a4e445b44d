/**
 * The compiled CLI (`bin/factdesk.js` -> `lib/`), for tests that need a real process: worker
 * threads cannot load TypeScript sources, and kill tests need a pid. `lib/` is recompiled first
 * when any source is newer, so these tests never run stale code.
 */
import { execFile } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
let compiled: Promise<void> | undefined

/** Compiles `src/` into `lib/` when `lib/` is missing or older than a source file. */
export function ensureCompiled(): Promise<void> {
  compiled ??= (async () => {
    const libTime = await stat('lib/cli.js').then(
      (stats) => stats.mtimeMs,
      () => 0
    )
    const sources = await readdir('src', { recursive: true, withFileTypes: true })
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
      await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { timeout: 120_000 }).catch(
        () => undefined
      )
      await stat('lib/cli.js')
    }
  })()
  return compiled
}

/** Runs `node bin/factdesk.js ...argv`; resolves with the exit code and output. */
export async function runCompiled(
  argv: readonly string[],
  env: Record<string, string> = {}
): Promise<{ exit: number; stdout: string; stderr: string }> {
  await ensureCompiled()
  try {
    const { stdout, stderr } = await run('node', ['bin/factdesk.js', ...argv], {
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
