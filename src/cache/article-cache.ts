/**
 * The persistent build cache (one entry per article): the loaded article, and its fact-checked
 * result and rendered brief together with the key they were made under. Entries are keyed by
 * content hashes, so a cache restored in CI, or copied between machines, is as good as a local
 * one; the folder is safe to delete at any time. Entries no build used are pruned.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { fromWire, toWire } from '../parallel/wire.js'
import type { ArticleLoad } from '../content/load-article.js'
import type { Processed } from '../parallel/article-tasks.js'
import { withoutLoad } from '../checked-part.js'
import type { CheckedPart } from '../checked-part.js'
import type { CheckedArticle } from '../types.js'
import { readIndex, writeIndex } from './cache-index.js'
import type { IndexEntry } from './cache-index.js'

/** What the cache keeps for one article. */
export interface CacheEntry {
  /** Absent: the load kept before stays, and only the results are written. */
  load?: ArticleLoad
  /**
   * The fact-checked article, valid while its inputs hash to `key`. Stored without the fields it
   * shares with `load.article` (the Markdown, the frontmatter): `withLoad` of `checked-part.ts` puts them back.
   */
  checked?: { key: string; value: CheckedArticle | CheckedPart }
  /** The rendered brief, valid while the checked article, templates and navigation hash to `key`. */
  brief?: { key: string; value: Processed['brief'] }
}

/**
 * What stage 1 reads of an entry: the load, and the keys its results were made under. The results
 * themselves (the checked article, the brief's bytes) sit in a file of their own, read one article
 * at a time in stage 2: read with the loads, a warm build of 40,000 articles held them all at once.
 */
export interface StoredLoad {
  load: ArticleLoad
  checkedKey?: string
  briefKey?: string
}

/** Reads and writes article entries; a disabled cache finds nothing and keeps nothing. */
export interface ArticleCache {
  get(key: string): Promise<StoredLoad | undefined>
  /** The results kept with entry `key`, or undefined when they are missing or damaged. */
  results(key: string): Pick<CacheEntry, 'checked' | 'brief'> | undefined
  put(key: string, entry: CacheEntry): void
  /** The index the last build left (see `cache-index.ts`); empty when there is none. */
  index(): Map<string, IndexEntry>
  /** Removes the entries this build did not use, and keeps `index` for the next build. */
  finish(usedKeys: ReadonlySet<string>, index: ReadonlyMap<string, IndexEntry>): Promise<void>
}

/** Entry writes in flight at once. */
const maxWrites = 8

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
      get: async () => undefined,
      results: () => undefined,
      put: () => {},
      index: () => new Map(),
      finish: async () => {}
    }
  const folder = join(dir, 'articles')
  // Writes run a few at a time, each entry serialized only when its turn comes: thousands of
  // entries serialized at once would hold their bytes in memory until the disk caught up, and
  // blocking writes would keep the main thread from feeding the workers.
  const queue: ({ file: string; entry: CacheEntry } | undefined)[] = []
  let next = 0
  let running = 0
  let drained: (() => void) | undefined
  let made: Promise<unknown> | undefined
  let read: Map<string, IndexEntry> | undefined
  const pump = (): void => {
    for (; running < maxWrites && next < queue.length; next++) {
      const job = queue[next]
      // Released as it is taken, so a written entry's memory can go before the build ends.
      queue[next] = undefined
      if (job === undefined) continue
      running++
      void writeEntry((made ??= mkdir(folder, { recursive: true })), job.file, job.entry).finally(() => {
        running--
        pump()
        if (running === 0 && next === queue.length) drained?.()
      })
    }
  }
  return {
    get: async (key) => readEntry<StoredLoad>(join(folder, `${key}.v8`)),
    results: (key) => readEntry<Pick<CacheEntry, 'checked' | 'brief'>>(join(folder, `${key}${resultsSuffix}`)),
    put(key, entry) {
      queue.push({ file: join(folder, `${key}.v8`), entry })
      pump()
    },
    index: () => (read ??= readIndex(dir)),
    async finish(usedKeys, index) {
      if (running > 0 || next < queue.length) await new Promise<void>((resolve) => (drained = resolve))
      await writeIndex(dir, read ?? new Map(), index)
      const names = await readdir(folder).catch(() => [] as string[])
      await Promise.all(
        names
          .filter((name) => !usedKeys.has(name.replace(resultsSuffix, '').replace(/\.v8$/, '')))
          .map((name) => rm(join(folder, name), { force: true }))
      )
    }
  }
}


/** The results file of entry `key` is `key` + this. */
const resultsSuffix = '.results.v8'

/**
 * Writes one entry, the results first and then the load that names their keys, each renamed into
 * place, so a reader never sees half a file, nor a load promising results that are not there yet.
 */
async function writeEntry(made: Promise<unknown>, file: string, entry: CacheEntry): Promise<void> {
  const { load, checked, brief } = entry
  await made
  if (checked || brief) {
    const results = { ...(checked ? { checked: { key: checked.key, value: withoutLoad(checked.value) } } : {}), ...(brief ? { brief } : {}) }
    if (!(await writeAtomically(file.replace(/\.v8$/, resultsSuffix), results))) return
  }
  if (load === undefined) return
  const stored: StoredLoad = { load, ...(checked ? { checkedKey: checked.key } : {}), ...(brief ? { briefKey: brief.key } : {}) }
  await writeAtomically(file, stored)
}

async function writeAtomically(file: string, value: unknown): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, serialize(toWire(value)))
    await rename(temporary, file)
    return true
  } catch {
    // The cache is an optimization: a folder that cannot be written only costs speed.
    await rm(temporary, { force: true })
    return false
  }
}

/** A stored value, or undefined when it is missing or damaged (a killed write, a disk error). */
function readEntry<T>(path: string): T | undefined {
  const bytes = readIfThere(path)
  if (bytes === undefined) return undefined
  try {
    return fromWire<T>(deserialize(bytes))
  } catch {
    return undefined
  }
}

/**
 * A synchronous read: a warm build reads thousands of entries back to back, and one blocking call
 * each costs a fraction of the promise machinery of an asynchronous read, with no handle limit to
 * respect (each file is closed before the next opens).
 */
function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path)
  } catch {
    return undefined
  }
}
