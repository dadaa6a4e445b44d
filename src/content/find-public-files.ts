/**
 * Finds the files of `public/` (issue 18), the optional folder copied as it is to the site root:
 * favicon, logo, `CNAME`, downloads, `.well-known/`. Every file is listed, dotfiles included
 * (`.nojekyll` and `.well-known/` matter to hosts), sorted so builds are deterministic.
 *
 * Every file must be a regular file inside the site (SPEC 9): a symbolic link is followed only
 * when it resolves inside the site, one leading outside is `path-unsafe` at its path, and a link
 * back to a folder above it (a loop) or a folder that cannot be listed is `public-unreadable`.
 * A FIFO, device or socket is listed like a file, and refused when read
 * (`read-public-file.ts`). The walk is synchronous, as `find-articles.ts` explains.
 */
import { readdirSync, realpathSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import { errorCode, hasCode } from '../io/file-errors.js'
import { isInside } from '../io/read-site-file.js'
import { isDirectory, resolveLink, siteFile } from '../io/walk-paths.js'
import type { RuleId } from '../rules.js'
import type { SiteProblem } from '../types.js'

/** The folder, relative to the site root. */
export const publicFolder = 'public'

/** The files of `public/` (site-relative, `/`-separated) and the problems met finding them. */
export interface FoundPublicFiles {
  files: string[]
  problems: SiteProblem[]
}

interface Walk {
  root: string
  realRoot: string
  /** Real paths of the folders being walked: a link to one of them is a loop. */
  ancestors: Set<string>
  found: FoundPublicFiles
}

/** Lists every file under `root/public/`; none when there is no such folder. */
export function findPublicFiles(root: string): FoundPublicFiles {
  const walk: Walk = {
    root,
    realRoot: realpathSync.native(root),
    ancestors: new Set(),
    found: { files: [], problems: [] }
  }
  const folder = join(root, publicFolder)
  const real = resolveLink(folder)
  if (typeof real !== 'string') {
    if (!hasCode(real.error, 'ENOENT')) walk.found.problems.push(unresolved(publicFolder, real.error))
  } else if (!isInside(real, walk.realRoot)) {
    walk.found.problems.push(leadsOutside(publicFolder))
  } else if (!isDirectory(real)) {
    walk.found.problems.push(
      problem(
        'public-unreadable',
        publicFolder,
        'public is a file, not a folder; make it a folder of the files to publish, or remove it'
      )
    )
  } else {
    visit(walk, folder, real)
  }
  walk.found.files.sort()
  return walk.found
}

function visit(walk: Walk, dir: string, real: string): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    const folder = siteFile(walk, dir)
    walk.found.problems.push(
      problem(
        'public-unreadable',
        folder,
        `cannot read the folder ${folder} (${codeOf(error)}): give it read permission, or move it out of public/`
      )
    )
    return
  }
  walk.ancestors.add(real)
  for (const entry of entries) visitEntry(walk, entry, join(dir, entry.name), join(real, entry.name))
  walk.ancestors.delete(real)
}

function visitEntry(walk: Walk, entry: Dirent, path: string, realPath: string): void {
  const file = siteFile(walk, path)
  if (!entry.isSymbolicLink()) {
    if (entry.isDirectory()) visit(walk, path, realPath)
    else walk.found.files.push(file)
    return
  }
  const target = resolveLink(path)
  if (typeof target !== 'string') walk.found.problems.push(unresolved(file, target.error))
  else if (!isInside(target, walk.realRoot)) walk.found.problems.push(leadsOutside(file))
  else if (!isDirectory(target)) walk.found.files.push(file)
  else if (walk.ancestors.has(target))
    walk.found.problems.push(
      problem(
        'public-unreadable',
        file,
        `${file} is a symbolic link to a folder that holds it, a loop; remove the link`
      )
    )
  else visit(walk, path, target)
}

function leadsOutside(file: string): SiteProblem {
  return problem(
    'path-unsafe',
    file,
    `${file} is a symbolic link that leads outside the site; copy the file into public/ instead`
  )
}

/** The problem for a link (or `public` itself) whose target cannot be resolved. */
function unresolved(file: string, error: unknown): SiteProblem {
  if (hasCode(error, 'ELOOP'))
    return problem(
      'public-unreadable',
      file,
      `${file} is a symbolic link that leads back to itself; remove the link`
    )
  if (hasCode(error, 'ENOENT', 'ENOTDIR'))
    return problem(
      'public-unreadable',
      file,
      `${file} is a broken symbolic link; remove it, or copy the file it meant into public/`
    )
  return problem(
    'public-unreadable',
    file,
    `cannot read ${file} (${codeOf(error)}): check its permissions`
  )
}

function problem(rule: RuleId, file: string, message: string): SiteProblem {
  return { severity: 'error', line: 1, column: 1, rule, message, file }
}

function codeOf(error: unknown): string {
  return errorCode(error) ?? 'unknown error'
}
