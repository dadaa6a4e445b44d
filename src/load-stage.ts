/**
 * Stage 1 (load) of the article stages, and the data file hashes stage 2 keys its checks with.
 * Each article file is read and hashed; an unchanged one is loaded from the build cache (its
 * index first, without the Markdown), the rest on the runner.
 */
import { join } from 'node:path'
import { hashOf } from './cache/article-cache.js'
import type { ArticleCache, StoredLoad } from './cache/article-cache.js'
import type { IndexEntry } from './cache/cache-index.js'
import { decodeArticle, readArticles } from './content/load-article.js'
import type { ArticleLoad } from './content/load-article.js'
import { readBounded } from './io/read-bounded.js'
import type { ArticleRunner } from './parallel/article-runner.js'
import type { LoadedArticle, Settings } from './types.js'

/**
 * Each article file's cache key, and what the cache held under it; `lean` when that came from the
 * index, whose loads leave the Markdown out (see `withMarkdown`).
 */
export type CacheSlots = Map<string, CacheSlot>

export interface CacheSlot {
  key: string
  entry: StoredLoad | undefined
  lean?: true
}

/**
 * Stage 1. A function of its own so that the files' bytes can go as soon as it returns: a site of
 * 40,000 articles holds a few hundred megabytes of them.
 */
export async function loadArticles(
  files: readonly string[],
  root: string,
  salt: string,
  { cache, index }: { cache: ArticleCache; index: ReadonlyMap<string, IndexEntry> },
  runner: ArticleRunner
): Promise<{ loaded: ArticleLoad[]; entries: CacheSlots }> {
  const contents = await readArticles(root, files)
  const read = files.flatMap((file, index) => {
    const bytes = contents[index]
    return bytes === undefined ? [] : [{ file, bytes }]
  })
  const entries: CacheSlots = new Map()
  await Promise.all(
    read.map(async ({ file, bytes }) => {
      if (!(bytes instanceof Uint8Array)) return
      const key = hashOf(salt, file, bytes)
      const indexed = index.get(key)
      entries.set(
        file,
        indexed
          ? { key, entry: storedOf(indexed), lean: true }
          : { key, entry: await cache.get(key) }
      )
    })
  )
  const toLoad = read.flatMap((item) =>
    item.bytes instanceof Uint8Array && !entries.get(item.file)?.entry
      ? [{ file: item.file, bytes: item.bytes }]
      : []
  )
  const fresh = new Map((await runner.load(toLoad)).map((load) => [load.file, load]))
  const loaded = read.map((item): ArticleLoad => {
    if (!(item.bytes instanceof Uint8Array)) return { file: item.file, problems: [item.bytes] }
    return (
      entries.get(item.file)?.entry?.load ??
      fresh.get(item.file) ?? { file: item.file, problems: [] }
    )
  })
  return { loaded, entries }
}

export async function hashDataFiles(
  root: string,
  paths: readonly string[]
): Promise<Map<string, string>> {
  const hashes = await Promise.all(
    paths.map(
      async (path) =>
        [
          path,
          await readBounded(join(root, 'data', path)).then(
            (bytes) => hashOf(bytes),
            () => 'unreadable'
          )
        ] as const
    )
  )
  return new Map(hashes)
}

/**
 * `article` with its Markdown, which the index leaves out of its loads: from the article's own
 * cache file, else read and decoded again. Undefined when the file no longer holds the bytes
 * stage 1 hashed: it changed while the site was being built.
 */
export async function withMarkdown(
  article: LoadedArticle,
  slot: CacheSlot,
  context: { root: string; salt: string; cache: ArticleCache; settings: Settings }
): Promise<LoadedArticle | undefined> {
  if (!slot.lean) return article
  const stored = (await context.cache.get(slot.key))?.load.article
  if (stored) return { ...article, markdown: stored.markdown }
  const [bytes] = await readArticles(context.root, [article.file])
  if (!(bytes instanceof Uint8Array) || hashOf(context.salt, article.file, bytes) !== slot.key)
    return undefined
  const markdown = decodeArticle(article.file, bytes, context.settings).article?.markdown
  return markdown === undefined ? undefined : { ...article, markdown }
}

/** `load` as the index keeps it: without the Markdown, which only re-checking needs. */
export function leanLoad(load: ArticleLoad): ArticleLoad {
  return load.article ? { ...load, article: { ...load.article, markdown: '' } } : load
}

/** The load an index entry holds, with the keys of the results kept beside it. */
function storedOf(entry: IndexEntry): StoredLoad {
  return {
    load: entry.load,
    ...(entry.checked ? { checkedKey: entry.checked.key } : {}),
    ...(entry.brief ? { briefKey: entry.brief.key } : {})
  }
}
