/**
 * Maps a URL path under the site's `base` to a file of the built folder, as GitHub Pages and
 * Netlify do: `a/b/` is `a/b/index.html`, `a/b` is the file `a/b`, else a folder (to be
 * redirected to `a/b/`), else `a/b.html`. Nothing outside the folder is ever found: a `..` or
 * `.` segment (however it was encoded) is refused before the disk is asked, and every candidate
 * is resolved through its symbolic links and must still lie inside the folder. Only regular
 * files are served (a FIFO would hang the request, a device is not a page), and a folder is never
 * listed.
 */
import { realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { Stats } from 'node:fs'

/** What a URL path names in the built folder. */
export type Located =
  { kind: 'file'; path: string; stats: Stats } | { kind: 'folder' } | { kind: 'missing' }

/**
 * What `relative` (decoded, `/`-separated, below `base`) names in `folder`, which must be a real
 * path (symbolic links resolved).
 */
export async function locateFile(folder: string, relative: string): Promise<Located> {
  const segments = relative.split('/')
  if (!segments.every(isPlainSegment)) return { kind: 'missing' }
  if (relative === '' || relative.endsWith('/')) return fileAt(folder, `${relative}index.html`)
  const exact = await entryAt(folder, relative)
  if (exact?.stats.isFile()) return { kind: 'file', ...exact }
  if (exact?.stats.isDirectory()) return { kind: 'folder' }
  return fileAt(folder, `${relative}.html`)
}

/** The regular file at `relative` in `folder`, or missing. */
export async function fileAt(folder: string, relative: string): Promise<Located> {
  const entry = await entryAt(folder, relative)
  return entry?.stats.isFile() ? { kind: 'file', ...entry } : { kind: 'missing' }
}

/** The entry at `relative` with its links resolved, when it exists inside `folder`. */
async function entryAt(
  folder: string,
  relative: string
): Promise<{ path: string; stats: Stats } | undefined> {
  try {
    const path = await realpath(join(folder, ...relative.split('/')))
    if (path !== folder && !path.startsWith(`${folder}${sep}`)) return undefined
    return { path, stats: await stat(path) }
  } catch {
    // Missing, a broken link, a name too long, a folder in the way: not a file of this site.
    return undefined
  }
}

// Empty segments (`a//b`) are harmless and hosts collapse them; `.` and `..` climb, and a
// backslash or NUL byte has no place in a URL path of a static site.
function isPlainSegment(segment: string): boolean {
  return segment !== '.' && segment !== '..' && !segment.includes('\\') && !segment.includes('\0')
}
