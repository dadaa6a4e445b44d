/**
 * One writer at a time per output folder: two builds started at once on the same site must not
 * interleave their swaps. The lock is the folder `<out>.factdesk-lock` beside the output, holding
 * one owner file whose name records the build that holds it (see `lock-owner.ts`). A lock whose
 * owner is gone (killed, or from before a reboot, or a reused pid) is taken over at once.
 *
 * Why no two builds can ever hold it, step by step. Every change to the lock is one atomic
 * file-system operation that succeeds for exactly one of any number of racing builds:
 *
 * - Taking a free lock: the owner file is first made in a private folder, which is then renamed
 *   to the lock's name. `rename(2)` onto a folder succeeds only when that folder is missing or
 *   empty, so of two builds the second fails; and the lock appears with its owner already in it,
 *   never half-made.
 * - Taking over a stale lock: the stale owner file is renamed to this build's owner file, inside
 *   the lock. This is a compare-and-swap: it succeeds only while the stale owner's file is still
 *   there, so of two builds that both saw it stale one renames it and the other finds it gone.
 *   The stale name can never come back (it names a process that is gone, and a random nonce), so
 *   a lock re-made in the meantime by a third build cannot be hit by the rename.
 * - Releasing: the owner removes its own file, then the empty folder with `rmdir`, which never
 *   removes a folder someone has since filled.
 *
 * A draft (the private folder above) is named for its owner, so one that a build killed while
 * taking the lock left behind is known for a gone build's by its name alone, empty or not: the
 * build that next holds the lock removes it. A live build's draft is never touched.
 *
 * Nothing removes a lock folder that holds another build's owner file. An empty lock folder is a
 * release in progress (replacing it then is fine: its owner is done), or was left by a build
 * killed while releasing, or is an earlier factdesk's acquisition (it made the folder, then wrote a
 * `pid` file into it): it is taken once it is `ownerlessMs` old, by the rename above. Locks of that
 * earlier kind are still understood and taken over when their pid is gone; a build of that earlier
 * version racing this one for the same stale lock is not guarded against.
 */
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile
} from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  currentOwner,
  isGone,
  isPidOnlyOwnerGone,
  ownerFileName,
  ownerPrefix,
  parseOwnerFileName
} from './lock-owner.js'
import { hasCode, isMissing } from '../io/file-errors.js'

/** How long a second build waits for the first before giving up. */
const waitMs = 60_000
const pollMs = 100
/**
 * An empty lock folder is a release (or an older factdesk's acquisition) in progress; one still
 * empty after this long was left by a build killed half-way.
 */
const ownerlessMs = 2_000

/** The file in which earlier versions of factdesk recorded the pid of the lock's owner. */
const pidOnlyFile = 'pid'

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
  const owner = ownerFileName(await currentOwner())
  await acquire(lock, owner)
  await removeGoneDrafts(lock)
  return () => release(lock, owner)
}

/** What a lock folder holds when looked at. */
type LockState =
  | { kind: 'free' }
  | { kind: 'held'; file: string; pid: number | undefined; gone: boolean }
  | { kind: 'empty'; ageMs: number }
  | { kind: 'unknown' }

async function acquire(lock: string, owner: string): Promise<void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const state = await inspect(lock)
    if (state.kind === 'free' || (state.kind === 'empty' && state.ageMs > ownerlessMs)) {
      if (await create(lock, owner)) return
      continue
    }
    if (state.kind === 'held' && state.gone) {
      if (await swapOwner(lock, state.file, owner)) return
      continue
    }
    if (Date.now() > deadline) {
      const pid = state.kind === 'held' ? state.pid : undefined
      throw new Error(
        `another factdesk build (pid ${pid ?? 'unknown'}) is writing this output folder; wait for it to finish, or remove ${lock} if no build is running`
      )
    }
    await sleep(pollMs)
  }
}

