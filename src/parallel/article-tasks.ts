/**
 * The per-article work of a build, as batches: decode + validate (stage 1), then fact-check +
 * render the brief (stage 2). The same functions run in-process and inside worker threads, so
 * both paths produce the same bytes.
 */
import { decodeArticle } from '../content/load-article.js'
import { processArticle } from '../process-article.js'
import { renderBrief } from '../render/brief.js'
import type { DataStore } from '../checks/datasets/dataset.js'
import type { ArticleLoad } from '../content/load-article.js'
import type { BriefInput } from '../render/brief.js'
import { encodePage } from '../render/render-page.js'
import type { EncodedPage } from '../render/render-page.js'
import type { CheckedArticle, LoadedArticle, Problem, Settings } from '../types.js'

/** One article file's bytes, read by the main thread (which hashes them for the cache). */
export interface ArticleBytes {
  file: string
  bytes: Uint8Array
}

/** Stage 1: decode and validate a batch of article files. */
export function loadBatch(items: readonly ArticleBytes[], settings: Settings): ArticleLoad[] {
  return items.map((item) => decodeArticle(item.file, item.bytes, settings))
}

/** What stage 2 shares across a build's articles. */
export interface ProcessContext {
  settings: Settings
  strict: boolean
  store: DataStore
  brief: BriefInput
}

/** A checked article and its rendered brief (or the template problem that stopped it). */
export interface Processed {
  article: CheckedArticle
  brief: EncodedPage | { problem: Problem }
  /** Both as the build cache keeps them (`result-bytes.ts`), when a worker sent them so. */
  bytes?: Uint8Array
}

/** Stage 2: fact-check a batch of loaded articles and render their briefs. */
export function processBatch(
  articles: readonly LoadedArticle[],
  context: ProcessContext
): Processed[] {
  return articles.map((loaded) => {
    const article = processArticle(loaded, {
      settings: context.settings,
      store: context.store,
      strict: context.strict
    })
    return { article, brief: encodePage(renderBrief(context.brief, article)) }
  })
}
