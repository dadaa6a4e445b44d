/**
 * Single byte ranges (RFC 9110, 14), as static hosts serve them: Safari on a phone will not play
 * a `<video>` from `public/` without them, and `--host` exists for that phone. A request for
 * several ranges gets the whole file, which the RFC allows; so does one whose `If-Range` names
 * another version of the file.
 */
import type { IncomingHttpHeaders } from 'node:http'

/** The bytes to send, both ends included. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * The range a request asks for in a file of `size` bytes with entity tag `etag`: a range,
 * `unsatisfiable` (answer 416), or undefined (send the whole file).
 */
export function byteRangeOf(
  headers: IncomingHttpHeaders,
  size: number,
  etag: string
): ByteRange | 'unsatisfiable' | undefined {
  const header = headers.range
  if (header === undefined) return undefined
  const ifRange = headers['if-range']
  // A weak tag never matches If-Range (strong comparison), nor does a date: send it whole.
  if (ifRange !== undefined && (ifRange !== etag || etag.startsWith('W/'))) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (match === null) return undefined
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return undefined
  if (from === '') {
    // `bytes=-500`: the last 500 bytes.
    const length = Number(to)
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(size - length, 0), end: size - 1 }
  }
  const start = Number(from)
  if (start >= size) return 'unsatisfiable'
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  return end < start ? undefined : { start, end }
}
