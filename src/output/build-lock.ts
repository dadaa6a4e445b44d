/**
 * One writer at a time per output folder: two builds started at once on the same site must not
 * interleave their swaps. The lock is a folder created atomically beside the output; a lock left
 * by a killed build (its process is gone) is taken over.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long a second build waits for the first before giving up. */
const waitMs = 60_000
const pollMs = 100
/**
 * A build writes its pid into the lock right after creating it; a lock still without one after
 * this long was left by a build killed between the two steps.
 */
const ownerlessMs = 2_000

/** Runs `work` holding the lock of output folder `out`. */
export async function withBuildLock<T>(out: string, work: () => Promise<T>): Promise<T> {
  const release = await acquireBuildLock(out)
  try {
    return await work()
  } finally {
    await release()
  }
}

/** Takes the lock of output folder `out`; the function returned releases it. */
export async function acquireBuildLock(out: string): Promise<() => Promise<void>> {
  const lock = `${out}.factdesk-lock`
  await acquire(lock)
  return async () => {
    await rm(lock, { recursive: true, force: true })
  }
}

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      await mkdir(lock)
      await writeFile(`${lock}/pid`, String(process.pid))
      return
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error
    }
    const owner = Number(await readFile(`${lock}/pid`, 'utf8').catch(() => ''))
    if (owner > 0 ? !isAlive(owner) : await ownerlessFor(lock, ownerlessMs)) {
      await rm(lock, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another factdesk build (pid ${owner || 'unknown'}) is writing this output folder; wait for it to finish, or remove ${lock} if no build is running`
      )
    }
    await sleep(pollMs)
  }
}

/** Whether `lock` holds no pid and was made more than `ms` ago (false when it is already gone). */
async function ownerlessFor(lock: string, ms: number): Promise<boolean> {
  const made = await stat(lock).then(
    (stats) => stats.mtimeMs,
    () => undefined
  )
  return made !== undefined && Date.now() - made > ms
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return isCode(error, 'EPERM')
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
