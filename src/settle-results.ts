/**
 * Settling stage 2's results: a brief is written to the output as soon as it exists and only
 * where it went is kept; an unchanged article is settled from the cache index, its brief staged
 * by digest without being read. What the index keeps of each settled article is made here too.
 */
import { hashOf } from './cache/article-cache.js'
import type { BriefRecord, IndexEntry } from './cache/cache-index.js'
import { withLoad, withoutLoad } from './checked-part.js'
import type { ArticleLoad } from './content/load-article.js'
import { contentDigest } from './output/content-digest.js'
import type { ContentDigest } from './output/content-digest.js'
import type { Processed } from './parallel/article-tasks.js'
import { refOf } from './render/render-page.js'
import type { EncodedPage, PageRef, WrittenPage } from './render/render-page.js'
import { isSafeSitePath, outputFileOf } from './render/urls.js'
import type { CheckedArticle, LoadedArticle, OutputFile } from './types.js'

/**
 * Where finished briefs go as batches complete, so their bytes need not wait in memory; `keep`
 * takes an unchanged brief by its digest alone (false: the output lacks it, `put` it).
 */
export interface BriefSink {
  put(file: OutputFile): void
  keep(path: string, digest: ContentDigest): boolean
}

/** A result as the rest of the build keeps it: the brief maybe written already, the body maybe gone. */
export interface Settled {
  article: CheckedArticle
  brief: Processed['brief'] | WrittenPage
}

/** Writes `page` to `sink` and keeps only where it went. */
export function streamed(page: EncodedPage, sink: BriefSink): WrittenPage {
  sink.put({ path: outputFileOf(page.sitePath), content: page.bytes })
  return writtenPage(page)
}

function writtenPage(page: PageRef): WrittenPage {
  return { ...refOf(page), written: true }
}

/** The index entry of a settled article: its results, the body HTML and the brief's bytes left out. */
export function indexEntryOf(
  load: ArticleLoad,
  result: Processed,
  key: string,
  briefKey: (key: string) => string
): IndexEntry {
  const page = result.brief
  const record: BriefRecord =
    'problem' in page
      ? page
      : {
          sitePath: page.sitePath,
          ...(page.lastmod === undefined ? {} : { lastmod: page.lastmod }),
          digest: contentDigest(page.bytes)
        }
  return {
    // Stage 1 hands on every load without its Markdown already.
    load,
    checked: {
      key,
      value: { ...withoutLoad(result.article), html: '', panel: [] },
      dataFiles: dataFilesOf(result.article)
    },
    brief: { key: briefKey(key), value: record },
    report: reportDigestOf(result.article)
  }
}

/** The data files `article`'s checks read, as its fact-check panel names them. */
export function dataFilesOf(article: CheckedArticle): string[] {
  return [...new Set(article.panel.flatMap((entry) => entry.dataFiles))]
}

/**
 * A hash of everything the report's entry and page show of a checked article. An edit that leaves
 * it alone (a sentence added without figures) leaves the report's pages alone too.
 */
export function reportDigestOf(article: CheckedArticle): string {
  const { file, url, frontmatter, mode, figures, asserts, problems } = article
  return hashOf(
    JSON.stringify([
      file,
      url,
      frontmatter.slug,
      frontmatter.title,
      frontmatter.date.toMillis(),
      frontmatter.updated?.toMillis() ?? null,
      mode,
      figures,
      asserts,
      problems
    ])
  )
}

/**
 * `article` settled from its index entry, when the entry's results are still valid and the sink
 * already holds the brief (it is then staged by digest); undefined otherwise.
 */
export function keptFromIndex(
  entry: IndexEntry,
  article: LoadedArticle,
  key: string,
  briefKey: string,
  sink: BriefSink
): Settled | undefined {
  if (entry.checked?.key !== key || entry.brief?.key !== briefKey) return undefined
  const checked = withLoad(article, entry.checked.value)
  const record = entry.brief.value
  if ('problem' in record) return { article: checked, brief: record }
  if (!isSafeSitePath(article.url) || !sink.keep(outputFileOf(record.sitePath), record.digest))
    return undefined
  return { article: checked, brief: writtenPage(record) }
}
