/**
 * Brings a staging folder to exactly the files of a build, touching as little as it can. The
 * staging folder may start empty or hold an earlier build (the spare a previous swap retired,
 * or one left half-updated by a killed build): every file kept is first verified byte for byte,
 * so whatever state it is in, it ends holding exactly the files put into it.
 *
 * Files arrive one at a time (`put`), so a build can write each page as soon as it is rendered
 * and let its bytes go, instead of holding the whole site in memory until the end; `finish`
 * then removes whatever the build did not put.
 *
 * A file that must change is unlinked first and never written into: it may be a hard link shared
 * with the live output. A file whose bytes equal the live output's file at the same path is
 * hard-linked from it rather than written, so unchanged pages keep their modification time (an
 * rsync or S3 sync uploads only what changed) and cost a link instead of a write. The calls are
 * synchronous on purpose: thousands of small metadata calls in a row cost a fraction of their
 * promise-per-call form.
 */
import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import type { ChunkedFile, OutputFile } from '../types.js'
import { writeUnlessSame } from './write-unless-same.js'
import { contentDigest } from './content-digest.js'
import type { ContentDigest } from './content-digest.js'
import { openVerifiedFiles } from './verified-files.js'
import type { VerifiedFiles } from './verified-files.js'

/** A staging folder being filled. */
export interface StagingFolder {
  /**
   * Makes `file` part of the staging folder, holding exactly its content; a file given in pieces
   * returns its digest (its bytes are never whole anywhere else to take one from).
   */
  put(file: OutputFile | ChunkedFile): ContentDigest | undefined
  /**
   * Makes the file at `path` part of the staging folder if staging or the live output already
   * holds bytes of that digest, without the caller having to produce them; false when neither
   * does (nothing was put: `put` the bytes then).
   */
  keep(path: string, digest: ContentDigest): boolean
  /** Removes every file and folder that no `put` asked for; returns how many files were put. */
  finish(): number
}

/** Makes `staging` hold exactly `files`, borrowing unchanged files from the live output `live`. */
export function fillStaging(staging: string, live: string, files: readonly OutputFile[]): void {
  // Every path is checked before anything is touched.
  for (const file of files) safeJoin(staging, file.path)
  const folder = openStagingFolder(staging, live)
  for (const file of files) folder.put(file)
  folder.finish()
}

/**
 * Opens `staging` for filling: whatever is there stays until `finish`, except what can never
 * serve (symbolic links, sockets, a file where the folder itself belongs).
 */
