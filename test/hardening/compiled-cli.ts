/**
 * The real command line in a child process, for tests that kill it or measure its memory: they
 * need `lib/` compiled (no TypeScript loader is installed), so `ensureCompiled` runs `tsc` when
 * any source file is newer than `lib/cli.js`.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readTree } from '../helpers/read-tree.js'
import type { ChildProcess } from 'node:child_process'

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The CLI entry point the package publishes. */
export const cliPath = join(projectRoot, 'bin/factdesk.js')

/** A fixed "now" for every child build, so two builds of one site are byte-identical. */
export const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SOURCE_DATE_EPOCH: '1767225600',
  NO_COLOR: '1'
}

export { ensureCompiled } from '../helpers/compiled-cli.js'

/** Starts `factdesk ...args` in a child process. */
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

/** Runs `factdesk ...args` to the end. */
export function runChild(args: readonly string[]): Promise<ChildEnd> {
  return ended(startCli(args))
}

/** One string for a whole folder tree (paths and bytes), to compare builds cheaply. */
export async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256')
  for (const [path, content] of await readTree(dir)) {
    hash.update(`${path}\0${content.length}\0`)
    hash.update(content)
  }
  return hash.digest('hex')
}
