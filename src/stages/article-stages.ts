/**
 * Stages 1 (load) and 2 (the article processor + the brief) on every article file, each result
 * taken from the build cache when the inputs its stage declares (`stage-keys.ts`) are unchanged,
 * the rest run on worker threads for large sites. Past stage 2 an article is an `ArticleSummary`:
 * only the feeds show whole bodies.
 */
import { openArticleCache } from '../cache/article-cache.js'
import type { IndexEntry } from '../cache/cache-index.js'
import { codeFingerprint } from '../cache/code-fingerprint.js'
import { hashAll, hashOf } from '../cache/memo-key.js'
import { hasErrors, isLoaded } from '../article/article-file.js'
import type { ImageTable } from '../images/image-facts.js'
import { imageKeyOf, readArticleImages } from '../images/image-keys.js'
import type { ArticleFile, LoadedFile } from '../article/article-file.js'
import {
  copyOfLoaded,
  summaryOfCheck,
  summaryOfIndexed,
  withCheck
} from '../article/article-records.js'
import type { ArticleSummary } from '../article/article-records.js'
import { runnerFor } from './kept-runner.js'
import { keptArticle, sharedInputs } from './kept-articles.js'
import { keepStages } from './keep-stage.js'
import type { ArticleResult } from '../parallel/article-tasks.js'
import { renderBrief } from '../render/brief.js'
import { encodePage } from '../render/render-page.js'
import { feedLength } from '../render/feeds.js'
import { newestFirst } from '../render/order.js'
import { isSafeSitePath, outputFileOf } from '../render/urls.js'
import { siteViewOf } from '../render/page-context.js'
import type { Templates } from '../render/templates.js'
import type { BuildOptions } from '../build.js'
import type { RenderedBrief } from '../outputs/output.js'
import type { Settings, SiteProblem } from '../types.js'
import { withMarkdowns } from './load-stage.js'
import { runStageOne } from './stage-one.js'
import { distinctSorted } from './distinct-sorted.js'
import { sameKeys, stageKeys } from './article-keys.js'
import { fromIndex, indexEntryOf, reportDigestOf, reportFingerprint } from './settle-briefs.js'
import { settledBrief, showBrief } from './settle-briefs.js'
import type { BriefSink } from './settle-briefs.js'
import type { StageMemory } from './patch-build.js'

/** The articles of a build after stages 1 and 2. */
export interface StagedArticles {
  /** Every article file that is published (not a draft, not embargoed), loaded or not. */
  published: ArticleFile[]
  articles: ArticleSummary[]
  /** Rendered briefs by article file; those a sink took are only where they went. */
  briefs: Map<string, RenderedBrief>
  /**
   * A hash of everything the report's article entries are made of (each published file, its
   * problems in this build, and what the report shows of it once checked): equal fingerprints,
   * equal entries, however the articles' text changed around their figures.
   */
  fingerprint: string
  /** The data files the published articles' checks read, site-relative, sorted. */
  dataFiles: string[]
  /** What the build read of every image the checked articles show (issue 18). */
  images: ImageTable
  /** What stage 2 worked with, for the session's patches (a session's build only). */
  memory?: StageMemory
}

