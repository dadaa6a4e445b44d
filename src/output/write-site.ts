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
import { lstatSync, renameSync } from 'node:fs'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { acquireBuildLock } from './build-lock.js'
import { atomicExchange } from './exchange-folders.js'
import { openStagingFolder, safeJoin } from './fill-staging.js'
import type { StagingFolder } from './fill-staging.js'
import { markerContent, markerName, readOutputMarker } from './output-marker.js'
import { publishInPlace } from './publish-in-place.js'
import type { OutputTarget } from './output-target.js'
import { isRetiredOf, isStagingOf, lockBase, retiredName, stagingName } from './staging-names.js'
import { openVerifiedFiles } from './verified-files.js'
import type { VerifiedFiles } from './verified-files.js'
import type { ChunkedFile, OutputFile } from '../types.js'
import type { ContentDigest } from './content-digest.js'
import { isMissing } from '../io/file-errors.js'

export { safeJoin }

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
  out: string | OutputTarget,
  files: readonly OutputFile[],
  options: WriteOptions = {}
): Promise<number> {
  // Every path is checked before anything is touched.
  for (const file of files) safeJoin(resolve(typeof out === 'string' ? out : out.folder), file.path)
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
 * Takes the output folder for one build: holds its lock until `commit` or `abandon`, and stages
 * files beside it (inside it, when it is written in place), so that a build can write each page
 * as soon as it is rendered. A plain path is taken as a folder factdesk owns: the build checks
 * the user's `--out` with `resolveOutputTarget` before it comes here.
 */
export async function openOutput(
  out: string | OutputTarget,
  options: WriteOptions = {}
): Promise<OutputWriter> {
  const given: OutputTarget =
    typeof out === 'string'
      ? { folder: resolve(out), mode: 'swap', marker: readOutputMarker(resolve(out)) }
      : out
  const target = given.folder
  const parent = dirname(target)
  const inPlace = given.mode === 'in-place'
  await mkdir(inPlace ? target : parent, { recursive: true })
  const release = await acquireBuildLock(join(parent, lockBase(target)))
  // In place, staging sits inside the output: a mount point's parent is another file system.
  const staging = join(inPlace ? target : parent, stagingName(target))
  // The spare is a retired output: it never serves a folder written in place.
  const spare = inPlace ? undefined : options.spare
  const written: string[] = []
  let folder: StagingFolder
  let verified: VerifiedFiles
  try {
    if (!inPlace) await recoverInterruptedSwap(target)
    await removeLeftovers(inPlace ? target : parent, target)
    if (spare !== undefined) await moveIfThere(spare, staging)
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
    put: (file) => {
      const digest = folder.put(file)
      written.push(file.path)
      return digest
    },
    keep: (path, digest) => {
      const kept = folder.keep(path, digest)
      if (kept) written.push(path)
      return kept
    },
    commit: () =>
      closing(async () => {
        try {
          const files = written.map(markerPath).sort()
          if (inPlace) {
            const count = folder.finish()
            publishInPlace(staging, target, files, given.marker)
            await verified.save()
            return count
          }
          folder.put({ path: markerName, content: markerContent({ mode: 'swap', files }) })
          const count = folder.finish() - 1
          const retired = swapIn(staging, target)
          if (retired !== undefined) await keepOrRemove(retired, spare)
          await verified.save()
          return count
        } catch (error) {
          await rm(staging, { recursive: true, force: true })
          throw error
        }
      }),
    // Every file a spare keeps is verified before it is reused, so a half-filled staging
    // folder serves the next build as well as a whole one. After a commit (one that failed
    // included, which cleans up after itself) there is nothing left to abandon.
    abandon: async () => {
      if (open) await closing(() => keepOrRemove(staging, spare))
    }
  }
}

/** `a//b/./c.html` -> `a/b/c.html`: an output path as the marker lists it. */
function markerPath(path: string): string {
  return join(path).split('\\').join('/')
}

/** Renames `from` to `to` when `from` exists and can be moved there (same file system). */
async function moveIfThere(from: string, to: string): Promise<void> {
  await rename(from, to).catch(async (error: unknown) => {
    if (isMissing(error)) return
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
 * Swaps `staging` in as `target`; returns where the previous output went. Where the system can
 * exchange two folders in one step, the output is never missing, even for a build killed in the
 * middle; the previous output is then at `staging`'s path. Otherwise it is two renames, made back
 * to back with blocking calls: a build killed between them leaves the retired folder, which the
 * next build puts back first.
 */
function swapIn(staging: string, target: string): string | undefined {
  const exists = lstatSync(target, { throwIfNoEntry: false }) !== undefined
  if (exists && atomicExchange()?.(staging, target)) return staging
  const retired = join(dirname(target), retiredName(target))
  let hadPrevious = true
  try {
    renameSync(target, retired)
  } catch (error) {
    if (!isMissing(error)) throw error
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
  if (lstatSync(target, { throwIfNoEntry: false }) !== undefined) return
  // Named `…-<pid>-<milliseconds>`: the latest is the one retired last.
  const latest = siblings
    .filter((name) => isRetiredOf(name, target))
    .sort((a, b) => Number(a.split('-').at(-1)) - Number(b.split('-').at(-1)))
    .at(-1)
  if (latest) await rename(join(dirname(target), latest), target)
}

/** Removes what killed builds of `target` left in `folder`: staging and retired folders. */
async function removeLeftovers(folder: string, target: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    if (isStagingOf(name, target) || isRetiredOf(name, target))
      await rm(join(folder, name), { recursive: true, force: true })
  }
}
