/**
 * Vitest's global setup: every temporary folder of a test run (the tests', the CLI's they start,
 * the browser's) goes under one folder of its own, removed when the run ends, so that running
 * the suite all day never fills the machine's temporary folder. Test files and the processes
 * they start inherit `TMPDIR`, which `os.tmpdir()` reads on each call.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'factdesk-tests-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
