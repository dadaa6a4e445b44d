/**
 * Reads one input file of a site (SPEC 9, issue 15). Articles, data files, templates, the
 * stylesheet and `data/site.yaml` all come through here, so one rule holds for every one of them:
 *
 * - the path is resolved (`realpath`) and must land inside the folder given, the site root: a
 *   template linked to `/proc/self/environ` or a data file linked to `/dev/zero` is refused
 *   before anything is opened;
 * - the real path is opened with `O_NONBLOCK` (opening a FIFO would otherwise wait for a writer
 *   for ever) and `O_NOFOLLOW` (a link swapped in since the check fails instead of being
 *   followed), and `fstat` on the descriptor decides what it is: the file checked is the file
 *   read;
 * - only a regular file is read, and only when it is within the caller's size limit.
 *
 * A refusal comes back as a typed reason, never thrown: each caller turns it into the problem of
 * its own kind (`path-unsafe` for `outside`, the kind's unreadable rule for the rest).
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { open, readFile, realpath } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { errorCode } from './file-errors.js'
import { withReadSlot } from './read-bounded.js'
import { formatLimit } from './size-limits.js'

/** What a file that is not a regular file is, as messages name it. */
export type SpecialKind =
  'folder' | 'FIFO (named pipe)' | 'character device' | 'block device' | 'socket' | 'special file'

/** Why a site file was not read. */
export type Refusal =
  | { reason: 'missing' }
  | { reason: 'outside' }
  | { reason: 'link-loop' }
  | { reason: 'not-a-file'; kind: SpecialKind }
  | { reason: 'too-large'; limit: number }
  | { reason: 'unreadable'; code: string }

/** The bytes of a site file, or why they were not read. */
export type SiteFileRead = Buffer | Refusal

/** `O_NONBLOCK` and `O_NOFOLLOW` are POSIX; where they do not exist the checks still stand. */
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/**
 * Reads `file` (relative to `root`) if it is a regular file inside `root` of at most `limit`
 * bytes. Holds one of the process's bounded read slots (see `read-bounded.ts`) while it runs.
 */
export function readSiteFile(root: string, file: string, limit: number): Promise<SiteFileRead> {
  return withReadSlot(async () => {
    try {
      const real = await realpath(join(root, file))
      if (!isInside(real, await realpath(root))) return { reason: 'outside' }
      const handle = await open(real, openFlags)
      try {
        return await readOpened(handle, limit)
      } finally {
        await handle.close()
      }
    } catch (error) {
      return refusalOfError(error)
    }
  })
}

/**
 * `readSiteFile` with blocking calls, for callers reading thousands of small files one after
 * another, where blocking reads are several times faster than promised ones. Such a caller
 * resolves the root once and passes it as `realRoot`.
 */
export function readSiteFileSync(
  root: string,
  file: string,
  limit: number,
  realRoot = realpathSync.native(root)
): SiteFileRead {
  let descriptor: number | undefined
  try {
    const real = realpathSync.native(join(root, file))
    if (!isInside(real, realRoot)) return { reason: 'outside' }
    descriptor = openSync(real, openFlags)
    const stats = fstatSync(descriptor)
    const refusal = refusalOfStats(stats, limit)
    if (refusal) return refusal
    return withinLimit(readUpTo(limit + 1, stats.size, readingFrom(descriptor)), limit)
  } catch (error) {
    return refusalOfError(error)
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/** What a refusal means for the person who wrote the file, and what to do about it. */
export function describeRefusal(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'missing':
      return 'it does not exist (or is a symbolic link to nothing)'
    case 'outside':
      return 'it is a symbolic link that leads outside the site; copy the file into the site instead'
    case 'link-loop':
      return 'it is a symbolic link that leads back to itself, or was replaced by one while being read; remove the link'
    case 'not-a-file':
      return refusal.kind === 'folder'
        ? 'it is a folder, not a file; rename the folder or move it elsewhere'
        : `it is a ${refusal.kind}, not a regular file; replace it with an ordinary file`
    case 'too-large':
      return `it is larger than ${formatLimit(refusal.limit)}, the most factdesk reads from a file of its kind; split or shorten it`
    case 'unreadable':
      return `the system refused to read it (${refusal.code}); check the file's permissions`
  }
}

/** Whether `path` is `root` or lies below it; both real paths. */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

async function readOpened(handle: FileHandle, limit: number): Promise<SiteFileRead> {
  const stats = await handle.stat()
  const refusal = refusalOfStats(stats, limit)
  if (refusal) return refusal
  // `readFile` on a descriptor reads as many bytes as the file then holds and stops: bounded. A
  // file that grew past the limit in between is refused by the length check after it. A file
  // reporting no size is rare enough for blocking reads of a bounded length.
  const bytes =
    stats.size > 0 ? await readFile(handle) : readUpTo(limit + 1, 0, readingFrom(handle.fd))
  return withinLimit(bytes, limit)
}

/** The refusal for what `fstat` found, if any: not a regular file, or too large. */
function refusalOfStats(stats: Stats, limit: number): Refusal | undefined {
  if (!stats.isFile()) return { reason: 'not-a-file', kind: kindOf(stats) }
  if (stats.size > limit) return { reason: 'too-large', limit }
  return undefined
}

function withinLimit(bytes: Buffer, limit: number): SiteFileRead {
  return bytes.length > limit ? { reason: 'too-large', limit } : bytes
}

/**
 * Reads until the end of the file, but never more than `most` bytes, into one buffer sized for the
 * `expected` bytes `fstat` gave. It grows only for a file that grew meanwhile, or that reports no
 * size while holding bytes (files of `/proc`, some network file systems).
 */
function readUpTo(
  most: number,
  expected: number,
  read: (into: Buffer, at: number) => number
): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(most, expected + 1))
  let total = 0
  for (;;) {
    if (total === buffer.length) {
      if (total >= most) break
      const larger = Buffer.allocUnsafe(Math.min(most, 2 * total + 64 * 1024))
      buffer.copy(larger, 0, 0, total)
      buffer = larger
    }
    const count = read(buffer, total)
    if (count === 0) break
    total += count
  }
  return buffer.subarray(0, total)
}

/** Blocking reads from the current position of `descriptor`, into `into` from `at` on. */
function readingFrom(descriptor: number): (into: Buffer, at: number) => number {
  return (into, at) => readSync(descriptor, into, at, into.length - at, null)
}

function kindOf(stats: Stats): SpecialKind {
  if (stats.isDirectory()) return 'folder'
  if (stats.isFIFO()) return 'FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  if (stats.isSocket()) return 'socket'
  return 'special file'
}

/** The refusal a file-system error stands for; anything else is a bug and is thrown on. */
function refusalOfError(error: unknown): Refusal {
  const code = errorCode(error)
  switch (code) {
    case undefined:
      throw error
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'missing' }
    case 'ELOOP':
      return { reason: 'link-loop' }
    case 'ENXIO':
      // What opening a socket (or a device with no driver behind it) fails with.
      return { reason: 'not-a-file', kind: 'socket' }
    default:
      return { reason: 'unreadable', code }
  }
}
