/**
 * Publishes a staged site into an output folder that cannot be swapped whole (SPEC 9): one the
 * user shares with files of their own (`--force`), or a mount point. Files move in one at a time;
 * nothing factdesk did not write is replaced or removed, and nothing is written or removed
 * through a link put where one of its folders belongs.
 */
import {
  lstatSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { safeJoin } from './fill-staging.js'
import { markerContent, markerName } from './output-marker.js'
import type { OutputMarker } from './output-marker.js'
import { OutputInTheWay } from './output-problem.js'

/**
 * Moves the staged files into `target` one by one, for a folder that holds the user's files too
 * (or cannot be renamed): nothing of theirs is replaced or removed. A file factdesk did not write
 * standing where a page goes stops the build before anything moves. The marker first lists old
 * and new files together, so a build killed half-way still knows every file it wrote.
 */
export function publishInPlace(
  staging: string,
  target: string,
  files: readonly string[],
  previous: OutputMarker | undefined
): void {
  const before = new Set(previous?.files)
  // Every page's folders must be real folders (a link put in their place would carry the write,
  // or a removal, elsewhere); a new page's place must be free.
  const taken = files.filter(
    (path) =>
      !throughFolders(target, path) || (!before.has(path) && standsInTheWay(target, staging, path))
  )
  if (taken.length > 0) {
    throw new OutputInTheWay(
      `${join(target, taken[0] ?? '')}${taken.length > 1 ? ` and ${taken.length - 1} more` : ''} already exist${taken.length > 1 ? '' : 's'} and factdesk did not write ${taken.length > 1 ? 'them' : 'it'}: move ${taken.length > 1 ? 'them' : 'it'} out of the output folder, then build again`
    )
  }
  const marker = join(target, markerName)
  const all = [...new Set([...before, ...files])]
  writeMarker(marker, markerContent({ mode: 'in-place', files: all }))
  for (const path of files) {
    const from = join(staging, path)
    const to = safeJoin(target, path)
    const there = lstatSync(to, { throwIfNoEntry: false })
    if (
      there !== undefined &&
      there.ino === lstatSync(from).ino &&
      there.dev === lstatSync(from).dev
    )
      continue
    mkdirSync(dirname(to), { recursive: true })
    renameSync(from, to)
  }
  const now = new Set(files)
  for (const path of before) {
    if (now.has(path)) continue
    const at = safeJoinOrUndefined(target, path)
    if (at === undefined || !throughFolders(target, path)) continue
    if (!lstatSync(at, { throwIfNoEntry: false })?.isFile()) continue
    unlinkSync(at)
    removeEmptyFolders(target, dirname(at))
  }
  writeMarker(marker, markerContent({ mode: 'in-place', files }))
  rmSync(staging, { recursive: true, force: true })
}

/** Writes the marker whole or not at all: a killed build leaves the old one or the new one. */
function writeMarker(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, content)
  renameSync(temporary, path)
}

/** Whether each folder on `path`'s way in `target` is a real folder or not there yet (no link). */
function throughFolders(target: string, path: string): boolean {
  const parts = path.split('/')
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = lstatSync(join(target, ...parts.slice(0, depth)), { throwIfNoEntry: false })
    if (folder === undefined) return true
    if (!folder.isDirectory()) return false
  }
  return true
}

/**
 * Whether something not factdesk's stands at `path` in `target`. The very file staging links to
 * does not: the page was unchanged.
 */
function standsInTheWay(target: string, staging: string, path: string): boolean {
  const there = lstatSync(join(target, path), { throwIfNoEntry: false })
  if (there === undefined) return false
  const staged = lstatSync(join(staging, path))
  return !(there.ino === staged.ino && there.dev === staged.dev)
}

/** Removes `folder` and its parents up to `top` while they are empty (rmdir never removes files). */
function removeEmptyFolders(top: string, folder: string): void {
  for (let at = folder; at !== top && at.startsWith(top); at = dirname(at)) {
    try {
      rmdirSync(at)
    } catch {
      return
    }
  }
}

function safeJoinOrUndefined(root: string, path: string): string | undefined {
  try {
    return safeJoin(root, path)
  } catch {
    return undefined
  }
}
