/**
 * The persistent build cache (one file per article): an article's fact-checked result and
 * rendered brief, each with the key it was made under; the loads, and what a warm build needs of
 * every article at once, are in the index (`cache-index.ts`). Entries are keyed by content
 * hashes, so a cache restored in CI, or copied between machines, is as good as a local one; the
 * folder is safe to delete at any time. Entries no build used are pruned.
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
  /**
   * The fact-checked article, valid while its inputs hash to `key`. Stored without the fields it
   * shares with the load (the Markdown, the frontmatter): `withLoad` of `checked-part.ts` puts them back.
   */
  checked?: { key: string; value: CheckedArticle | CheckedPart }
  /** The rendered brief, valid while the checked article, templates and navigation hash to `key`. */
  brief?: { key: string; value: Processed['brief'] }
}

/**
 * What stage 1 takes from the index for an article: the load, and the keys its results were made
 * under. The results themselves (the checked article, the brief's bytes) sit in the article's
 * file, read one article at a time in stage 2: read with the loads, a warm build of 40,000
 * articles held them all at once.
 */
export interface StoredLoad {
  load: ArticleLoad
  checkedKey?: string
  briefKey?: string
}

/** Reads and writes article entries; a disabled cache finds nothing and keeps nothing. */
export interface ArticleCache {
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
    results: (key) => readEntry<CacheEntry>(join(folder, `${key}${resultsSuffix}`)),
    put(key, entry) {
      queue.push({ file: join(folder, `${key}${resultsSuffix}`), entry })
      pump()
    },
    index: () => (read ??= readIndex(dir)),
    async finish(usedKeys, index) {
      if (running > 0 || next < queue.length) await new Promise<void>((resolve) => (drained = resolve))
      await writeIndex(dir, read ?? new Map(), index)
      // Whatever is not a used entry's results goes, the files of an older layout included.
      const names = await readdir(folder).catch(() => [] as string[])
      await Promise.all(
        names
          .filter((name) => !(name.endsWith(resultsSuffix) && usedKeys.has(name.slice(0, -resultsSuffix.length))))
          .map((name) => rm(join(folder, name), { force: true }))
      )
    }
  }
}


/** The results file of entry `key` is `key` + this. */
const resultsSuffix = '.results.v8'

/** Writes one entry's results, renamed into place so that a reader never sees half a file. */
async function writeEntry(made: Promise<unknown>, file: string, entry: CacheEntry): Promise<void> {
  const { checked, brief } = entry
  await made
  if (!checked && !brief) return
  const results = {
    ...(checked ? { checked: { key: checked.key, value: withoutLoad(checked.value) } } : {}),
    ...(brief ? { brief } : {})
  }
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, serialize(toWire(results)))
    await rename(temporary, file)
  } catch {
    // The cache is an optimization: a folder that cannot be written only costs speed.
    await rm(temporary, { force: true })
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
