/**
 * The output lock: one writer at a time, and a lock left behind by a killed build (its process
 * gone, or killed before it could even write its pid, or its pid reused by another process after
 * a restart) is taken over instead of blocking forever, by exactly one of the builds waiting.
 */
import { spawn } from 'node:child_process'
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { acquireBuildLock, withBuildLock } from '../../src/output/build-lock.js'
import { currentOwner, ownerFileName, startTimeOf } from '../../src/output/lock-owner.js'
import type { LockOwner } from '../../src/output/lock-owner.js'
import { tempFolders } from '../helpers/temp-folders.js'

const tempFolder = tempFolders('lock')

async function output(): Promise<string> {
  return join(await tempFolder(), 'dist')
}

/** A pid no process has: above Linux's default pid_max. */
const deadPid = 4_194_399

/** Start times and boot ids are read from `/proc`. */
const linux = process.platform === 'linux'

/**
 * Leaves a lock on `out` recorded for `owner`, made `agoMs` ago. A fresh folder is what a build
 * sees when it starts right after a restart killed the last one.
 */
async function lockedBy(out: string, owner: LockOwner, agoMs = 0): Promise<void> {
  await mkdir(`${out}.factdesk-lock`)
  await writeFile(join(`${out}.factdesk-lock`, ownerFileName(owner)), '')
  const made = new Date(Date.now() - agoMs)
  await utimes(`${out}.factdesk-lock`, made, made)
}

/** A lock of factdesk before owner files: a folder holding a `pid` file. */
async function pidLockedBy(out: string, pid: number): Promise<void> {
  await mkdir(`${out}.factdesk-lock`)
  await writeFile(`${out}.factdesk-lock/pid`, String(pid))
}

/** Another boot's id. */
const otherBoot = '0badb007-0000-4000-8000-000000000000'

/** How long `withBuildLock` took to get in, given up on after `limitMs`. */
async function msToAcquire(out: string, limitMs: number): Promise<number> {
  const started = performance.now()
  const release = await Promise.race([
    acquireBuildLock(out),
    sleep(limitMs).then(() => {
      throw new Error(`still waiting for the lock after ${limitMs} ms`)
    })
  ])
  await release()
  return performance.now() - started
}

/** What is left beside the output folder: the lock and its drafts are gone after a build. */
async function lockLeftovers(out: string): Promise<string[]> {
  const names = await readdir(dirname(out))
  return names.filter((name) => name.startsWith(`${basename(out)}.factdesk-lock`))
}

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

  it.runIf(linux)(
    'takes over at once a lock recorded with this pid but another start time',
    async () => {
      // A container restarted: the new build is pid 1 again, and so was the killed one.
      const out = await output()
      const self = await currentOwner()
      await lockedBy(out, { ...self, start: String(Number(self.start) + 1) })
      expect(await msToAcquire(out, 5_000)).toBeLessThan(1_000)
      expect(await lockLeftovers(out)).toEqual([])
    }
  )

  it('takes over at once a lock recorded in another boot', async () => {
    const out = await output()
    const self = await currentOwner()
    await lockedBy(out, { ...self, boot: otherBoot })
    expect(await msToAcquire(out, 5_000)).toBeLessThan(1_000)
  })

  it('takes over at once a pid-only lock naming this very process', async () => {
    // factdesk before this lock format wrote only a pid; this process never writes one, so a
    // `pid` file naming it was left by an earlier process that had the same pid.
    const out = await output()
    await pidLockedBy(out, process.pid)
    expect(await msToAcquire(out, 5_000)).toBeLessThan(1_000)
  })

  it('removes the drafts builds killed while taking the lock left beside it, and no live one', async () => {
    const out = await output()
    const { boot } = await currentOwner()
    const gone = (nonce: string) => ownerFileName({ pid: deadPid, start: 'unknown', boot }, nonce)
    // Killed right after making its draft, and after writing its owner file into it.
    const empty = `${basename(out)}.factdesk-lock.${gone('aa')}.new`
    const filled = `${basename(out)}.factdesk-lock.${gone('bb')}.new`
    await mkdir(join(dirname(out), empty))
    await mkdir(join(dirname(out), filled))
    await writeFile(join(dirname(out), filled, gone('bb')), '')
    // Another acquisition of this live process, under way.
    const live = `${basename(out)}.factdesk-lock.${ownerFileName(await currentOwner())}.new`
    await mkdir(join(dirname(out), live))
    await withBuildLock(out, async () => undefined)
    expect(await lockLeftovers(out)).toEqual([live])
  })

  it('keeps a build out while another build in this process holds the lock', async () => {
    const out = await output()
    const release = await acquireBuildLock(out)
    let entered = false
    const second = withBuildLock(out, async () => {
      entered = true
    })
    await sleep(500)
    expect(entered).toBe(false)
    await release()
    await second
    expect(entered).toBe(true)
  })

  it.runIf(linux)(
    'keeps a build out while a live process owns the lock, and not a moment after',
    async () => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
        stdio: 'ignore'
      })
      try {
        const pid = child.pid ?? 0
        await new Promise((resolve) => child.once('spawn', resolve))
        const start = await startTimeOf(pid)
        expect(start).toBeDefined()
        const out = await output()
        // Made long ago: the owner, not the folder's age, is what keeps other builds out.
        await lockedBy(out, { pid, start: start ?? '', boot: (await currentOwner()).boot }, 10_000)
        let entered = false
        const waiting = withBuildLock(out, async () => {
          entered = true
        })
        await sleep(1_000)
        expect(entered).toBe(false)
        child.kill('SIGKILL')
        await new Promise((resolve) => child.once('exit', resolve))
        const killed = performance.now()
        await waiting
        expect(entered).toBe(true)
        expect(performance.now() - killed).toBeLessThan(1_000)
      } finally {
        child.kill('SIGKILL')
      }
    }
  )

  it.each([
    [
      'a build of an older factdesk that recorded a pid only',
      (out: string) => pidLockedBy(out, deadPid)
    ],
    [
      'a build of another boot',
      async (out: string) => lockedBy(out, { ...(await currentOwner()), boot: otherBoot })
    ]
  ])(
    'lets one build at a time in when many race to take over a lock left by %s',
    async (_case, leave) => {
      const out = await output()
      await leave(out)
      let inside = 0
      let most = 0
      let runs = 0
      const builds: Promise<void>[] = []
      for (let build = 0; build < 16; build++) {
        builds.push(
          withBuildLock(out, async () => {
            inside++
            most = Math.max(most, inside)
            await sleep(20)
            inside--
            runs++
          })
        )
        // Staggered by a turn of the event loop each, so that one build's take-over lands between
        // another's look at the stale owner and its own take-over.
        await new Promise((resolve) => setImmediate(resolve))
      }
      await Promise.all(builds)
      expect({ most, runs }).toEqual({ most: 1, runs: 16 })
      expect(await lockLeftovers(out)).toEqual([])
    }
  )
})
