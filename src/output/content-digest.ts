/**
 * What identifies a file's bytes without keeping them: their length and SHA-256. A warm build
 * knows an unchanged page by its digest and never loads the page's bytes to write it again.
 */
import { createHash } from 'node:crypto'

/** The length and SHA-256 (hex) of some bytes. */
export interface ContentDigest {
  size: number
  hash: string
}

/** The digest of `bytes`. */
export function contentDigest(bytes: Uint8Array): ContentDigest {
  return { size: bytes.byteLength, hash: createHash('sha256').update(bytes).digest('hex') }
}
