/**
 * The output lock: one writer at a time, and a lock left behind by a killed build (its process
 * gone, or killed before it could even write its pid) is taken over instead of blocking forever.
 */
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withBuildLock } from '../../src/output/build-lock.js'

async function output(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'factdesk-lock-')), 'dist')
}

/** A pid no process has: above Linux's default pid_max. */
const deadPid = 4_194_399

describe('withBuildLock', () => {
  it('takes over a lock whose build is gone', async () => {
    const out = await output()
    await mkdir(`${out}.factdesk-lock`)
    await writeFile(`${out}.factdesk-lock/pid`, String(deadPid))
    await expect(withBuildLock(out, async () => 'ran')).resolves.toBe('ran')
  })

  it('takes over a lock a build was killed in before writing its pid', async () => {
    const out = await output()
    await mkdir(`${out}.factdesk-lock`)
    const past = new Date(Date.now() - 10_000)
    await utimes(`${out}.factdesk-lock`, past, past)
    await expect(withBuildLock(out, async () => 'ran')).resolves.toBe('ran')
  })

  it('waits for a lock that was made a moment ago and has no pid yet', async () => {
    const out = await output()
    await mkdir(`${out}.factdesk-lock`)
    let ran = false
    const waiting = withBuildLock(out, async () => {
      ran = true
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(ran).toBe(false)
    await waiting
    expect(ran).toBe(true)
  })
})
