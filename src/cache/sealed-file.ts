/**
 * Cache files sealed with the SHA-256 of what they hold (SPEC 9: nothing read from the build cache
 * is used before its digest is verified). A sealed file is a short header, the digest, then the
 * payload; reading one checks the digest first, so a file cut short, a flipped bit or bytes
 * written over (a `<script>` over a headline) make it unreadable, never a wrong entry: the cache
 * then holds nothing there and the build makes it again. Set `NODE_DEBUG=factdesk-cache` to see
 * what was dropped.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
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
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const payload = unsealed(bytes)
  if (payload === undefined) cacheDebug('%s fails its digest: dropped', file)
  return payload
}

/** Writes `payload` sealed into `file`, whole or not at all; false when the disk refused. */
export function writeSealed(file: string, payload: Uint8Array): Promise<boolean> {
  return writeAtomically(file, sealed(payload))
}
