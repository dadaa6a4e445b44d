/**
 * Stage 2 of a session's build for the articles an edit did not touch (issue 21). The cache
 * already serves their results, but each build still worked out every article's check and brief
 * keys, looked its results up, and made its summary and report digest again: a few hundred
 * milliseconds at 4,000 articles. Those keys are made of the article's load key and of inputs the
 * whole build shares (the data files' digests, the templates, the navigation, the images); when
 * the shared inputs hash as in the session's last build and the article loaded from the same
 * bytes, its keys are the same, and so is everything stage 2 made of it, which is taken as is.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { IndexEntry } from '../cache/cache-index.js'
import type { BuildSession } from '../cache/build-session.js'
import { hashAll } from '../cache/memo-key.js'
import type { RenderedBrief } from '../outputs/output.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** What stage 2 made of one article in the session's last build. */
export interface KeptArticle {
  /** The load key it was made from. */
  load: string
  /** Whether it was among the feeds' articles, whose summaries keep their bodies. */
  inFeeds: boolean
  /** Its load problems in that build (JSON), which another file's permalink may change. */
  problems: string
  entry: IndexEntry
  reportDigest: string
  summary: ArticleSummary
  brief: RenderedBrief
}

/** The articles of a session's last build, with the hash of the inputs they all shared. */
export interface KeptArticles {
  frame: string
  /** By article file; a patch (`patch-build.ts`) replaces the articles it made again. */
  articles: Map<string, KeptArticle>
}

/** The hash of the inputs every article's check and brief keys share in one build. */
export function sharedInputs(inputs: {
  strict: string
  digests: ReadonlyMap<string, string>
  templates: string
  site: string
  dataPaths: readonly string[]
  images: ReadonlyMap<string, unknown>
}): string {
  const byPath = <T>(entries: Iterable<[string, T]>): [string, T][] =>
    [...entries].sort(([a], [b]) => byCodeUnits(a, b))
  return hashAll([
    inputs.strict,
    JSON.stringify(byPath(inputs.digests)),
    inputs.templates,
    inputs.site,
    JSON.stringify(inputs.dataPaths),
    JSON.stringify(byPath(inputs.images))
  ])
}

/**
 * What the session's last build made of `file`, when it holds still: made under the same shared
 * inputs, from the same bytes, in or out of the feeds as now, with the same load problems.
 */
export function keptArticle(
  session: BuildSession | undefined,
  frame: string,
  file: string,
  now: { load: string; inFeeds: boolean; problems: string }
): KeptArticle | undefined {
  const kept = session?.articles?.frame === frame ? session.articles.articles.get(file) : undefined
  if (kept === undefined) return undefined
  const same =
    kept.load === now.load && kept.inFeeds === now.inFeeds && kept.problems === now.problems
  return same ? kept : undefined
}

/** What stage 2 made of each of `ready`, for the session's next build. */
export function keptOf(
  ready: readonly { path: string }[],
  made: {
    entries: ReadonlyMap<string, { key: string }>
    nextIndex: ReadonlyMap<string, IndexEntry>
    reportDigests: ReadonlyMap<string, string>
    summaries: ReadonlyMap<string, ArticleSummary>
    briefs: ReadonlyMap<string, RenderedBrief>
    inFeeds: ReadonlySet<string>
    loadProblems: ReadonlyMap<string, string>
  }
): Map<string, KeptArticle> {
  const kept = new Map<string, KeptArticle>()
  for (const { path } of ready) {
    const load = made.entries.get(path)?.key
    const entry = load === undefined ? undefined : made.nextIndex.get(load)
    const reportDigest = made.reportDigests.get(path)
    const summary = made.summaries.get(path)
    const brief = made.briefs.get(path)
    // An article that dropped out half-way (changed while being built) is made again next time.
    if (!load || !entry || reportDigest === undefined || !summary || !brief) continue
    const inFeeds = made.inFeeds.has(path)
    const problems = made.loadProblems.get(path) ?? ''
    kept.set(path, { load, inFeeds, problems, entry, reportDigest, summary, brief })
  }
  return kept
}
