/**
 * Where stage 2's briefs go, and what the cache's index keeps of each settled article: a brief is
 * written to the output as soon as it exists and only where it went is kept; an unchanged article
 * is settled from the index alone, its brief staged by digest without being read.
 */
import type { BriefRecord, IndexEntry } from '../cache/cache-index.js'
import { hashAll, hashOf } from '../cache/memo-key.js'
import { checkSummaryOf } from '../article/article-records.js'
import type { BriefBytes, LoadRecord } from '../article/article-records.js'
import { contentDigest } from '../output/content-digest.js'
import type { ContentDigest } from '../output/content-digest.js'
import type { RenderedBrief } from '../outputs/output.js'
import type { ArticleResult } from '../parallel/article-tasks.js'
import { refOf } from '../render/render-page.js'
import type { PageRef, WrittenPage } from '../render/render-page.js'
import { isSafeSitePath, outputFileOf } from '../render/urls.js'
import type { OutputFile } from '../types.js'

/**
 * Where finished briefs go as batches complete, so their bytes need not wait in memory; `keep`
 * takes an unchanged brief by its digest alone (false: the output lacks it, `put` it).
 */
export interface BriefSink {
  put(file: OutputFile): void
  keep(path: string, digest: ContentDigest): boolean
  /**
   * The output files of the briefs stage 2 is about to settle, before the first of them: a sink
   * that must take briefs in path order (the search index) can take each as soon as every brief
   * before it is in, instead of all of them at the end.
   */
  plan?(paths: readonly string[]): void
}

/** `brief` as the rest of the build keeps it: written to `sink` when there is one. */
export function settledBrief(brief: BriefBytes, url: string, sink?: BriefSink): RenderedBrief {
  if (!sink || !('bytes' in brief) || !isSafeSitePath(url)) return brief
  sink.put({ path: outputFileOf(brief.sitePath), content: brief.bytes })
  return writtenPage(brief)
}

/**
 * Shows `brief` to `onBrief` as soon as it is settled, by output file (the dev server serves the
 * briefs of its first build while the rest is still being built, issue 21).
 */
export function showBrief(
  onBrief: ((path: string, content: Uint8Array) => void) | undefined,
  brief: RenderedBrief,
  url: string
): void {
  if (onBrief && 'bytes' in brief && isSafeSitePath(url))
    onBrief(outputFileOf(brief.sitePath), brief.bytes)
}

function writtenPage(page: PageRef): WrittenPage {
  return { ...refOf(page), written: true }
}

/** The index entry of a settled article: its check summed up, its brief by digest. */
export function indexEntryOf(
  load: LoadRecord,
  result: Pick<ArticleResult, 'check' | 'brief'>,
  key: { check: string; brief: string }
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
  const checked = { key: key.check, value: checkSummaryOf(result.check) }
  const entry: IndexEntry = { load, checked, brief: { key: key.brief, value: record } }
  entry.report = reportDigestOf(null, entry)
  return entry
}

/**
 * A hash of everything the report's entry and page show of a checked article. An edit that leaves
 * it alone (a sentence added without figures) leaves the report's pages alone too. `file` is
 * hashed in by the caller's fingerprint; an entry's own digest is made without it.
 */
export function reportDigestOf(file: string | null, entry: IndexEntry): string {
  const frontmatter = entry.load.data?.frontmatter
  const checked = entry.checked?.value
  return hashOf(
    JSON.stringify([
      file,
      entry.load.data?.url ?? null,
      frontmatter?.slug ?? null,
      frontmatter?.title ?? null,
      frontmatter?.date.toMillis() ?? null,
      frontmatter?.updated?.toMillis() ?? null,
      checked?.data.mode ?? null,
      checked?.data.figures ?? null,
      checked?.data.asserts ?? null,
      checked?.problems ?? null
    ])
  )
}

/**
 * The brief of an article settled from its index entry, when the entry's results are still valid
 * and the sink already holds the brief (it is then staged by digest); undefined otherwise.
 */
export function fromIndex(
  entry: IndexEntry,
  url: string,
  key: { check: string; brief: string },
  sink: BriefSink
): RenderedBrief | undefined {
  if (entry.checked?.key !== key.check || entry.brief?.key !== key.brief) return undefined
  const record = entry.brief.value
  if ('problem' in record) return record
  if (!isSafeSitePath(url) || !sink.keep(outputFileOf(record.sitePath), record.digest))
    return undefined
  return writtenPage(record)
}

/**
 * A hash of everything the report's article entries are made of: what the whole build shares
 * (the code, the settings, `--strict`), and each published file with its problems in this build
 * and what the report shows of it once checked (`reportDigestOf`; `-` for one not checked).
 */
export interface ReportFingerprint {
  /** The strings hashed, in order. */
  parts: readonly string[]
  value: string
}

/**
 * The report fingerprint of `articles` (path, load problems, report digest) in a build that
 * shares `build`. With the `last` one a session made, compared part by part first: a save that
 * changes no entry (most saves) hashes nothing, where hashing 12,000 parts at 4,000 articles
 * took 4 ms and 2 MB of every save.
 */
export function reportFingerprint(
  build: readonly string[],
  articles: readonly (readonly [
    path: string,
    problems: string | undefined,
    digest: string | undefined
  ])[],
  last?: ReportFingerprint
): ReportFingerprint {
  const parts: string[] = [...build]
  for (const [path, problems, digest] of articles) parts.push(path, problems ?? '', digest ?? '-')
  if (last !== undefined && sameParts(last.parts, parts)) return last
  return { parts, value: hashAll(parts) }
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let at = 0; at < a.length; at++) if (a[at] !== b[at]) return false
  return true
}
