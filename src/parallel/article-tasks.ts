/**
 * The per-article work of a build, as batches: loading (stage 1), then the article processor and
 * the brief (stage 2). The same functions run in-process and inside worker threads, so both paths
 * produce the same bytes; a worker hands back records (`article-records.ts`), not files.
 */
import { articleFile, problemsOf } from '../article/article-file.js'
import type { LoadedFile } from '../article/article-file.js'
import { loadRecordOf } from '../article/article-records.js'
import type { BriefBytes, CheckRecord, LoadRecord } from '../article/article-records.js'
import { articleProcessor, checkedDataOf, checkedTree } from '../article/process-article.js'
import { renderBody, withoutPassedData } from '../article/process-article.js'
import type { ArticleContext, ArticleProcessor } from '../article/process-article.js'
import { analysisKey } from '../article/analysis-memo.js'
import type { AnalysisMemo } from '../article/analysis-memo.js'
import { checkOutputDigest, renderContextDigest, renderedKey } from '../article/rendered-cutoff.js'
import { decodeArticle } from '../content/load-article.js'
import { localImagesOf } from '../images/image-refs.js'
import { renderBrief } from '../render/brief.js'
import type { BriefInput } from '../render/brief.js'
import { encodePage } from '../render/render-page.js'
import type { Settings } from '../types.js'
import { resultBytes, resultOf } from './result-bytes.js'

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

/** The processor of one build context, and its digest, made once however many batches it checks. */
const processors = new WeakMap<ProcessContext, { processor: ArticleProcessor; digest: string }>()

/**
 * Stage 2: process a batch of loaded files and render their briefs. With a `memo`, an article
 * analysed by an earlier batch with the same inputs is not parsed again, and one whose check
 * found what it found then is not rendered again either (`rendered-cutoff.ts`): its result is
 * the bytes kept from then.
 */
export function processBatch(
  files: readonly LoadedFile[],
  context: ProcessContext,
  memo?: AnalysisMemo
): ArticleResult[] {
  let made = processors.get(context)
  if (made === undefined) {
    made = { processor: articleProcessor(context), digest: renderContextDigest(context) }
    processors.set(context, made)
  }
  const { processor, digest } = made
  return files.map((loaded) => {
    // The build's images, for the body stage to place the article's own against.
    if (context.brief.images) loaded.data.imageTable = context.brief.images
    const before = loaded.messages.length
    const key = memo && analysisKey(loaded, processor.notFigures)
    const tree = checkedTree(processor, loaded, context, memo, key)
    // Where the kept result of this article would be, and the check output it must come from.
    const cutoff =
      key === undefined
        ? undefined
        : { key: renderedKey(key, loaded, digest), check: checkOutputDigest(loaded, before) }
    const kept = cutoff && memo?.takeRendered(cutoff.key, cutoff.check)
    if (kept) return keptResult(withoutPassedData(loaded), kept)
    const file = renderBody(processor, loaded, context, tree, before)
    const record = {
      check: { data: checkedDataOf(file), problems: problemsOf(file).slice(before) },
      brief: encodePage(renderBrief(context.brief, file))
    }
    if (memo === undefined || cutoff === undefined) return { file, ...record }
    const bytes = resultBytes(record)
    memo.rendered += 1
    memo.keepRendered(cutoff.key, cutoff.check, bytes)
    return { file, ...record, bytes }
  })
}

/**
 * The result of an article answered with kept bytes: its record is read from them only when
 * asked for, as a worker sends the bytes on as they are.
 */
function keptResult(file: LoadedFile, bytes: Uint8Array): ArticleResult {
  let record: ReturnType<typeof resultOf> | undefined
  return {
    file,
    bytes,
    get check() {
      return (record ??= resultOf(bytes)).check
    },
    get brief() {
      return (record ??= resultOf(bytes)).brief
    }
  }
}

/** A loaded file with its Markdown, as a worker rebuilds it from what crossed. */
export function loadedFile(path: string, value: string, data: LoadedFile['data']): LoadedFile {
  const file = articleFile(path, value)
  Object.assign(file.data, data)
  return file as LoadedFile
}
