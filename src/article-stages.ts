/**
 * Stages 1 (load) and 2 (fact-check + brief) on every article file, skipping the work the build
 * cache already holds and running the rest on worker threads for large sites. What a cached
 * result was made from is hashed into its key: the article's bytes, the settings, the data files
 * it reads, the templates, the site navigation and factdesk's own code.
 */
import { hashAll, hashOf, openArticleCache } from './cache/article-cache.js'
import type { IndexEntry } from './cache/cache-index.js'
import { withLoad } from './checked-part.js'
import { codeFingerprint } from './cache/code-fingerprint.js'
import { loadDataStore } from './checks/datasets/load-data-store.js'
import { loadArticles, withMarkdown } from './load-stage.js'
import {
  dataFilesOf,
  indexEntryOf,
  keptFromIndex,
  reportDigestOf,
  streamed
} from './settle-results.js'
import type { BriefSink, Settled } from './settle-results.js'
import { isPublished, rejectDuplicatePermalinks } from './content/published.js'
import { createRunner } from './parallel/article-runner.js'
import { stylesheetFile } from './render/assets.js'
import { renderBrief } from './render/brief.js'
import { encodePage } from './render/render-page.js'
import type { WrittenPage } from './render/render-page.js'
import { feedLength } from './render/feeds.js'
import { isSafeSitePath } from './render/urls.js'
import { newestFirst } from './render/order.js'
import { siteView } from './render/page-context.js'
import type { ArticleLoad } from './content/load-article.js'
import type { Processed } from './parallel/article-tasks.js'
import type { Templates } from './render/templates.js'
import type { BuildOptions } from './build.js'
import type { CheckedArticle, LoadedArticle, Problem, Settings } from './types.js'

/** The articles of a build after stages 1 and 2. */
export interface StagedArticles {
  /**
   * Every article file that is published (not a draft, not embargoed), loaded or not. Past stage
   * 2 nothing reads an article's Markdown, so these and `articles` come without it (`''`), and
   * `articles` without body HTML (`''`) and fact-check panel (`[]`, see `dataFiles`) outside the
   * feeds: a site of 40,000 articles would otherwise hold them all until the build ends.
   */
  published: ArticleLoad[]
  articles: CheckedArticle[]
  /** Rendered briefs by article file; those a sink took are only where they went. */
  briefs: Map<string, Processed['brief'] | WrittenPage>
  /**
   * A hash of everything the report's article entries are made of (each published file, its
   * problems in this build, and what the report shows of it once checked): equal fingerprints,
   * equal entries, however the articles' text changed around their figures.
   */
  fingerprint: string
  /** The data files the published articles' checks read, site-relative, sorted. */
  dataFiles: string[]
}

