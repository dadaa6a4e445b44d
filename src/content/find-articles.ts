/**
 * Finds the article files of a site: every `.md` under `content/`, sorted so builds are
 * deterministic. A symlink that leads outside the site is refused rather than followed, so a
 * checkout cannot publish files from elsewhere on the machine (SPEC 9). A folder that cannot be
 * listed, or a link back to a folder above it (a loop), is one problem at its path and the walk
 * goes on with the rest. Anything else named `.md` that is not a folder is listed: reading it
 * (`io/read-site-file.ts`) refuses a FIFO, device or socket with a problem of its own. The walk
 * is synchronous: a content folder holds a folder per day, and a thousand awaited listings in a
 * row cost ten times their blocking form.
 */
import { readdirSync, realpathSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import { errorCode, hasCode, isMissing } from '../io/file-errors.js'
import { isInside } from '../io/read-site-file.js'
import { isDirectory, resolveLink, siteFile } from '../io/walk-paths.js'
import type { SiteProblem } from '../types.js'

/** Article files (site-relative, `/`-separated) and the problems met looking for them. */
export interface FoundArticles {
  files: string[]
  problems: SiteProblem[]
}

/** One walk: where it started, and what it found so far. */
interface Walk {
  root: string
  realRoot: string
  /** Real paths of the folders being walked, from `content/` down: a link to one is a loop. */
  ancestors: Set<string>
  files: string[]
  problems: SiteProblem[]
}

/** Lists the Markdown files under `root/content/`. */
export async function findArticles(root: string): Promise<FoundArticles> {
  const walk: Walk = {
    root,
    realRoot: realpathSync.native(root),
    ancestors: new Set(),
    files: [],
    problems: []
  }
  const content = join(root, 'content')
  const real = resolveLink(content)
  if (typeof real !== 'string') {
    if (!isMissing(real.error)) walk.problems.push(cannotList('content', codeOf(real.error)))
  } else if (!isInside(real, walk.realRoot)) {
    walk.problems.push(
      unsafe(
        'content',
        'is a symbolic link that leads outside the site; copy the folder in instead'
      )
    )
  } else {
    visit(walk, content, real)
  }
  walk.files.sort()
  return { files: walk.files, problems: walk.problems }
}

/** Walks the folder at `dir`, whose real path is `real`. */
function visit(walk: Walk, dir: string, real: string): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    if (!isMissing(error)) walk.problems.push(cannotList(siteFile(walk, dir), codeOf(error)))
    return
  }
  walk.ancestors.add(real)
  for (const entry of entries) {
    if (!entry.name.startsWith('.'))
      visitEntry(walk, entry, join(dir, entry.name), join(real, entry.name))
  }
  walk.ancestors.delete(real)
}

function visitEntry(walk: Walk, entry: Dirent, path: string, realPath: string): void {
  const file = siteFile(walk, path)
  const isArticle = entry.name.toLowerCase().endsWith('.md')
  if (!entry.isSymbolicLink()) {
    if (entry.isDirectory()) visit(walk, path, realPath)
    else if (isArticle) walk.files.push(file)
    return
  }
  const target = resolveLink(path)
  if (typeof target !== 'string') {
    walk.problems.push(unresolved(file, target.error))
    return
  }
  const isFolder = isDirectory(target)
  if (!isInside(target, walk.realRoot)) {
    if (isFolder || isArticle) {
      walk.problems.push(
        unsafe(file, 'is a symbolic link that leads outside the site; copy the file in instead')
      )
    }
  } else if (isFolder && walk.ancestors.has(target)) {
    walk.problems.push(
      unreadable(
        file,
        `${file} is a symbolic link to a folder that holds it, a loop; remove the link`
      )
    )
  } else if (isFolder) {
    visit(walk, path, target)
  } else if (isArticle) {
    walk.files.push(file)
  }
}

/** The problem for a folder that exists but cannot be listed (no read permission). */
function cannotList(folder: string, code: string): SiteProblem {
  return unreadable(
    folder,
    `cannot read the folder ${folder} (${code}): give it read permission, or move it out of content/`
  )
}

/** The problem for a link whose target cannot be resolved. */
function unresolved(file: string, error: unknown): SiteProblem {
  if (hasCode(error, 'ELOOP'))
    return unreadable(file, `${file} is a symbolic link that leads back to itself; remove the link`)
  if (hasCode(error, 'ENOENT', 'ENOTDIR')) return unsafe(file, 'is a broken symbolic link')
  return unreadable(file, `cannot read ${file} (${codeOf(error)}): check its permissions`)
}

function unsafe(file: string, what: string): SiteProblem {
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'path-unsafe',
    message: `${file} ${what}`,
    file
  }
}

function unreadable(file: string, message: string): SiteProblem {
  return { severity: 'error', line: 1, column: 1, rule: 'article-unreadable', message, file }
}

function codeOf(error: unknown): string {
  return errorCode(error) ?? 'unknown error'
}
