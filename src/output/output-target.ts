/**
 * Decides where a build may write, before anything is read or written (SPEC 9): the output folder
 * is never the user's. It may not be the site root or an ancestor of it, nor lie in `content/`,
 * `data/`, `templates/`, `public/`, `node_modules/` or `.git/`; a folder that holds files factdesk
 * did not write is refused unless the user says `--force`, and then it is written into, never
 * swapped away. A mount point is written into as well: it cannot be renamed.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { readOutputMarker, markerName } from './output-marker.js'
import type { OutputMarker } from './output-marker.js'
import { isStagingName } from './staging-names.js'

/** An input the build refuses before it starts (exit 2): the message names it and says why. */
export class RefusedInput extends Error {
  override name = 'RefusedInput'
}

/** Folders of a site that are the user's, never an output. */
const userFolders = ['content', 'data', 'templates', 'public', 'node_modules', '.git'] as const

/** Where and how a build writes its output. */
export interface OutputTarget {
  /** The real path of the output folder (a symbolic link given as `--out` resolved). */
  folder: string
  /**
   * `swap`: the folder is factdesk's (or new, or empty), and a build replaces it whole in one
   * step. `in-place`: it holds files factdesk did not write (with `--force`) or is a mount point;
   * a build moves its files in one by one and removes only files it wrote before.
   */
  mode: 'swap' | 'in-place'
  /** What the previous build recorded, when the folder holds one. */
  marker: OutputMarker | undefined
}

/** Checks that `root` is a site: it exists and holds `content/` or `data/site.yaml`. */
export function assertSiteRoot(root: string): void {
  const stats = statSync(root, { throwIfNoEntry: false })
  if (stats === undefined) {
    throw new RefusedInput(
      `the site folder ${root} does not exist: run factdesk in your site's folder, or give it with --root`
    )
  }
  if (!stats.isDirectory()) throw new RefusedInput(`the site folder ${root} is not a folder`)
  const hasContent = statSync(join(root, 'content'), { throwIfNoEntry: false })?.isDirectory()
  const hasSettings = statSync(join(root, 'data', 'site.yaml'), { throwIfNoEntry: false })?.isFile()
  if (!hasContent && !hasSettings) {
    throw new RefusedInput(
      `${root} is not a factdesk site: it holds neither content/ nor data/site.yaml; run factdesk in your site's folder, or give it with --root`
    )
  }
}

/**
 * Where `out` may be written for the site at `root`; throws `RefusedInput` naming the folder and
 * saying why when it may not. Reads the folder, writes nothing.
 */
export function resolveOutputTarget(root: string, out: string, force: boolean): OutputTarget {
  const shown = out
  const folder = realOutput(resolve(out), shown)
  const realRoot = realpathSync(root)
  if (folder === realRoot || isInside(realRoot, folder)) {
    throw new RefusedInput(
      `--out ${shown} ${folder === realRoot ? 'is the site folder' : 'holds the site folder'}: building there would replace your articles and data; choose a folder of its own, such as ${join(root, 'dist')}`
    )
  }
  for (const name of userFolders) {
    const user = realOrSelf(join(root, name))
    if (folder === user || isInside(folder, user) || isInside(user, folder)) {
      throw new RefusedInput(
        `--out ${shown} ${folder === user ? 'is' : isInside(folder, user) ? 'lies inside' : 'holds'} the site's ${name}/ folder, which is yours, not factdesk's; choose a folder of its own, such as ${join(root, 'dist')}`
      )
    }
  }
  const stats = lstatSync(folder, { throwIfNoEntry: false })
  if (stats === undefined) return { folder, mode: 'swap', marker: undefined }
  if (!stats.isDirectory())
    throw new RefusedInput(`--out ${shown} is a file, not a folder: choose a folder`)

  const marker = readOutputMarker(folder)
  // A folder shared with the user's files once (`--force`) stays shared: its marker says so.
  if (marker?.mode === 'in-place') return { folder, mode: 'in-place', marker }
  const foreign = foreignEntries(folder, marker)
  if (foreign.length > 0 && !force) {
    const named = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '')
    throw new RefusedInput(
      marker
        ? `--out ${shown} holds files factdesk did not write (${named}): move them away, or build with --force to keep them and write around them`
        : `--out ${shown} is not empty and was not made by factdesk (it holds ${named}): choose another folder, empty this one, or build with --force to write into it (factdesk then removes only files it wrote)`
    )
  }
  const inPlace = foreign.length > 0 || isMountPoint(folder)
  return { folder, mode: inPlace ? 'in-place' : 'swap', marker }
}

/** The real path of the output folder: a link's target, or the path under its real parent. */
function realOutput(out: string, shown: string): string {
  const stats = lstatSync(out, { throwIfNoEntry: false })
  if (stats?.isSymbolicLink()) {
    try {
      return realpathSync(out)
    } catch {
      throw new RefusedInput(
        `--out ${shown} is a symbolic link to a folder that does not exist: create the folder, or point the link elsewhere`
      )
    }
  }
  if (stats !== undefined) return realpathSync(out)
  // Not there yet: its nearest existing ancestor, resolved, with the rest of the path.
  const parent = dirname(out)
  return parent === out ? out : join(realOutput(parent, shown), basename(out))
}

/** The real path of `path`, or `path` when it does not exist. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** Whether `path` lies strictly inside `folder`. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  // `..foo` is a name inside; only `..` itself or `../...` leaves the folder.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * Files and folders in `folder` that no factdesk build wrote: everything, when it holds no
 * marker; otherwise whatever the marker does not list. Leftover staging folders of factdesk's
 * own in-place builds are not the user's.
 */
function foreignEntries(folder: string, marker: OutputMarker | undefined): string[] {
  const found: string[] = []
  const written = new Set(marker?.files)
  const writtenFolders = new Set<string>()
  for (const file of written)
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1))
      writtenFolders.add(file.slice(0, at))
  const walk = (prefix: string): void => {
    for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (prefix === '' && (entry.name === markerName || isStagingName(entry.name))) continue
      // Without a marker nothing is factdesk's: a few names are enough to say so.
      if (marker === undefined) {
        found.push(path)
        if (found.length > 3) return
      } else if (entry.isDirectory() && writtenFolders.has(path)) walk(path)
      else if (!(entry.isFile() && written.has(path))) found.push(path)
    }
  }
  walk('')
  return found.sort()
}

/**
 * Whether `folder` is a mount point: another device than its parent, or listed as a mount (a
 * bind mount of the same device) in Linux's mount table.
 */
function isMountPoint(folder: string): boolean {
  const parent = dirname(folder)
  if (parent !== folder && statSync(folder).dev !== statSync(parent).dev) return true
  let table: string
  try {
    table = readFileSync('/proc/self/mountinfo', 'utf8')
  } catch {
    return false
  }
  // Field 5 is the mount point, with spaces and the like written as octal escapes.
  return table.split('\n').some((line) => {
    const field = line.split(' ')[4]
    return (
      field !== undefined &&
      field.replace(/\\([0-7]{3})/g, (_, code: string) =>
        String.fromCharCode(parseInt(code, 8))
      ) === folder
    )
  })
}
