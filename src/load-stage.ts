/**
 * Stage 1 (load) of the article stages, and the data file hashes stage 2 keys its checks with.
 * Each article file is read and hashed; an unchanged one is loaded from the build cache's index,
 * the rest on the runner. Loads leave stage 1 without their Markdown, which only checking needs:
 * a site of 40,000 articles would otherwise hold every text until the build ends.
 */
import { hashOf } from './cache/article-cache.js'
import type { StoredLoad } from './cache/article-cache.js'
import type { IndexEntry } from './cache/cache-index.js'
import { markdownOf, readArticles } from './content/load-article.js'
import type { ArticleLoad } from './content/load-article.js'
import type { ArticleRunner } from './parallel/article-runner.js'
import type { LoadedArticle } from './types.js'

/** Each article file's cache key, and what the cache's index held under it. */
export type CacheSlots = Map<string, CacheSlot>

export interface CacheSlot {
  key: string
  entry: StoredLoad | undefined
}

/** What stage 1 hands on. */
export interface LoadStage {
  /** Every article file's load, in the order given, its Markdown left empty (`''`). */
  loaded: ArticleLoad[]
  entries: CacheSlots
  /**
   * The Markdown of the articles decoded in this stage, by file, for `withMarkdown` to take
   * once; what the index served is read again from its file should it need checking.
   */
  markdown: Map<string, string>
}

/**
 * Stage 1. A function of its own so that the files' bytes can go as soon as it returns: a site of
 * 40,000 articles holds a few hundred megabytes of them.
 */
export async function loadArticles(
  files: readonly string[],
  root: string,
  salt: string,
  index: ReadonlyMap<string, IndexEntry>,
  runner: ArticleRunner
): Promise<LoadStage> {
  const contents = await readArticles(root, files)
  const read = files.flatMap((file, index) => {
    const bytes = contents[index]
    return bytes === undefined ? [] : [{ file, bytes }]
  })
  const entries: CacheSlots = new Map()
  for (const { file, bytes } of read) {
    if (!(bytes instanceof Uint8Array)) continue
    const key = hashOf(salt, file, bytes)
    const indexed = index.get(key)
    entries.set(file, { key, entry: indexed && storedOf(indexed) })
  }
  const toLoad = read.flatMap((item) =>
    item.bytes instanceof Uint8Array && !entries.get(item.file)?.entry
      ? [{ file: item.file, bytes: item.bytes }]
      : []
  )
  const markdown = new Map<string, string>()
  const fresh = new Map<string, ArticleLoad>()
  for (const load of await runner.load(toLoad)) {
    if (load.article) markdown.set(load.file, load.article.markdown)
    fresh.set(load.file, leanLoad(load))
  }
  const loaded = read.map((item): ArticleLoad => {
    if (!(item.bytes instanceof Uint8Array)) return { file: item.file, problems: [item.bytes] }
    return (
      entries.get(item.file)?.entry?.load ??
      fresh.get(item.file) ?? { file: item.file, problems: [] }
    )
  })
  return { loaded, entries, markdown }
}

/**
 * `article` with its Markdown: the text stage 1 decoded (taken, so that it can go once checked),
 * else its file read again. Undefined when the file no longer holds the bytes stage 1 hashed: it
 * changed while the site was being built.
 */
export async function withMarkdown(
  article: LoadedArticle,
  slot: CacheSlot,
  context: { root: string; salt: string; markdown: Map<string, string> }
): Promise<LoadedArticle | undefined> {
  const decoded = context.markdown.get(article.file)
  if (decoded !== undefined) {
    context.markdown.delete(article.file)
    return { ...article, markdown: decoded }
  }
  const [bytes] = await readArticles(context.root, [article.file])
  if (!(bytes instanceof Uint8Array) || hashOf(context.salt, article.file, bytes) !== slot.key)
    return undefined
  const markdown = markdownOf(bytes)
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
