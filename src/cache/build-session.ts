/**
 * What a resident process (the dev server) keeps of one build for the next (issue 21). The build
 * cache on disk already makes a rebuild redo only what an edit touched, but each build still read
 * the cache's index, every article's kept results and every article file back from disk, and
 * rendered every page again: seconds at 4,000 articles. A session holds in memory the index, what
 * stage 2 made of each article, the parsed data files, the pages and the worker threads instead.
 *
 * Nothing here decides what is still valid: every entry is looked up under the same content keys
 * the disk cache uses (a load key hashes the file's bytes, a page key the view it was rendered
 * from), so a session can only save work, never serve something stale. The one exception is the
 * list of files changed since the last build, which the caller gives (from its file watcher):
 * a file it does not name is taken to hold the bytes it had, and its load key is not recomputed.
 */
import type { IndexEntry } from './cache-index.js'
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { KeptLoad } from '../checks/datasets/load-data-store.js'
import type { KeptArticles } from '../stages/kept-articles.js'
import type { FoundArticles } from '../content/find-articles.js'
import type { Report } from '../types.js'
import type { ReportFingerprint } from '../stages/settle-briefs.js'
import type { loadTemplates } from '../render/templates.js'
import { ListingMemory } from '../outputs/listing-replay.js'
import type { CheckedEdit, PatchBase } from '../stages/patch-build.js'

/** One page of the last build that is not a brief, with the key it was rendered under. */
export interface HeldPage {
  key: string
  content: HeldContent
}

/** A held file's content: its text or bytes, or how to make it when first read. */
export type HeldContent = string | Uint8Array | (() => string)

/** The memory of a session's builds; see `createBuildSession`. */
export interface BuildSession {
  /** The cache index the last build finished with: read from disk once, then kept. */
  index: Map<string, IndexEntry> | undefined
  /** The site's pages other than briefs, by output path, as last rendered. */
  pages: Map<string, HeldPage>
  /**
   * The load key of each article file, valid under `salt` (the code and settings it was made
   * with) for every file not named in `changed`.
   */
  loadKeys: Map<string, string>
  salt: string | undefined
  /**
   * Site files (site-relative) changed since the last build began; undefined when not known,
   * and then every article file is read again.
   */
  changed: Set<string> | undefined
  /** The last walk of `content/` (`cache/walk-again.ts`). */
  walk?: { found: FoundArticles; files: ReadonlySet<string> } | undefined
  /** The templates as last loaded (`cache/templates-again.ts`). */
  templates?: Awaited<ReturnType<typeof loadTemplates>> | undefined
  /**
   * For each thing a build reads of the site when it changed (`walk`: the walk of `content/`;
   * `templates`), the site files changed since it was last read; undefined when not known, and
   * then it is read again.
   */
  readonly since: Map<'walk' | 'templates', Set<string> | undefined>
  /** The listing pages of the last build, with what they were made from. */
  readonly listings: ListingMemory
  /** The last build's report, before rendering, with the key of what it was made from. */
  report?: { key: string; report: Report } | undefined
  /** The last build's report fingerprint, with its parts (`stages/settle-briefs.ts`). */
  fingerprint?: ReportFingerprint | undefined
  /** What stage 2 made of each article in the last build (`stages/kept-articles.ts`). */
  articles?: KeptArticles | undefined
  /** Each data file's parsed load, with the digest of its bytes (`load-data-store.ts`). */
  readonly data: Map<string, KeptLoad>
  /** The worker threads of the last build, with what they were made for (`kept-runner.ts`). */
  runner?: { key: string; runner: ArticleRunner } | undefined
  /**
   * What the last build left to do once it had given its result: keeping its results and index
   * in the cache folder, and what stage 2 made of each article for the next build. Done by
   * `settleSession`, which the next build awaits before it reads anything of the session, and
   * which the dev server starts once open pages have been told to reload.
   */
  after?: { run: () => Promise<void>; started?: Promise<void> } | undefined
  /** The last build, for a save that changed only articles' text (`stages/patch-build.ts`). */
  patchBase?: PatchBase | undefined
  /**
   * Articles a patch checked before it gave way to the full build, by file: that build takes
   * their results when it finds them made under its own keys, rather than checking them again.
   */
  handedOver?: Map<string, CheckedEdit> | undefined
}

