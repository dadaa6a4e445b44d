/**
 * A start served from the site kept at the last stop (issue 21, item 4): when no input file has
 * changed since, the server serves that site at once, while its first build runs; the build
 * then takes over, and open pages reload only when what they were shown differs from what it
 * made (an embargo lifted overnight, a write `stat` could not see, suggested checks, which are
 * not kept). Each file the stored site served, and each overlay, is noted for that comparison.
 */
import { createHash } from 'node:crypto'
import { cacheDirOf } from '../cache/cache-dir.js'
import { codeFingerprint } from '../cache/code-fingerprint.js'
import { inputStamps } from './input-stamps.js'
import { overlaysOf } from './next-site.js'
import { contentOf } from './serve-site.js'
import { loadStoredSite } from './load-stored-site.js'
import { storeSite } from './stored-site.js'
import type { DevSite } from './next-site.js'
import type { KnownContents } from './stored-site.js'

/** The stored site being served, and what it has shown. */
export interface StoredStart {
  site: DevSite
  /** Bytes of each file served, by path. */
  files: Map<string, Uint8Array>
  /** The overlay each page was served with, by path. */
  overlays: Map<string, string>
}

/** What a kept site must have been built with to be served: the code and the options. */
export async function storedSiteKey(options: {
  strict: boolean
  drafts: boolean
}): Promise<string> {
  return createHash('sha256')
    .update(await codeFingerprint())
    .update(JSON.stringify({ strict: options.strict, drafts: options.drafts }))
    .digest('hex')
}

/**
 * The site kept for `root` under `key`, served as build 1, when every input stamps as it did at
 * the stop. A file it does not hold (a `LaterFile`, the search index, a new URL) is asked of
 * `built` once the first build is done.
 */
export function openStoredStart(
  root: string,
  key: string,
  built: (path: string) => Promise<Uint8Array | undefined>
): StoredStart | undefined {
  const stamps = inputStamps(root)
  const stored = stamps && loadStoredSite(cacheDirOf(root), key, stamps)
  if (stored === undefined) return undefined
  const files = new Map<string, Uint8Array>()
  const overlays = new Map<string, string>()
  const served = new Map<string, () => Uint8Array>()
  for (const [path, read] of stored.files) served.set(path, noting(files, path, read))
  const overlayOf = overlaysOf(
    stored.exit,
    // A passing build's overlay names no problem: the list is read only for a failing one.
    stored.exit === 0 ? [] : stored.problems(),
    stored.pages,
    stored.kept,
    () => Promise.resolve(undefined)
  )
  const site: DevSite = {
    files: served,
    base: stored.base,
    buildId: 1,
    pages: stored.pages,
    suggested: () => Promise.resolve(undefined),
    overlayFor: async (path) => {
      const overlay = await overlayOf(path)
      overlays.set(path, overlay)
      return overlay
    },
    // No `overlays`: a stored site is not kept again; its own copy stands until a build ends.
    lazyFile: built
  }
  return { site, files, overlays }
}

/** `read`, noting in `files` what it read. */
function noting(
  files: Map<string, Uint8Array>,
  path: string,
  read: () => Uint8Array
): () => Uint8Array {
  return () => {
    const bytes = read()
    files.set(path, bytes)
    return bytes
  }
}

/** Whether `next` shows every file and overlay that `start` served as it was served. */
export async function showsTheSame(start: StoredStart, next: DevSite): Promise<boolean> {
  for (const [path, bytes] of start.files) {
    const content = next.files.get(path)
    if (content === undefined) return false
    const now = contentOf(content)
    if (!Buffer.from(bytes).equals(typeof now === 'string' ? Buffer.from(now) : now)) return false
  }
  for (const [path, overlay] of start.overlays)
    if ((await next.overlayFor(path)) !== overlay) return false
  return true
}

/**
 * Keeps `site` for the next start when it is a build's and no input was written after
 * `builtFrom` (the wall-clock time its build began): a save the watcher had not yet passed on
 * would otherwise be stored as seen. Resolves to whether it was kept.
 */
