/**
 * Cache files sealed with the SHA-256 of what they hold (SPEC 9: nothing read from the build cache
 * is used before its digest is verified). A sealed file is a short header, the digest, then the
 * payload; reading one checks the digest first, so a file cut short, a flipped bit or bytes
 * written over (a `<script>` over a headline) make it unreadable, never a wrong entry: the cache
 * then holds nothing there and the build makes it again. Set `NODE_DEBUG=factdesk-cache` to see
 * what was dropped.
 */
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { debuglog } from 'node:util'
import { writeAtomically } from '../io/write-atomically.js'

/** Notes on cache entries dropped as damaged, shown with `NODE_DEBUG=factdesk-cache`. */
export const cacheDebug = debuglog('factdesk-cache')

/** Names the layout, so that any other file is told apart before its digest is even taken. */
const magic = Buffer.from('factdesk-sealed-1\n')
const digestLength = 32

/** `payload` as the pieces of a sealed file: header and digest, then the payload itself. */
export function sealed(payload: Uint8Array): Uint8Array[] {
  return [magic, createHash('sha256').update(payload).digest(), payload]
}

/** The payload of sealed bytes, or undefined when they are not sealed or their digest fails. */
export function unsealed(bytes: Uint8Array): Uint8Array | undefined {
  const start = magic.byteLength + digestLength
  if (bytes.byteLength < start || !magic.equals(bytes.subarray(0, magic.byteLength)))
    return undefined
  const payload = bytes.subarray(start)
  const digest = createHash('sha256').update(payload).digest()
  return digest.equals(bytes.subarray(magic.byteLength, start)) ? payload : undefined
}

/** The verified payload of sealed file `file`; undefined when it is missing or damaged. */
export function readSealed(file: string): Uint8Array | undefined {
  const bytes = readCacheFile(file)
  if (bytes === undefined) return undefined
  const payload = unsealed(bytes)
  if (payload === undefined) cacheDebug('%s fails its digest: dropped', file)
  return payload
}

/** Writes `payload` sealed into `file`, whole or not at all; false when the disk refused. */
export function writeSealed(file: string, payload: Uint8Array): Promise<boolean> {
  return writeAtomically(file, sealed(payload))
}

/**
 * Opens a cache file the way every input is opened (SPEC 9): without following a link, without
 * waiting on a FIFO, and only when `fstat` says it is a regular file. The descriptor is returned
 * open; undefined when the file is missing or anything else.
 */
export function openCacheFile(file: string): number | undefined {
  let descriptor: number | undefined
  try {
    descriptor = openSync(file, cacheOpenFlags)
    if (fstatSync(descriptor).isFile()) return descriptor
  } catch {
    // Missing or refused: the cache holds nothing there.
  }
  if (descriptor !== undefined) closeSync(descriptor)
  return undefined
}

/** `O_NONBLOCK` and `O_NOFOLLOW` are POSIX; where they do not exist the `fstat` check still stands. */
const cacheOpenFlags =
  constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** The bytes of cache file `file` when it is a regular file; undefined otherwise. */
function readCacheFile(file: string): Buffer | undefined {
  const descriptor = openCacheFile(file)
  if (descriptor === undefined) return undefined
  try {
    return readFileSync(descriptor)
  } catch {
    return undefined
  } finally {
    closeSync(descriptor)
  }
}
