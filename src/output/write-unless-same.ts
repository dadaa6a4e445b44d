/**
 * Writes a file given in pieces only when no existing file already holds its bytes. The pieces
 * are compared, as they come, against every candidate file at once; the first time all of them
 * differ, what matched so far is copied from a candidate and the rest is written. A large page that
 * did not change (a site's report: hundreds of megabytes at 40,000 articles) is thus read once
 * per candidate and never written, and the pieces are produced only once, whatever happens.
 */
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs'
import type { ContentDigest } from './content-digest.js'

/**
 * Bytes handed to one system call: small pieces are gathered up to this. Kept below V8's large
 * object size, so each gathered string dies young: at a megabyte each, the hundreds of megabytes
 * of a 40,000-article report waited in the large object space for a full collection.
 */
export const writeSize = 1 << 16

/**
 * `same`: the first of `candidates` (paths, in order of preference) that is a regular file holding
 * exactly the concatenated `chunks`; when none does, the bytes are written to a new file at `part`
 * and `same` is undefined. `digest`: the digest of the bytes, either way.
 */
export function writeUnlessSame(
  chunks: Iterable<string>,
  candidates: readonly string[],
  part: string
): { same: string | undefined; digest: ContentDigest } {
  const open = candidates.flatMap((path) => {
    const descriptor = openRegular(path)
    return descriptor === undefined ? [] : [{ path, descriptor, matching: true }]
  })
  let output: number | undefined
  let offset = 0
  const hash = createHash('sha256')
  const result = (same: string | undefined) => ({
    same,
    digest: { size: offset, hash: hash.digest('hex') }
  })
  const ours = Buffer.allocUnsafe(writeSize)
  const theirs = Buffer.allocUnsafe(writeSize)
  const flush = (text: string): void => {
    const bytes = Buffer.from(text)
    hash.update(bytes)
    if (output === undefined) {
      const source = open.find((candidate) => candidate.matching)
      for (const candidate of open) {
        if (candidate.matching && !readsAs(candidate.descriptor, bytes, theirs))
          candidate.matching = false
      }
      if (open.some((candidate) => candidate.matching)) {
        offset += bytes.byteLength
        return
      }
      output = openSync(part, 'w')
      // Everything before this piece matched `source`: copied from it rather than kept in memory.
      if (source !== undefined) copyPrefix(source.descriptor, output, offset, ours)
    }
    writeAll(output, bytes)
    offset += bytes.byteLength
  }
  try {
    let pending: string[] = []
    let size = 0
    for (const chunk of chunks) {
      pending.push(chunk)
      size += chunk.length
      if (size < writeSize) continue
      flush(pending.join(''))
      pending = []
      size = 0
    }
    if (pending.length > 0 || output === undefined) flush(pending.join(''))
    if (output !== undefined) return result(undefined)
    const same = open.find(
      (candidate) => candidate.matching && fstatSync(candidate.descriptor).size === offset
    )
    if (same !== undefined) return result(same.path)
    // The candidates still matching are longer than the file: copy the part that matched.
    output = openSync(part, 'w')
    const source = open.find((candidate) => candidate.matching)
    if (source !== undefined) copyPrefix(source.descriptor, output, offset, ours)
    return result(undefined)
  } finally {
    for (const candidate of open) closeSync(candidate.descriptor)
    if (output !== undefined) closeSync(output)
  }
}

/** A descriptor for `path` when it is a regular file (not a symbolic link, not a folder). */
function openRegular(path: string): number | undefined {
  let descriptor: number | undefined
  try {
    // Not through a symbolic link: a link planted in the output could point anywhere.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW)
    if (fstatSync(descriptor).isFile()) return descriptor
  } catch {
    // Missing or unreadable: not a candidate.
  }
  if (descriptor !== undefined) closeSync(descriptor)
  return undefined
}

/** Whether the next `bytes.byteLength` bytes read from `descriptor` equal `bytes`. */
function readsAs(descriptor: number, bytes: Buffer, scratch: Buffer): boolean {
  for (let at = 0; at < bytes.byteLength;) {
    const length = Math.min(scratch.byteLength, bytes.byteLength - at)
    const read = readFully(descriptor, scratch, length, null)
    if (read !== length || !scratch.subarray(0, length).equals(bytes.subarray(at, at + length)))
      return false
    at += length
  }
  return true
}

/** Copies the first `length` bytes of `from` to `to`. */
function copyPrefix(from: number, to: number, length: number, scratch: Buffer): void {
  for (let at = 0; at < length;) {
    const read = readFully(from, scratch, Math.min(scratch.byteLength, length - at), at)
    if (read === 0) throw new Error('a file being compared shrank while it was read')
    writeAll(to, scratch.subarray(0, read))
    at += read
  }
}

/** Reads up to `length` bytes, retrying short reads; fewer only at the end of the file. */
function readFully(
  descriptor: number,
  into: Buffer,
  length: number,
  position: number | null
): number {
  let total = 0
  while (total < length) {
    const read = readSync(
      descriptor,
      into,
      total,
      length - total,
      position === null ? null : position + total
    )
    if (read === 0) break
    total += read
  }
  return total
}

function writeAll(descriptor: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength;)
    at += writeSync(descriptor, bytes, at, bytes.byteLength - at)
}
