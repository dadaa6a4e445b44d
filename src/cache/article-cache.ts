/**
 * The persistent build cache: each article's fact-checked result and rendered brief, each with
 * the key it was made under, in pack files (`result-packs.ts`); the loads, where each article's
 * results lie, and what a warm build needs of every article at once are in the index
 * (`cache-index.ts`). Entries are keyed by content hashes, so a cache restored in CI, or copied
 * between machines, is as good as a local one; the folder is safe to delete at any time. Entries
 * no build used are pruned.
 */
import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { resultBytes, resultOf } from '../parallel/result-bytes.js'
import type { ArticleLoad } from '../content/load-article.js'
import type { Processed } from '../parallel/article-tasks.js'
import type { CheckedPart } from '../checked-part.js'
import type { CheckedArticle } from '../types.js'
import { readIndex, writeIndex } from './cache-index.js'
import type { IndexEntry } from './cache-index.js'
import { openPackWriter, packsIn, prunePacks, readPacked, sparsePacks } from './result-packs.js'
import type { PackedRef } from './result-packs.js'

/** What the cache keeps for one article. */
export interface CacheEntry {
  /**
   * The fact-checked article, valid while its inputs hash to `key`. Stored without the fields it
   * shares with the load (the Markdown, the frontmatter): `withLoad` of `checked-part.ts` puts them back.
   */
  checked: { key: string; value: CheckedArticle | CheckedPart }
  /** The rendered brief, valid while the checked article, templates and navigation hash to `key`. */
  brief: { key: string; value: Processed['brief'] }
}

/**
 * What stage 1 takes from the index for an article: the load, and the keys its results were made
 * under. The results themselves (the checked article, the brief's bytes) sit in a pack, read
 * one article at a time in stage 2: read with the loads, a warm build of 40,000 articles held them
 * all at once.
 */
export interface StoredLoad {
  load: ArticleLoad
  checkedKey?: string
  briefKey?: string
}

/** Reads and writes article entries; a disabled cache finds nothing and keeps nothing. */
export interface ArticleCache {
  /** The results kept with entry `key`, or undefined when they are missing or damaged. */
  results(key: string): CacheEntry | undefined
  /**
   * Keeps `entry`'s results under `key` (as `bytes`, when a worker already made them); `finish`
   * records in the index where they went, with the keys they were made under.
   */
  put(key: string, entry: CacheEntry, bytes?: Uint8Array): void
  /** The index the last build left (see `cache-index.ts`); empty when there is none. */
  index(): Map<string, IndexEntry>
  /**
   * Keeps `index` for the next build, each entry pointing at its results (those put in this
   * build, or kept from before), and removes the results no entry points at.
   */
  finish(index: ReadonlyMap<string, IndexEntry>): Promise<void>
}

/** SHA-256 of the parts, each length-prefixed so that no two different part lists collide. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  return hashAll(parts)
}

/** `hashOf` for any number of parts: a site's worth would overflow the stack as arguments. */
export function hashAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part
    hash.update(`${bytes.byteLength}:`).update(bytes)
  }
  return hash.digest('hex')
}

/** The cache in `dir`, or a cache that does nothing when `dir` is undefined. */
export function openArticleCache(dir: string | undefined): ArticleCache {
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
  let read: Map<string, IndexEntry> | undefined
  const index = (): Map<string, IndexEntry> => (read ??= readIndex(dir))
  return {
    results(key) {
      // The keys they were made under are the index entry's, which names where they are.
      const entry = index().get(key)
      const bytes = entry?.results && readPacked(folder, entry.results)
      if (bytes === undefined || !entry?.checked || !entry.brief) return undefined
      try {
        const part = resultOf(bytes)
        return {
          checked: { key: entry.checked.key, value: part.article },
          brief: { key: entry.brief.key, value: part.brief }
        }
      } catch {
        return undefined
      }
    },
    put(key, { checked, brief }, bytes) {
      packs.add(key, bytes ?? resultBytes(checked.value, brief.value))
    },
    index,
    async finish(entries) {
      const next = await finishPacks(folder, packs, entries)
      await writeIndex(dir, read ?? new Map(), next)
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
