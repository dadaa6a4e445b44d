/**
 * The article files of a session's build (issue 21): the last walk of `content/`, unless a
 * change since could have changed what it finds. Walking a newsroom's `content/` (a folder per
 * day, each entry resolved and named) takes longer than the rest of a rebuild after one saved
 * article, and a save changes no folder: the walk is taken again only when a changed path under
 * `content/` is not a plain article file the last walk listed (a new or deleted file, a folder,
 * a link), or when the changes are not known. Reading an article checks it again all the same
 * (`io/read-site-file.ts`).
 */
import { lstatSync } from 'node:fs'
import { join } from 'node:path'
import { type BuildSession, changesSince } from './build-session.js'
import { findArticles } from '../content/find-articles.js'
import type { FoundArticles } from '../content/find-articles.js'

/** The Markdown files under `root/content/`, walked again only when a change calls for it. */
export async function findArticlesAgain(
  root: string,
  session: BuildSession | undefined
): Promise<FoundArticles> {
  if (session === undefined) return findArticles(root)
  // Changes from now on are the next walk's, whether or not this one happens.
  const changed = changesSince(session, 'walk')
  const last = session.walk
  if (last !== undefined && changed !== undefined && stillListed(root, changed, last.files))
    return last.found
  const found = await findArticles(root)
  session.walk = { found, files: new Set(found.files) }
  return found
}

/** Whether every path of `changed` leaves the walk's list as it was. */
function stillListed(
  root: string,
  changed: ReadonlySet<string>,
  listed: ReadonlySet<string>
): boolean {
  for (const path of changed) {
    if (path !== 'content' && !path.startsWith('content/')) continue
    const kind = kindOf(join(root, path))
    if (listed.has(path) ? kind !== 'file' : kind !== 'file' || isArticleName(path)) return false
  }
  return true
}

/** What is at `path` now, not following a link. */
function kindOf(path: string): 'file' | 'other' | 'missing' {
  try {
    return lstatSync(path).isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

/** Whether the walk lists a file of this name (`find-articles.ts`). */
function isArticleName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.')
}