/** Runs stages 1 and 2; problems of data files go into `siteProblems`. */
export async function runArticleStages(
  files: readonly string[],
  settings: Settings,
  templates: Templates,
  siteProblems: Problem[],
  options: BuildOptions,
  sink?: BriefSink
): Promise<StagedArticles> {
  const { root } = options
  const cache = openArticleCache(options.cacheDir)
  const salt = hashOf(await codeFingerprint(), JSON.stringify(settings))
  const runner = createRunner({
    root,
    settings,
    strict: options.strict,
    count: files.length,
    ...(options.workers === undefined ? {} : { workers: options.workers })
  })
  try {
    // Stage 1: load, from the cache where the bytes are unchanged.
    const index = cache.index()
    const { loaded, entries, markdown } = await loadArticles(files, root, salt, index, runner)
    options.onProgress?.('loaded', loaded.length, loaded.length)
    // Problems between articles (a shared permalink) belong to this build, not to the cached load.
    const loads = loaded.map((load) => ({ ...load, problems: [...load.problems] }))
    const published = loads.filter((load) => isPublished(load, options))
    const loadsByFile = new Map(published.map((load) => [load.file, load]))
    rejectDuplicatePermalinks(published)

    const dataPaths = [
      ...new Set(published.flatMap((load) => Object.values(load.article?.frontmatter.data ?? {})))
    ].sort()
    // One read of each data file gives both its table and the digest that keys the checks.
    const {
      store,
      problems: dataProblems,
      digests: dataHashes
    } = await loadDataStore(root, dataPaths)
    siteProblems.push(...dataProblems)

    // Stage 2: fact-check and render briefs, from the cache where every input is unchanged.
    const ready = published.flatMap((load) =>
      load.article && !load.problems.some((problem) => problem.severity === 'error')
        ? [load.article]
        : []
    )
    const brief = {
      settings,
      site: siteView(settings, newestFirst(ready), stylesheetFile(templates.stylesheet).path),
      templates,
      dataPaths: new Set([...store.datasets.values()].map((dataset) => dataset.file))
    }
    // Asked once when choosing what to re-check and again when keeping results: hashed once.
    const checkKeys = new Map<string, string>()
    const checkKey = (article: LoadedArticle): string => {
      let key = checkKeys.get(article.file)
      if (key === undefined) {
        key = hashOf(
          entries.get(article.file)?.key ?? '',
          String(options.strict),
          ...Object.entries(article.frontmatter.data)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .flatMap(([alias, path]) => [alias, dataHashes.get(path) ?? 'missing'])
        )
        checkKeys.set(article.file, key)
      }
      return key
    }
    // Past stage 2 an article is only listed and reported; the feeds alone show whole bodies.
    const inFeeds = new Set(
      newestFirst(ready)
        .slice(0, feedLength)
        .map((article) => article.file)
    )
    // The data files the checks read are all the panels are needed for past here.
    const dataFiles = new Set<string>()
    const slimmed = (article: CheckedArticle, read = dataFilesOf(article)): CheckedArticle => {
      for (const path of read) dataFiles.add(path)
      return inFeeds.has(article.file)
        ? { ...article, markdown: '' }
        : { ...article, markdown: '', html: '', panel: [] }
    }
    const settle = (result: Processed): Settled => ({
      article: slimmed(result.article),
      brief:
        sink && 'bytes' in result.brief && isSafeSitePath(result.article.url)
          ? streamed(result.brief, sink)
          : result.brief
    })
    const pageSalt = hashOf(
      templates.fingerprint,
      JSON.stringify(brief.site),
      [...brief.dataPaths].sort().join('\n')
    )
    const briefKey = (key: string): string => hashOf(key, pageSalt)

    const loadOf = new Map(loaded.map((load) => [load.file, load]))
    // Checking needs the Markdown stage 1 set apart; an article whose file changed since stage 1
    // read it is not checked against bytes it no longer holds.
    const withMarkdownAll = async (articles: LoadedArticle[]): Promise<LoadedArticle[]> => {
      const context = { root, salt, markdown }
      const whole = await Promise.all(
        articles.map(async (article) => {
          const slot = entries.get(article.file)
          const found = slot && (await withMarkdown(article, slot, context))
          if (found === undefined) loadsByFile.get(article.file)?.problems.push(changedDuringBuild)
          return found
        })
      )
      return whole.flatMap((article) => (article ? [article] : []))
    }
    // Keep fresh results for the next build as their batch returns, so that the cache is written
    // while the workers still parse, and before the brief goes to the sink.
    const keep = (file: string, result: Processed): void => {
      const slot = entries.get(file)
      if (!slot) return
      const key = checkKey(result.article)
      if (slot.entry?.checkedKey !== key || slot.entry.briefKey !== briefKey(key)) {
        cache.put(
          slot.key,
          {
            checked: { key, value: result.article },
            brief: { key: briefKey(key), value: result.brief }
          },
          result.bytes
        )
      }
    }
    // What the next build's index holds: every article settled in this stage.
    const nextIndex = new Map<string, IndexEntry>()
    const results = new Map<string, Settled>()
    // What the report shows of each settled article, hashed: the report pages' key is made of these.
    const reportDigests = new Map<string, string>()
    const done = (result: Processed): void => {
      const { file } = result.article
      const load = loadOf.get(file)
      const slot = entries.get(file)
      keep(file, result)
      if (load && slot) {
        // Results are a function of their keys: an entry made under the same ones still holds.
        const key = checkKey(result.article)
        const old = index.get(slot.key)
        const same = old?.checked?.key === key && old.brief?.key === briefKey(key)
        const entry = old && same ? old : indexEntryOf(load, result, key, briefKey)
        nextIndex.set(slot.key, entry)
        reportDigests.set(file, entry.report ?? reportDigestOf(result.article))
      } else reportDigests.set(file, reportDigestOf(result.article))
      results.set(file, settle(result))
    }
    // A template edit re-renders briefs without re-checking; a data edit re-checks its readers.
    const toProcess: LoadedArticle[] = []
    for (const article of ready) {
      const slot = entries.get(article.file)
      const key = checkKey(article)
      // Unchanged and already in the output: known from the index alone, nothing else read.
      const indexed = slot && index.get(slot.key)
      const fromIndex =
        sink && indexed && !inFeeds.has(article.file)
          ? keptFromIndex(indexed, article, key, briefKey(key), sink)
          : undefined
      if (slot && indexed && fromIndex) {
        nextIndex.set(slot.key, indexed)
        reportDigests.set(article.file, indexed.report ?? reportDigestOf(fromIndex.article))
        // The index keeps no panel (`IndexEntry.checked`), only the data files it names.
        const read = indexed.checked?.dataFiles ?? []
        results.set(article.file, { ...fromIndex, article: slimmed(fromIndex.article, read) })
        continue
      }
      // Read one article at a time, and only when its check is still valid.
      const stored = slot?.entry?.checkedKey === key ? cache.results(slot.key) : undefined
      if (stored?.checked?.key !== key) {
        toProcess.push(article)
        // Whatever was kept no longer serves (stale, or its pack lost): keep the new.
        if (slot?.entry) delete slot.entry.checkedKey
        continue
      }
      const checked = withLoad(article, stored.checked.value)
      const cachedBrief = stored.brief?.key === briefKey(key) ? stored.brief.value : undefined
      // A brief rendered again is kept again, with the check it was rendered from.
      if (cachedBrief === undefined && slot?.entry) delete slot.entry.briefKey
      done({ article: checked, brief: cachedBrief ?? encodePage(renderBrief(brief, checked)) })
    }
    await runner.process(toProcess, {
      brief,
      store,
      prepare: withMarkdownAll,
      onBatch: (batch) => {
        for (const result of batch) done(result)
      }
    })
    // The index is the record of every load, settled in this stage or not (a draft, an embargo,
    // an article in error): the next build decodes none of them again.
    for (const load of loaded) {
      const slot = entries.get(load.file)
      if (slot && !nextIndex.has(slot.key)) nextIndex.set(slot.key, index.get(slot.key) ?? { load })
    }
    await cache.finish(nextIndex)

    const loadProblems = new Map(published.map((load) => [load.file, load.problems]))
    const articles = ready.flatMap((article) => {
      const processed = results.get(article.file)
      if (!processed) return []
      const problems = [...(loadProblems.get(article.file) ?? []), ...processed.article.problems]
      return [{ ...processed.article, problems }]
    })
    options.onProgress?.('checked', articles.length, ready.length)
    const briefs = new Map([...results].map(([file, processed]) => [file, processed.brief]))
    const fingerprint = hashAll([
      salt,
      String(options.strict),
      ...published.flatMap((load) => [
        load.file,
        JSON.stringify(load.problems),
        reportDigests.get(load.file) ?? '-'
      ])
    ])
    return { published, articles, briefs, fingerprint, dataFiles: [...dataFiles].sort() }
  } finally {
    await runner.close()
  }
}

const changedDuringBuild: Problem = {
  severity: 'error',
  line: 1,
  column: 1,
  rule: 'article-unreadable',
  message: 'the file changed while the site was being built; build again'
}