/** Runs stages 1 and 2; problems of data files go into `siteProblems`. */
export async function runArticleStages(
  files: readonly string[],
  settings: Settings,
  templates: Templates,
  siteProblems: SiteProblem[],
  options: BuildOptions,
  sink?: BriefSink
): Promise<StagedArticles> {
  const { root } = options
  const { session } = options
  const cache = openArticleCache(options.cacheDir, session)
  const salt = { code: await codeFingerprint(), settings: JSON.stringify(settings) }
  const saltKey = hashAll([salt.code, salt.settings])
  const { runner, close } = runnerFor(session, {
    root,
    settings,
    strict: options.strict,
    count: files.length,
    ...(options.workers === undefined ? {} : { workers: options.workers })
  })
  try {
    // Stage 1: load, from the cache where the bytes are unchanged.
    const index = cache.index()
    const stage1 = await runStageOne(files, options, { index, salt, saltKey, runner }, siteProblems)
    const { loaded, records, entries, markdown, images: bodyImages } = stage1
    const { published, loadProblems, store, digests } = stage1

    // Stage 2: check and render briefs, from the cache where every input is unchanged.
    const ready = published.filter((file): file is LoadedFile => isLoaded(file) && !hasErrors(file))
    const sorted = newestFirst(
      ready.map((file) => ({ file: file.path, frontmatter: file.data.frontmatter }))
    )
    // Every image the ready articles show, read once (issue 18): its digest keys the articles that
    // show it, and its size is in their HTML.
    const { paths: imagePaths, images } = await readArticleImages(root, ready, bodyImages)
    const brief = {
      images,
      settings,
      site: siteViewOf(settings, sorted, templates),
      templates,
      dataPaths: new Set([...store.datasets.values()].map((dataset) => dataset.file))
    }
    // Past stage 2 an article is only listed and reported; the feeds alone show whole bodies.
    const inFeeds = new Set(sorted.slice(0, feedLength).map((article) => article.file))
    const shared = {
      strict: String(options.strict),
      digests,
      templates: templates.pageFingerprint('brief'),
      // Hashed once here rather than in each of the site's thousands of brief keys.
      site: hashOf(JSON.stringify(brief.site)),
      dataPaths: [...brief.dataPaths].sort()
    }
    const keys = stageKeys(entries, {
      ...shared,
      images: (file) => imageKeyOf(imagePaths.get(file) ?? [], images)
    })
    // A session's build takes what it made of an untouched article as is (kept-articles.ts).
    const frame = session && !sink ? sharedInputs({ ...shared, images }) : undefined
    // A sink that takes briefs in path order starts on each as soon as those before it are in.
    sink?.plan?.(
      ready
        .map((file) => file.data.url)
        .filter(isSafeSitePath)
        .map(outputFileOf)
    )
    // What a patch checked before it gave way to this build (`patch-build.ts`).
    const handed = session?.handedOver
    if (session) session.handedOver = undefined

    // What the next build's index holds: every article settled in this stage.
    const nextIndex = new Map<string, IndexEntry>()
    const summaries = new Map<string, ArticleSummary>()
    const briefs = new Map<string, RenderedBrief>()
    // What the report shows of each settled article, hashed: the report pages' key is made of these.
    const reportDigests = new Map<string, string>()
    // Articles whose kept results were missing or stale: their results are kept again.
    const redo = new Set<string>()
    const byPath = new Map(ready.map((file) => [file.path, file]))
    const settle = (file: LoadedFile, brief: RenderedBrief): void => {
      briefs.set(file.path, brief)
      showBrief(options.onBrief, brief, file.data.url)
    }
    // Counted per article, so a long build's progress line keeps moving through stage 2.
    const settled = (): void => options.onProgress?.('checked', summaries.size, ready.length)
    const done = (result: ArticleResult): void => {
      const { file } = result
      const slot = entries.get(file.path)
      const key = keys.of(file)
      if (slot) {
        const old = index.get(slot.key)
        // Results are a function of their keys: an entry made under the same ones still holds.
        const same =
          !redo.has(file.path) && old?.checked?.key === key.check && old.brief?.key === key.brief
        if (!same) cache.put(slot.key, { check: result.check, brief: result.brief }, result.bytes)
        const entry =
          old && same ? old : indexEntryOf(records.get(file.path) ?? { problems: [] }, result, key)
        nextIndex.set(slot.key, entry)
        reportDigests.set(file.path, entry.report ?? reportDigestOf(null, entry))
      } else reportDigests.set(file.path, indexEntryOf({ problems: [] }, result, key).report ?? '')
      // Stage 1's file holds the load's problems; the check's are in its record.
      const loaded = byPath.get(file.path) ?? file
      summaries.set(file.path, summaryOfCheck(loaded, result.check, inFeeds.has(file.path)))
      settle(file, settledBrief(result.brief, file.data.url, sink))
      settled()
    }

    // A template edit re-renders briefs without re-checking; a data edit re-checks its readers.
    const toProcess: LoadedFile[] = []
    for (const file of ready) {
      const slot = entries.get(file.path)
      const edit = handed?.get(file.path)
      if (edit && edit.load === slot?.key && sameKeys(edit.keys, keys.of(file))) {
        // Checked by the patch under this build's keys: its results are this build's.
        redo.add(file.path)
        done({ ...edit.result, file })
        continue
      }
      if (options.recheck?.has(file.path)) {
        toProcess.push(file)
        continue
      }
      const held =
        frame === undefined || slot === undefined
          ? undefined
          : keptArticle(session, frame, file.path, {
              load: slot.key,
              inFeeds: inFeeds.has(file.path),
              problems: loadProblems.get(file.path) ?? ''
            })
      if (slot && held) {
        nextIndex.set(slot.key, held.entry)
        reportDigests.set(file.path, held.reportDigest)
        summaries.set(file.path, held.summary)
        settle(file, held.brief)
        settled()
        continue
      }
      const key = keys.of(file)
      // Unchanged and already in the output: known from the index alone, nothing else read.
      const indexed = slot && index.get(slot.key)
      const kept =
        sink && indexed && !inFeeds.has(file.path)
          ? fromIndex(indexed, file.data.url, key, sink)
          : undefined
      if (slot && indexed?.checked && kept) {
        nextIndex.set(slot.key, indexed)
        reportDigests.set(file.path, indexed.report ?? reportDigestOf(null, indexed))
        summaries.set(file.path, summaryOfIndexed(file, indexed.checked.value))
        settle(file, kept)
        settled()
        continue
      }
      // Read one article at a time, and only when its check is still valid.
      const stored =
        slot && indexed?.checked?.key === key.check ? cache.results(slot.key) : undefined
      if (stored === undefined) {
        toProcess.push(file)
        // Whatever the index says was kept no longer serves (stale, or its pack lost): keep anew.
        redo.add(file.path)
        continue
      }
      const cachedBrief = indexed?.brief?.key === key.brief ? stored.brief : undefined
      done({
        file,
        check: stored.check,
        brief:
          cachedBrief ?? encodePage(renderBrief(brief, withCheck(copyOfLoaded(file), stored.check)))
      })
    }
    await runner.process(toProcess, {
      brief,
      store,
      prepare: (batch) => withMarkdowns(batch, { root, salt, markdown, entries, session }),
      onBatch: (batch) => {
        for (const result of batch) done(result)
      }
    })
    await keepStages(
      cache,
      index,
      {
        loaded,
        records,
        entries,
        bodyImages,
        nextIndex,
        ready,
        made: { reportDigests, summaries, briefs, inFeeds, loadProblems }
      },
      session,
      frame
    )

    const articles = ready.flatMap((file) => summaries.get(file.path) ?? [])
    options.onProgress?.('checked', articles.length, ready.length)
    const fingerprint = reportFingerprint(
      [salt.code, salt.settings, String(options.strict)],
      published.map((file) => [
        file.path,
        loadProblems.get(file.path),
        reportDigests.get(file.path)
      ]),
      session?.fingerprint
    )
    if (session) session.fingerprint = fingerprint
    const dataFiles = distinctSorted(articles, (article) => article.dataFiles)
    const memory: StageMemory | undefined =
      frame === undefined
        ? undefined
        : {
            salt,
            saltKey,
            shared,
            imagePaths,
            images,
            brief,
            store,
            feedFiles: sorted.slice(0, feedLength).map((article) => article.file)
          }
    return {
      published,
      articles,
      briefs,
      fingerprint: fingerprint.value,
      dataFiles,
      images,
      ...(memory ? { memory } : {})
    }
  } finally {
    await close()
  }
}
