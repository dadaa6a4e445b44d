/**
 * Writes a built site so that the output folder only ever holds a build that passed (SPEC 7):
 * files go into a staging folder beside the output, which is swapped into place once complete. A
 * build that fails or is killed mid-way leaves the previous output as it was; its leftovers are
 * removed by the next build.
 *
 * The staging folder is fresh, or, given a `spare` folder, the output the previous swap retired,
 * kept there instead of deleted: bringing it up to date rewrites only the pages that changed,
 * where a fresh folder recreates thousands of folders and files on every build.
 */
import { renameSync } from 'node:fs'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { acquireBuildLock } from './build-lock.js'
import { openStagingFolder, safeJoin } from './fill-staging.js'
import type { StagingFolder } from './fill-staging.js'
import { openVerifiedFiles } from './verified-files.js'
import type { VerifiedFiles } from './verified-files.js'
import type { ChunkedFile, OutputFile } from '../types.js'
import type { ContentDigest } from './content-digest.js'

export { safeJoin }

const stagingPrefix = '.factdesk-staging-'
const retiredPrefix = '.factdesk-retired-'

/** How a site is written. */
export interface WriteOptions {
  /**
   * Where the output before last is kept between builds, to be brought up to date by the next
   * one: a folder only this output uses, on the output's file system (a rename moves it). It is
   * a cache: deleting it costs the next build a full write, nothing more.
   */
  spare?: string
  /**
   * A file remembering which output files were verified to hold which digest (see
   * `verified-files.ts`), so that keeping an unchanged page costs a `stat`, not a read.
   */
  verified?: string
}

/** A site being written: files go into staging as they come, and the swap happens on `commit`. */
export interface OutputWriter {
  /** Stages one file of the site; see `StagingFolder.put` for what it returns. */
  put(file: OutputFile | ChunkedFile): ContentDigest | undefined
  /** Stages the file at `path` if the spare or the live output holds bytes of `digest`; see `StagingFolder.keep`. */
  keep(path: string, digest: ContentDigest): boolean
  /** Swaps the staged site into place, releases the output folder; returns the files written. */
  commit(): Promise<number>
  /**
   * Leaves the output as it was (the staged files become the spare) and releases the folder; does
   * nothing once the writer was committed or abandoned.
   */
  abandon(): Promise<void>
}

/** Writes `files` into `out`, replacing its previous content in one swap. Returns pages written. */
export async function writeSite(
  out: string,
  files: readonly OutputFile[],
  options: WriteOptions = {}
): Promise<number> {
  // Every path is checked before anything is touched.
  for (const file of files) safeJoin(resolve(out), file.path)
  const writer = await openOutput(out, options)
  try {
    for (const file of files) writer.put(file)
  } catch (error) {
    await writer.abandon()
    throw error
  }
  return writer.commit()
}

/**
 * Takes the output folder `out` for one build: holds its lock until `commit` or `abandon`, and
 * stages files beside it, so that a build can write each page as soon as it is rendered.
 */
export async function openOutput(out: string, options: WriteOptions = {}): Promise<OutputWriter> {
  const target = resolve(out)
  const parent = dirname(target)
  await mkdir(parent, { recursive: true })
  const release = await acquireBuildLock(target)
  const staging = join(parent, `${stagingPrefix}${basename(target)}-${process.pid}-${Date.now()}`)
  let folder: StagingFolder
  let verified: VerifiedFiles
  try {
    await recoverInterruptedSwap(target)
    await removeLeftovers(target)
    if (options.spare !== undefined) await moveIfThere(options.spare, staging)
    verified = openVerifiedFiles(options.verified)
    folder = openStagingFolder(staging, target, verified)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    await release()
    throw error
  }
  let open = true
  const closing = async <T>(work: () => Promise<T>): Promise<T> => {
    if (!open) throw new Error('the output folder was already committed or abandoned')
    open = false
    try {
      return await work()
    } finally {
      await release()
    }
  }
  return {
    put: (file) => folder.put(file),
    keep: (path, digest) => folder.keep(path, digest),
    commit: () =>
      closing(async () => {
        try {
          const written = folder.finish()
          const retired = swapIn(staging, target)
          if (retired !== undefined) await keepOrRemove(retired, options.spare)
          await verified.save()
          return written
        } catch (error) {
          await rm(staging, { recursive: true, force: true })
          throw error
        }
      }),
    // Every file a spare keeps is verified before it is reused, so a half-filled staging
    // folder serves the next build as well as a whole one. After a commit (one that failed
    // included, which cleans up after itself) there is nothing left to abandon.
    abandon: async () => {
      if (open) await closing(() => keepOrRemove(staging, options.spare))
    }
  }
}

/** Renames `from` to `to` when `from` exists and can be moved there (same file system). */
async function moveIfThere(from: string, to: string): Promise<void> {
  await rename(from, to).catch(async (error: unknown) => {
    if (isCode(error, 'ENOENT')) return
    // On another file system, or otherwise unmovable: it cannot serve, so it only takes space.
    await rm(from, { recursive: true, force: true })
  })
}

/** Keeps the retired output as the next build's spare, or removes it. */
async function keepOrRemove(retired: string, spare: string | undefined): Promise<void> {
  if (spare !== undefined) {
    const kept = await mkdir(dirname(spare), { recursive: true })
      .then(() => rename(retired, spare))
      .then(
        () => true,
        () => false
      )
    if (kept) return
  }
  await rm(retired, { recursive: true, force: true })
}

/**
 * Swaps `staging` in as `target`; returns where the previous output went. POSIX cannot replace a
 * non-empty folder in one step, so this is two renames, made back to back with blocking calls:
 * the moment without an output folder lasts two system calls, not a turn of the event loop. A
 * build killed inside it leaves the retired folder, which the next build puts back first.
 */
function swapIn(staging: string, target: string): string | undefined {
  const retired = join(
    dirname(target),
    `${retiredPrefix}${basename(target)}-${process.pid}-${Date.now()}`
  )
  let hadPrevious = true
  try {
    renameSync(target, retired)
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error
    hadPrevious = false
  }
  renameSync(staging, target)
  return hadPrevious ? retired : undefined
}

/**
 * A build killed between the two renames of `swapIn` leaves no output folder but a retired one:
 * put the retired one back, so the previous site is what stands.
 */
async function recoverInterruptedSwap(target: string): Promise<void> {
  const siblings = await readdir(dirname(target)).catch(() => [] as string[])
  const exists = siblings.includes(basename(target))
  if (exists) return
  const retired = siblings
    .filter((name) => name.startsWith(`${retiredPrefix}${basename(target)}-`))
    .sort()
  const latest = retired.at(-1)
  if (latest) await rename(join(dirname(target), latest), target)
}

async function removeLeftovers(target: string): Promise<void> {
  const siblings = await readdir(dirname(target)).catch(() => [] as string[])
  const name = basename(target)
  for (const sibling of siblings) {
    if (
      sibling.startsWith(`${stagingPrefix}${name}-`) ||
      sibling.startsWith(`${retiredPrefix}${name}-`)
    ) {
      await rm(join(dirname(target), sibling), { recursive: true, force: true })
    }
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
