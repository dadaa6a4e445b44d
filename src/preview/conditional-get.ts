/**
 * Validators for a file served from disk, as static hosts send them: an `ETag` and a
 * `Last-Modified`, so that a browser revalidates with `If-None-Match` / `If-Modified-Since` and
 * gets `304 Not Modified` for a file the build did not change (RFC 9110, 13.1).
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { Stats } from 'node:fs'

/** The validators of a file with `stats`. */
export interface Validators {
  etag: string
  lastModified: string
}

/**
 * A weak ETag from size and modification time, as nginx and sirv make them: cheap, and every
 * build that rewrites a file changes its time. Weak, since equal bytes are not promised.
 */
export function validatorsOf(stats: Stats): Validators {
  return {
    etag: `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
    lastModified: stats.mtime.toUTCString()
  }
}

/**
 * Whether the client's copy is current. `If-None-Match` decides when present (weak comparison,
 * as for GET); `If-Modified-Since` only without it, to the second, since HTTP dates have no less.
 */
export function isNotModified(headers: IncomingHttpHeaders, validators: Validators): boolean {
  const match = headers['if-none-match']
  if (match !== undefined) {
    const tags = match.split(',').map((tag) => tag.trim())
    return tags.includes('*') || tags.some((tag) => opaque(tag) === opaque(validators.etag))
  }
  const since = headers['if-modified-since']
  if (since === undefined) return false
  const time = Date.parse(since)
  return !Number.isNaN(time) && Date.parse(validators.lastModified) <= time
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag
}