/** An empty session: its first build reads everything. */
export function createBuildSession(): BuildSession {
  return {
    index: undefined,
    data: new Map(),
    pages: new Map(),
    loadKeys: new Map(),
    salt: undefined,
    changed: undefined,
    since: new Map(),
    listings: new ListingMemory()
  }
}

/**
 * Leaves `run` to be done after the build's result is given (see `BuildSession.after`): at 4,000
 * articles, writing the cache's packs and index and keeping stage 2's results took 20-30 ms of
 * every save that the editor waited for before the reload.
 */
export function leaveForAfter(session: BuildSession, run: () => Promise<void>): void {
  session.after = { run }
}

/**
 * Does what the session's last build left for after its result, once however often it is
 * called. Should it fail, the session forgets the index and stage 2's results it kept, and the
 * next build reads them from the cache folder, which holds the last build that was kept whole.
 */
export function settleSession(session: BuildSession): Promise<void> {
  const after = session.after
  if (after === undefined) return Promise.resolve()
  after.started ??= after
    .run()
    .catch(() => {
      session.index = undefined
      session.articles = undefined
    })
    .finally(() => {
      if (session.after === after) session.after = undefined
    })
  return after.started
}

/**
 * Tells `session` which site files changed since its last build (the watcher's paths); undefined
 * when that is not known (a watcher error), so that the next build reads every file.
 */
export function noteChanges(session: BuildSession, paths: Iterable<string> | undefined): void {
  if (paths === undefined) {
    session.changed = undefined
    for (const what of session.since.keys()) session.since.set(what, undefined)
    return
  }
  for (const path of paths) {
    session.changed?.add(path)
    for (const changed of session.since.values()) changed?.add(path)
  }
}

/**
 * Begins a build's stage 1 under `salt` (the code and settings its load keys are made with):
 * gives the load key each article file had in the last build when its bytes are known not to
 * have changed since, else undefined (the file is read). Until `keepLoadKeys` the session knows
 * no key, so a build that stops half-way leaves the next one reading every file; changes
 * reported from now on are the next build's.
 */
export function takeLoadKeys(
  session: BuildSession,
  salt: string
): (file: string) => string | undefined {
  const { loadKeys, changed } = session
  const valid = session.salt === salt && changed !== undefined
  session.salt = undefined
  session.changed = new Set()
  return (file) => (valid && !changed.has(file) ? loadKeys.get(file) : undefined)
}

/** Keeps the load key of every article file a build's stage 1 read or knew, under `salt`. */
export function keepLoadKeys(session: BuildSession, salt: string, keys: Map<string, string>): void {
  session.salt = salt
  session.loadKeys = keys
}

/**
 * The report of the session's last build when it was made from inputs hashing to `key` (the
 * report pages' key: every article entry and site problem), else `make()`, kept for the next.
 * At 40,000 articles gathering the report again took most of a second after every save.
 */
export function keptReport(
  session: BuildSession | undefined,
  key: string,
  make: () => Report
): Report {
  if (session?.report?.key === key) return session.report.report
  const report = make()
  if (session) session.report = { key, report }
  return report
}

/**
 * The site files changed since `what` was last read (undefined: not known, read it again), and
 * from now on the changes are those since this reading.
 */
export function changesSince(
  session: BuildSession,
  what: 'walk' | 'templates'
): ReadonlySet<string> | undefined {
  const changed = session.since.get(what)
  session.since.set(what, new Set())
  return changed
}