export async function keepForNextStart(
  root: string,
  key: string,
  site: DevSite,
  builtFrom: number,
  known?: KnownContents
): Promise<boolean> {
  const overlays = site.overlays
  if (overlays === undefined) return false
  const stamps = inputStamps(root)
  if (stamps === undefined || stamps.some(([, , mtimeMs]) => mtimeMs >= builtFrom)) return false
  return storeSite(
    cacheDirOf(root),
    key,
    stamps,
    {
      files: site.files,
      pages: site.pages,
      kept: overlays.kept,
      base: site.base,
      exit: overlays.exit,
      problems: overlays.problems
    },
    known
  )
}

/** Keeps the served site for the next start, one keeping at a time. */
export interface SiteKeeper {
  /**
   * Keeps `site`, built from `builtFrom` (wall-clock ms), unless it is the one kept last; the
   * first time hashes every file, a slice at a time between saves, and later only what changed
   * since (`stored-site.ts`). Settles when done, never rejects.
   */
  keep(site: DevSite, builtFrom: number): Promise<void>
  /** Settles once the keeping under way, if any, is done. */
  idle(): Promise<void>
  /**
   * Lets go of the contents `site` no longer serves: the digests of the last keeping are kept
   * with the very contents they are of, which would otherwise outlive every page a save replaced
   * (25 KB a brief, 1.1 GB for a site of 40,000 articles edited whole).
   */
  letGo(site: DevSite): void
}

export function createSiteKeeper(root: string, key: string): SiteKeeper {
  let kept: DevSite | undefined
  const known: KnownContents = new Map()
  let keeping = Promise.resolve()
  return {
    keep(site, builtFrom) {
      if (site === kept) return keeping
      keeping = keeping
        .then(() => keepForNextStart(root, key, site, builtFrom, known))
        .then(
          (done) => {
            if (done) kept = site
          },
          () => undefined
        )
      return keeping
    },
    idle: () => keeping,
    letGo(site) {
      for (const [path, { content }] of known)
        if (site.files.get(path) !== content) known.delete(path)
    }
  }
}

/**
 * How the kept site answers a file it lacks (a `LaterFile`, the search index, a new URL): once
 * `built` (the first build) is done, from the site then served, or as its search index.
 * Undefined when that is still the kept site's (the build crashed and kept its files).
 */
export function askTheBuild(
  built: Promise<unknown>,
  current: () => DevSite
): (path: string) => Promise<Uint8Array | undefined> {
  const ask = async (path: string): Promise<Uint8Array | undefined> => {
    await built
    const site = current()
    if (site.lazyFile === ask) return undefined
    const content = site.files.get(path)
    if (content === undefined) return site.lazyFile?.(path)
    const bytes = contentOf(content)
    return typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  }
  return ask
}

/** The kept site of a dev server: the one it starts from, if any, and how it keeps its own. */
export interface SiteKeeping {
  /** The site kept at the last stop, when it may be served now. */
  start: StoredStart | undefined
  /**
   * Keeps `site` (built from `builtFrom`, wall-clock ms) for the next start; not a site still
   * serving the kept files (the build after a kept start made nothing, its settings broken).
   */
  keep(site: DevSite, builtFrom: number): Promise<void>
  idle(): Promise<void>
  letGo(site: DevSite): void
}

/**
 * The kept-site side of a dev server over `root` with `options`: the site kept at its last stop,
 * served until `built` (the first build) is done, and the keeper of the sites it serves next.
 */
export async function siteKeeping(
  root: string,
  options: { strict: boolean; drafts: boolean },
  built: Promise<unknown>,
  current: () => DevSite
): Promise<SiteKeeping> {
  const key = await storedSiteKey(options)
  const keeper = createSiteKeeper(root, key)
  const start = openStoredStart(root, key, askTheBuild(built, current))
  const storedFiles = start?.site.files
  return {
    start,
    keep: (site, builtFrom) =>
      site.files === storedFiles ? keeper.idle() : keeper.keep(site, builtFrom),
    idle: () => keeper.idle(),
    letGo: (site) => keeper.letGo(site)
  }
}
