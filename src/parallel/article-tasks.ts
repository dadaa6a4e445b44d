/**
 * The per-article work of a build, as batches: loading (stage 1), then the article processor and
 * the brief (stage 2). The same functions run in-process and inside worker threads, so both paths
 * produce the same bytes; a worker hands back records (`article-records.ts`), not files.
 */
import { articleFile, problemsOf } from '../article/article-file.js'
import type { LoadedFile } from '../article/article-file.js'
import { loadRecordOf } from '../article/article-records.js'
import type { BriefBytes, CheckRecord, LoadRecord } from '../article/article-records.js'
import { articleProcessor, checkedDataOf, processArticle } from '../article/process-article.js'
import type { ArticleContext, ArticleProcessor } from '../article/process-article.js'
import type { AnalysisMemo } from '../article/analysis-memo.js'
import { decodeArticle } from '../content/load-article.js'
import { localImagesOf } from '../images/image-refs.js'
import { renderBrief } from '../render/brief.js'
import type { BriefInput } from '../render/brief.js'
import { encodePage } from '../render/render-page.js'
import type { Settings } from '../types.js'

/** One article file's bytes, read by the main thread (which hashes them for the cache). */
export interface ArticleBytes {
  file: string
  bytes: Uint8Array
}

/** What loading one article gives: its record, and its Markdown when it loaded. */
export interface LoadResult {
  record: LoadRecord
  markdown?: string
  /** The local images its body shows, site-relative (`images/image-refs.ts`). */
  images?: string[]
}

/** Stage 1: decode and validate a batch of article files. */
export function loadBatch(items: readonly ArticleBytes[], settings: Settings): LoadResult[] {
  return items.map((item) => {
    const file = articleFile(item.file)
    decodeArticle(file, item.bytes, settings)
    const record = loadRecordOf(file)
    if (!record.data) return { record }
    const markdown = String(file.value)
    return { record, markdown, images: localImagesOf(markdown, item.file) }
  })
}

/** What stage 2 shares across a build's articles. */
export interface ProcessContext extends ArticleContext {
  brief: BriefInput
}

/** A file sent to be checked, what its check found, and its rendered brief. */
export interface ArticleResult {
  file: LoadedFile
  check: CheckRecord
  brief: BriefBytes
  /** The check and brief as the build cache keeps them (`result-bytes.ts`), when a worker sent them so. */
  bytes?: Uint8Array
}

/** The processor of one build context, made once however many batches it checks. */
const processors = new WeakMap<ProcessContext, ArticleProcessor>()

/**
 * Stage 2: process a batch of loaded files and render their briefs. With a `memo`, an article
 * analysed by an earlier batch with the same inputs is not parsed again.
 */
export function processBatch(
  files: readonly LoadedFile[],
  context: ProcessContext,
  memo?: AnalysisMemo
): ArticleResult[] {
  let processor = processors.get(context)
  if (processor === undefined) processors.set(context, (processor = articleProcessor(context)))
  return files.map((loaded) => {
    // The build's images, for the body stage to place the article's own against.
    if (context.brief.images) loaded.data.imageTable = context.brief.images
    const before = loaded.messages.length
    const file = processArticle(processor, loaded, context, memo)
    const check = { data: checkedDataOf(file), problems: problemsOf(file).slice(before) }
    return { file, check, brief: encodePage(renderBrief(context.brief, file)) }
  })
}

/** A loaded file with its Markdown, as a worker rebuilds it from what crossed. */
export function loadedFile(path: string, value: string, data: LoadedFile['data']): LoadedFile {
  const file = articleFile(path, value)
  Object.assign(file.data, data)
  return file as LoadedFile
}
