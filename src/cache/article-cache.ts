/**
 * The persistent build cache: each article's fact-checked result and rendered brief, each with
 * the key it was made under, in pack files (`result-packs.ts`); the loads, where each article's
 * results lie, and what a warm build needs of every article at once are in the index
 * (`cache-index.ts`). Entries are keyed by content hashes, so a cache restored in CI, or copied
 * between machines, is as good as a local one; the folder is safe to delete at any time. Entries
 * no build used are pruned.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { resultBytes, resultOf } from '../parallel/result-bytes.js'
import type { ResultRecord } from '../article/article-records.js'
import { readIndex, writeIndex } from './cache-index.js'
import type { IndexEntry } from './cache-index.js'
import { openPackWriter, packsIn, prunePacks, readPacked, sparsePacks } from './result-packs.js'
import type { PackedRef } from './result-packs.js'
import type { BuildSession } from './build-session.js'

/** Reads and writes article entries; a disabled cache finds nothing and keeps nothing. */
export interface ArticleCache {
  /**
   * The results kept with entry `key`, or undefined when they are missing or damaged; they were
   * made under the keys of the entry's `checked` and `brief`.
   */
  results(key: string): ResultRecord | undefined
  /**
   * Keeps results under `key` (as `bytes`, when a worker already made them); `finish` records in
   * the index where they went, with the keys they were made under.
   */
  put(key: string, record: ResultRecord, bytes?: Uint8Array): void
  /** The index the last build left (see `cache-index.ts`); empty when there is none. */
  index(): Map<string, IndexEntry>
  /**
   * Keeps `index` for the next build, each entry pointing at its results (those put in this
   * build, or kept from before), and removes the results no entry points at.
   */
  finish(index: ReadonlyMap<string, IndexEntry>): Promise<void>
}

/**
 * The cache in `dir`, or a cache that does nothing when `dir` is undefined. With `memory` (a
 * resident process's session), the index each build finishes with is held there, and the next
 * build takes it from memory rather than reading the folder's. (Results are not held: at 40,000
 * articles their checks are gigabytes, and the session keeps what an untouched article needs,
 * `stages/kept-articles.ts`.)
 */
export function openArticleCache(
  dir: string | undefined,
  memory?: Pick<BuildSession, 'index'>
): ArticleCache {
  if (dir === undefined)
    return {
      results: () => undefined,
      put: () => {},
      index: () => new Map(),
      finish: async () => {}
    }
  const folder = join(dir, 'results')
  // Entries are serialized as they come and written a pack at a time as packs fill, while the
  // workers still parse: the site's results are never held together.
  const packs = openPackWriter(folder)
  let read: Map<string, IndexEntry> | undefined = memory?.index
  const index = (): Map<string, IndexEntry> => (read ??= readIndex(dir))
  return {
    results(key) {
      // The keys they were made under are the index entry's, which names where they are.
      const entry = index().get(key)
      const bytes = entry?.results && readPacked(folder, entry.results)
      if (bytes === undefined || !entry?.checked || !entry.brief) return undefined
      try {
        return resultOf(bytes)
      } catch {
        return undefined
      }
    },
    put(key, record, bytes) {
      packs.add(key, bytes ?? resultBytes(record))
    },
    index,
    async finish(entries) {
      const next = await finishPacks(folder, packs, entries)
      await writeIndex(dir, read ?? new Map(), next)
      if (memory) memory.index = next
      const live = new Set<string>()
      for (const entry of next.values()) if (entry.results) live.add(entry.results.pack)
      await prunePacks(folder, live)
      // The layout before packs: a file per article.
      await rm(join(dir, 'articles'), { recursive: true, force: true })
    }
  }
}

/**
 * `entries`, each pointing at its results: those put in this build where they were written; the
 * live entries of mostly dead packs are first copied into new packs.
 */
async function finishPacks(
  folder: string,
  packs: ReturnType<typeof openPackWriter>,
  entries: ReadonlyMap<string, IndexEntry>
): Promise<Map<string, IndexEntry>> {
  const kept: PackedRef[] = []
  for (const [key, entry] of entries) if (entry.results && !packs.has(key)) kept.push(entry.results)
  const sparse = sparsePacks(await packsIn(folder), kept)
  for (const [key, entry] of entries) {
    if (!entry.results || packs.has(key) || !sparse.has(entry.results.pack)) continue
    const bytes = readPacked(folder, entry.results)
    if (bytes) packs.add(key, bytes)
  }
  await packs.flush()
  const next = new Map<string, IndexEntry>()
  for (const [key, entry] of entries) {
    const written = packs.written.get(key)
    if (written) next.set(key, { ...entry, results: written })
    // Its copy failed, or its new results: the next build makes them again.
    else if (entry.results && (packs.has(key) || sparse.has(entry.results.pack)))
      next.set(key, withoutResults(entry))
    else next.set(key, entry)
  }
  return next
}

function withoutResults(entry: IndexEntry): IndexEntry {
  const copy = { ...entry }
  delete copy.results
  return copy
}