export function openStagingFolder(
  staging: string,
  live: string,
  verified: VerifiedFiles = openVerifiedFiles(undefined)
): StagingFolder {
  // Whatever stood at the spare's place was moved here; a spare that is no folder cannot serve.
  if (lstatSync(staging, { throwIfNoEntry: false })?.isDirectory() === false)
    rmSync(staging, { force: true })
  mkdirSync(staging, { recursive: true })
  const present = survey(staging)
  const wanted = new Set<string>()
  const made = new Set<string>()

  const ensureFolder = (folder: string): void => {
    if (folder === '.' || made.has(folder)) return
    ensureFolder(dirname(folder))
    made.add(folder)
    if (present.folders.has(folder)) return
    if (present.files.delete(folder)) unlinkSync(join(staging, folder))
    mkdirSync(join(staging, folder))
  }

  /** Removes whatever stands at `path` in staging. */
  const clear = (path: string): void => {
    const target = join(staging, path)
    if (present.files.delete(path)) unlinkSync(target)
    else if (present.folders.has(path)) rmSync(target, { recursive: true, force: true })
  }

  /**
   * Whether staging's file at `path` now holds the bytes `holds` accepts: it did already, or the
   * live output's did and was linked (copied where links are refused) in its place.
   */
  const reuse = (path: string, holds: (candidate: string) => boolean): boolean => {
    const inStaging = present.files.has(path) && holds(join(staging, path))
    const from = join(live, path)
    if (!inStaging && !holds(from)) return false
    // Only now: a folder made for a file that was then not put would stay behind empty.
    ensureFolder(dirname(path))
    if (inStaging) return true
    clear(path)
    if (!linked(from, join(staging, path))) copyFileSync(from, join(staging, path))
    return true
  }

  /** `given` as staging names it, once checked: inside the folder, and not put before. */
  const claim = (given: string): string => {
    safeJoin(staging, given)
    const path = normalize(given)
    if (wanted.has(path)) throw new TypeError(`output path \`${given}\` is written twice`)
    return path
  }

  return {
    put(file) {
      const path = claim(file.path)
      wanted.add(path)
      ensureFolder(dirname(path))
      const target = join(staging, path)
      if (!('chunks' in file)) {
        const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content
        if (reuse(path, (candidate) => holdsBytes(candidate, content))) return undefined
        clear(path)
        writeFileSync(target, content)
        return undefined
      }
      // Compared with what is there as it is produced, and written only if it differs: the
      // file is never whole in memory, and its pieces are produced once.
      const from = join(live, path)
      const part = join(staging, dirname(path), `.factdesk-part-${basename(path)}`)
      try {
        const { same, digest } = writeUnlessSame(
          file.chunks(),
          present.files.has(path) ? [target, from] : [from],
          part
        )
        if (same === target) return digest
        clear(path)
        if (same === undefined) renameSync(part, target)
        else if (!linked(from, target)) copyFileSync(from, target)
        return digest
      } finally {
        rmSync(part, { force: true })
      }
    },
    keep(given, digest) {
      const path = claim(given)
      if (!reuse(path, (candidate) => holdsDigest(candidate, digest, verified))) return false
      wanted.add(path)
      return true
    },
    finish() {
      for (const path of present.files)
        if (!wanted.has(path)) rmSync(join(staging, path), { force: true })
      // Deepest first, so that a folder is only removed once nothing wanted could be below it.
      for (const folder of [...present.folders].sort().reverse()) {
        if (!made.has(folder)) rmSync(join(staging, folder), { recursive: true, force: true })
      }
      return wanted.size
    }
  }
}

/** Joins an output path under `root`, refusing any path that would leave it (SPEC 9). */
export function safeJoin(root: string, path: string): string {
  const joined = resolve(root, path)
  if (!joined.startsWith(resolve(root) + sep)) {
    throw new TypeError(`output path \`${path}\` leaves the output folder`)
  }
  return joined
}

/** `a/./b//c.html` -> `a/b/c.html`, with the platform's separator, as the staging walk names it. */
function normalize(path: string): string {
  return join(path)
}

/**
 * The regular files and folders under `staging`; anything else (a symbolic link anything
 * planted, a socket) is removed on the way.
 */
function survey(
  staging: string,
  prefix = '',
  present: { files: Set<string>; folders: Set<string> } = { files: new Set(), folders: new Set() }
): { files: Set<string>; folders: Set<string> } {
  for (const entry of readdirSync(join(staging, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : join(prefix, entry.name)
    if (entry.isDirectory()) {
      present.folders.add(path)
      survey(staging, path, present)
    } else if (entry.isFile()) {
      present.files.add(path)
    } else {
      rmSync(join(staging, path), { recursive: true, force: true })
    }
  }
  return present
}

/** Whether `path` is a regular file (not a symlink) holding exactly `content`. */
function holdsBytes(path: string, content: Uint8Array): boolean {
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (!stats?.isFile() || stats.size !== content.byteLength) return false
  try {
    return readFileSync(path).equals(content)
  } catch {
    return false
  }
}

/**
 * Whether `path` is a regular file (not a symlink) whose bytes have `digest`: as `verified`
 * remembers it unchanged, or read and hashed (and then remembered).
 */
function holdsDigest(path: string, digest: ContentDigest, verified: VerifiedFiles): boolean {
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (!stats?.isFile() || stats.size !== digest.size) return false
  if (verified.vouches(stats, digest)) return true
  try {
    if (contentDigest(readFileSync(path)).hash !== digest.hash) return false
  } catch {
    return false
  }
  verified.record(stats, digest)
  return true
}

/** Hard-links `from` to `to`; false where links are refused (another device, no link support). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to)
    return true
  } catch {
    return false
  }
}
