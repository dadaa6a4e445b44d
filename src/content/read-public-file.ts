/**
 * Reads one file of `public/` to copy it into the site (issue 18), as every site file is read
 * (SPEC 9, `io/read-site-file.ts`): a regular file inside the site, within a size limit. A
 * refusal is one problem at the file's path: `path-unsafe` for a link leading outside the site,
 * `public-unreadable` for a FIFO, device, socket, or a file too large or gone since it was found.
 */
import { describeRefusal, readSiteFileSync } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import type { SiteProblem } from '../types.js'

/**
 * The most bytes of one public file: as much as a data file. Downloads and images fit; a video
 * belongs on a video host, embedded (`embeds:`), not in every deploy of the site.
 */
export const publicFileLimit = sizeLimits.dataFile

/**
 * The bytes of `file` (site-relative, under `public/`), or the problem that keeps it out of the
 * site. Blocking: files are read one at a time as they are copied, so a large `public/` is never
 * whole in memory. `realRoot` is the site root's real path, resolved once by the caller.
 */
export function readPublicFile(
  root: string,
  file: string,
  realRoot: string
): Uint8Array | SiteProblem {
  const read = readSiteFileSync(root, file, publicFileLimit, realRoot)
  if (read instanceof Uint8Array) return read
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: read.reason === 'outside' ? 'path-unsafe' : 'public-unreadable',
    message: `${file} cannot be copied into the site: ${describeRefusal(read)}`,
    file
  }
}
