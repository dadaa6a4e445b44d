/**
 * The cache's index: what a warm build needs of every article at once, in a few hundred files
 * read back to back instead of three files per article. For each entry it keeps the load without
 * its Markdown, the checked result without its body HTML, and the brief's digest instead of its
 * bytes: an unchanged brief is then recognised in the output by its digest, and neither the HTML
 * nor the page is read. Everything bulky stays in the per-article files (`article-cache.ts`),
 * which remain the record; every build brings the index up to date, and a missing or damaged one
 * only costs speed. Each shard is sealed with the digest of its entries (`sealed-file.ts`), and
 * each entry holds the digest of its results in their pack: a shard or pack whose bytes changed
 * is never trusted (SPEC 9).
 */
import { readdirSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { DateTime } from 'luxon'
import { fromWire, toWire } from '../parallel/wire.js'
import { cacheDebug, readSealed, writeSealed } from './sealed-file.js'
import { isAbandonedTemporary } from './stale-temporary.js'
import type { CheckSummary, LoadRecord } from '../article/article-records.js'
import type { ContentDigest } from '../output/content-digest.js'
import type { SiteProblem } from '../types.js'
import type { PackedRef } from './result-packs.js'

/** A brief as the index knows it: where it goes and its digest, or the problem that stopped it. */
export type BriefRecord =
  { sitePath: string; lastmod?: DateTime; digest: ContentDigest } | { problem: SiteProblem }

/** One article's entry, each result with the key it was made under (as in the article files). */
export interface IndexEntry {
  /** The load, without the Markdown (`withMarkdown` in `stages/load-stage.ts` gets it back). */
  load: LoadRecord
  /** The local images the body shows, found with the load (`images/image-refs.ts`). */
  images?: readonly string[]
  /** What the report and listings need of the check: no body HTML, no panel (see `CheckSummary`). */
  checked?: { key: string; value: CheckSummary }
  brief?: { key: string; value: BriefRecord }
  /** A hash of what the report shows of the checked article (see `reportDigestOf`). */
  report?: string
  /** Where the results are kept whole, with their digest (see `result-packs.ts`). */
  results?: PackedRef
}

/**
 * Entries are kept in shards by the first two characters of their key (a hex hash): an edit to
 * one article rewrites one small shard, not the whole index, and writing never holds a copy of
 * more than one shard in memory.
 */
function shardOf(key: string): string {
  return key.slice(0, 2)
}

const shardName = /^[0-9a-f]{2}\.v8$/

/** Shards written at once. */
const shardWrites = 8

/** The index kept in cache folder `dir`, by entry key; empty when there is none. */
export function readIndex(dir: string): Map<string, IndexEntry> {
  const folder = join(dir, 'index')
  const index = new Map<string, IndexEntry>()
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return index
  }
  for (const name of names) {
    if (!shardName.test(name)) continue
    // A damaged shard (its digest fails): its articles are loaded and checked again.
    const payload = readSealed(join(folder, name))
    if (payload === undefined) continue
    try {
      const shard = fromWire<[string, IndexEntry][]>(deserialize(payload))
      for (const [key, entry] of shard) if (shardOf(key) === name.slice(0, 2)) index.set(key, entry)
    } catch {
      cacheDebug('index shard %s holds no entries: dropped', name)
    }
  }
  return index
}

/**
 * Brings the index in `dir` from `previous` (what `readIndex` returned) to `entries`, rewriting
 * only the shards that changed: a shard is unchanged when it holds the same keys with the very
 * entries read. Each shard is replaced by a rename, so a reader sees the old or the new one.
 * Failures are swallowed: the cache is an optimization.
 */
export async function writeIndex(
  dir: string,
  previous: ReadonlyMap<string, IndexEntry>,
  entries: ReadonlyMap<string, IndexEntry>
): Promise<void> {
  const folder = join(dir, 'index')
  const shards = new Map<string, [string, IndexEntry][]>()
  for (const entry of entries) {
    const name = shardOf(entry[0])
    let shard = shards.get(name)
    if (shard === undefined) shards.set(name, (shard = []))
    shard.push(entry)
  }
  const before = new Map<string, number>()
  for (const key of previous.keys()) before.set(shardOf(key), (before.get(shardOf(key)) ?? 0) + 1)
  try {
    await mkdir(folder, { recursive: true })
    // What is neither a shard nor a shard being written (an older layout's files) only takes space,
    // and so does a shard no entry goes into (one that was damaged, and whose articles are gone).
    for (const name of await readdir(folder)) {
      if (shardName.test(name) && (shards.has(name.slice(0, 2)) || before.has(name.slice(0, 2))))
        continue
      if (name.endsWith('.tmp') && !(await isAbandonedTemporary(folder, name))) continue
      await rm(join(folder, name), { recursive: true, force: true })
    }
    const changed = [...new Set([...shards.keys(), ...before.keys()])].filter((name) => {
      const shard = shards.get(name) ?? []
      return !(
        shard.length === before.get(name) &&
        shard.every(([key, entry]) => previous.get(key) === entry)
      )
    })
    // A few shards written at once: one after another, a cold build waited on 256 round trips.
    let next = 0
    const writer = async (): Promise<void> => {
      for (let name = changed[next++]; name !== undefined; name = changed[next++]) {
        const shard = shards.get(name) ?? []
        const file = join(folder, `${name}.v8`)
        if (shard.length === 0) {
          await rm(file, { force: true })
          continue
        }
        await writeSealed(file, serialize(toWire(shard)))
      }
    }
    await Promise.all(Array.from({ length: shardWrites }, writer))
  } catch {
    // The disk refused: the next build reads what is there, and every entry it finds is keyed.
  }
}