/** Looks at the lock folder; a snapshot only, so every step taken on it must be atomic. */
async function inspect(lock: string): Promise<LockState> {
  let names: string[]
  try {
    names = await readdir(lock)
  } catch (error) {
    if (isMissing(error)) return { kind: 'free' }
    throw error
  }
  const ownerFile = names.find((name) => name.startsWith(ownerPrefix))
  const owner = ownerFile === undefined ? undefined : parseOwnerFileName(ownerFile)
  if (ownerFile !== undefined && owner !== undefined)
    return { kind: 'held', file: ownerFile, pid: owner.pid, gone: await isGone(owner) }
  if (names.includes(pidOnlyFile)) return inspectPidOnly(lock)
  if (names.length > 0) return { kind: 'unknown' }
  const made = await stat(lock).then(
    (stats) => stats.mtimeMs,
    () => undefined
  )
  return made === undefined ? { kind: 'free' } : { kind: 'empty', ageMs: Date.now() - made }
}

/** An earlier factdesk's lock: a `pid` file, empty for a moment after the folder was made. */
async function inspectPidOnly(lock: string): Promise<LockState> {
  const file = join(lock, pidOnlyFile)
  const pid = Number(await readFile(file, 'utf8').catch(() => ''))
  if (Number.isSafeInteger(pid) && pid > 0)
    return { kind: 'held', file: pidOnlyFile, pid, gone: isPidOnlyOwnerGone(pid) }
  const made = await stat(file).then(
    (stats) => stats.mtimeMs,
    () => undefined
  )
  const ownerless = made !== undefined && Date.now() - made > ownerlessMs
  return { kind: 'held', file: pidOnlyFile, pid: undefined, gone: ownerless }
}

/**
 * Makes the lock with `owner` in it, unless another build holds it. The folder is made and filled
 * under a private name first, then renamed into place: the rename fails when the lock exists and
 * is not empty, and replaces it when it is empty.
 */
async function create(lock: string, owner: string): Promise<boolean> {
  const draft = draftOf(lock, owner)
  await mkdir(draft)
  try {
    await writeFile(join(draft, owner), '', { flag: 'wx' })
    await rename(draft, lock)
    return true
  } catch (error) {
    // ENOTEMPTY or EEXIST: held by another build; EPERM: Windows cannot rename onto a folder.
    if (hasCode(error, 'ENOTEMPTY', 'EEXIST', 'EPERM')) return false
    throw error
  } finally {
    await rm(draft, { recursive: true, force: true })
  }
}

/** The private folder in which `owner` makes lock `lock` before renaming it into place. */
function draftOf(lock: string, owner: string): string {
  return `${lock}.${owner}.new`
}

/**
 * Removes the drafts of `lock` that builds now gone left beside it (killed while taking the lock):
 * run holding the lock, so that no leftover outlives the next build.
 */
async function removeGoneDrafts(lock: string): Promise<void> {
  const prefix = `${basename(lock)}.`
  const names = await readdir(dirname(lock)).catch(() => [])
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.new')) continue
    const owner = parseOwnerFileName(name.slice(prefix.length, -'.new'.length))
    if (owner !== undefined && (await isGone(owner)))
      await rm(join(dirname(lock), name), { recursive: true, force: true })
  }
}

/** Renames the gone owner's file to `owner`'s: true when this build won the take-over. */
async function swapOwner(lock: string, gone: string, owner: string): Promise<boolean> {
  try {
    await rename(join(lock, gone), join(lock, owner))
    return true
  } catch (error) {
    // Another build took it over first, or the lock was released and removed.
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return false
    throw error
  }
}

/** Removes this build's owner file, then the folder if nothing else has appeared in it. */
async function release(lock: string, owner: string): Promise<void> {
  try {
    await unlink(join(lock, owner))
  } catch (error) {
    // The lock is not this build's any more (removed by hand): leave whatever is there alone.
    if (isMissing(error)) return
    throw error
  }
  await rmdir(lock).catch((error: unknown) => {
    if (!hasCode(error, 'ENOENT', 'ENOTEMPTY', 'EEXIST')) throw error
  })
}
