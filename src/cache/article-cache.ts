/**
 * The persistent build cache (one entry per article): the loaded article, and its fact-checked
 * result and rendered brief together with the key they were made under. Entries are keyed by
 * content hashes, so a cache restored in CI, or copied between machines, is as good as a local
 * one; the folder is safe to delete at any time. Entries no build used are pruned.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { readBounded } from '../io/read-bounded.js'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { fromWire, toWire } from '../parallel/wire.js'
import type { ArticleLoad } from '../content/load-article.js'
import type { Processed } from '../parallel/article-tasks.js'
import type { CheckedArticle } from '../types.js'

/** What the cache keeps for one article. */
export interface CacheEntry {
  load: ArticleLoad
  /** The fact-checked article, valid while its inputs hash to `key`. Stored without its Markdown. */
  checked?: { key: string; value: CheckedArticle }
  /** The rendered brief, valid while the checked article, templates and navigation hash to `key`. */
  brief?: { key: string; value: Processed['brief'] }
}

/** Reads and writes article entries; a disabled cache finds nothing and keeps nothing. */
export interface ArticleCache {
  get(key: string): Promise<CacheEntry | undefined>
  put(key: string, entry: CacheEntry): void
  /** Waits for pending writes and removes entries this build did not use. */
  finish(usedKeys: ReadonlySet<string>): Promise<void>
}

/** SHA-256 of the parts, each length-prefixed so that no two different part lists collide. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part
    hash.update(`${bytes.byteLength}:`).update(bytes)
  }
  return hash.digest('hex')
}

/** The cache in `dir`, or a cache that does nothing when `dir` is undefined. */
export function openArticleCache(dir: string | undefined): ArticleCache {
  if (dir === undefined) return { get: async () => undefined, put: () => {}, finish: async () => {} }
  const folder = join(dir, 'articles')
  const pending: Promise<void>[] = []
  let made: Promise<unknown> | undefined
  return {
    async get(key) {
      const bytes = await readBounded(join(folder, `${key}.v8`)).catch(() => undefined)
      if (bytes === undefined) return undefined
      try {
        return fromWire<CacheEntry>(deserialize(bytes))
      } catch {
        // A damaged entry (a killed write, a disk error) is a miss, and gets rewritten.
        return undefined
      }
    },
    put(key, entry) {
      made ??= mkdir(folder, { recursive: true })
      const stored = entry.checked
        ? { ...entry, checked: { ...entry.checked, value: { ...entry.checked.value, markdown: '' } } }
        : entry
      const file = join(folder, `${key}.v8`)
      // Write then rename, so a reader never sees half an entry.
      const temporary = `${file}.${process.pid}.tmp`
      pending.push(
        made
          .then(() => writeFile(temporary, serialize(toWire(stored))))
          .then(() => rename(temporary, file))
          .catch(() => rm(temporary, { force: true }))
      )
    },
    async finish(usedKeys) {
      await Promise.all(pending)
      const names = await readdir(folder).catch(() => [] as string[])
      await Promise.all(
        names
          .filter((name) => !usedKeys.has(name.replace(/\.v8$/, '')))
          .map((name) => rm(join(folder, name), { force: true }))
      )
    }
  }
}

