/**
 * What the build reads, as `stat` sees it: every file under the folders the dev server watches,
 * with its size, modification time and inode. Two equal lists say that no file was added,
 * removed, written or replaced between them, without reading one byte: the test the dev server
 * makes before it serves the site it kept at its last stop (`stored-site.ts`), as git's index
 * and make do. A write that leaves size and times as they were is not seen here; the build that
 * follows such a start reads every file, and open pages reload if they differ (`dev-server.ts`).
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { watchedFolders } from './watch-site.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** One file: its site-relative path, then size, mtime (ms) and inode; -1s when it cannot be read. */
export type InputStamp = readonly [path: string, size: number, mtimeMs: number, ino: number]

/**
 * The stamps of every file under the watched folders of `root`, ordered by path; undefined when
 * a link leads to a folder, whose files may lie where neither the watcher nor this looks. Read
 * with blocking calls: thousands of `stat`s, where a promise each costs more than the call, at a
 * moment when the server has nothing else to do.
 */
export function inputStamps(root: string): InputStamp[] | undefined {
  const stamps: InputStamp[] = []
  try {
    for (const folder of watchedFolders) visit(root, folder, stamps)
  } catch (error) {
    if (error === linkedFolder) return undefined
    throw error
  }
  return stamps.sort(([a], [b]) => byCodeUnits(a, b))
}

const linkedFolder = new Error('a link to a folder')

function visit(root: string, folder: string, stamps: InputStamp[]): void {
  let entries
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true })
  } catch {
    // A folder that is missing (no `templates/`) or cannot be read is the same next time only
    // when it is missing again: its absence is what gets compared.
    return
  }
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`
    // Links are followed: the build reads what they point to (and refuses them if that leaves
    // the site, which an unchanged link does again).
    const stats = statSync(join(root, path), { throwIfNoEntry: false })
    if (stats === undefined) stamps.push([path, -1, -1, -1])
    else if (stats.isDirectory()) {
      if (entry.isSymbolicLink()) throw linkedFolder
      visit(root, path, stamps)
    } else stamps.push([path, stats.size, stats.mtimeMs, stats.ino])
  }
}

/** Whether two lists of stamps say the same of every file. */
export function sameStamps(a: readonly InputStamp[], b: readonly InputStamp[]): boolean {
  if (a.length !== b.length) return false
  for (let at = 0; at < a.length; at++) {
    const x = a[at]
    const y = b[at]
    if (x === undefined || y === undefined) return false
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2] || x[3] !== y[3]) return false
  }
  return true
}
