/**
 * The cache side of a patched save (`patch-build.ts`): once its result is given, the patched
 * articles' results go into the cache folder and its index, as a full build would have put them.
 */
import { openArticleCache } from '../cache/article-cache.js'
import type { BuildSession } from '../cache/build-session.js'
import type { IndexEntry } from '../cache/cache-index.js'
import type { BuildOptions } from '../build.js'
import type { KeptArticle } from './kept-articles.js'
import type { CheckedEdit } from './patch-build.js'

/**
 * Keeps the patched articles' results in the cache folder and its index, as a full build would
 * have (done once the patch's result is given); the session's kept articles then point at the
 * results where they were written.
 */
export async function keepPatched(
  options: BuildOptions,
  session: BuildSession,
  edits: {
    patched: ReadonlyMap<string, KeptArticle>
    replaced: ReadonlyMap<string, string | undefined>
    checked: ReadonlyMap<string, CheckedEdit>
    bodyImages: ReadonlyMap<string, readonly string[]>
  }
): Promise<void> {
  const { patched, replaced, checked, bodyImages } = edits
  const cache = openArticleCache(options.cacheDir, session)
  const before = cache.index()
  const next = new Map<string, IndexEntry>(before)
  for (const [path, article] of patched) {
    const edit = checked.get(path)
    if (edit === undefined) continue
    const last = replaced.get(path)
    if (last !== undefined && last !== article.load) next.delete(last)
    let entry = article.entry
    if (entry !== before.get(article.load)) {
      const { check, brief, bytes } = edit.result
      cache.put(article.load, { check, brief }, bytes)
      const images = bodyImages.get(path) ?? []
      if (entry.images === undefined && images.length > 0) entry = { ...entry, images }
    }
    next.set(article.load, entry)
  }
  await cache.finish(next)
  const articles = session.articles?.articles
  for (const [path, article] of patched) {
    const entry = session.index?.get(article.load)
    if (entry !== undefined && articles?.get(path) === article)
      articles.set(path, { ...article, entry })
  }
}
