/**
 * The whole static site (SPEC 8): briefs, listings, the fact-check report, feeds, sitemap, the
 * hashed stylesheet and copies of the data files, every path relative to the output folder.
 * Rendering is a pure function of its input: no clock, no randomness, sorted iteration, so the
 * same input gives byte-identical files.
 */
import { formatJsonChunks } from '../report/format-json.js'
import type { CheckedArticle, OutputFile, Problem, Report, Settings } from '../types.js'
import { stylesheetFile } from './assets.js'
import { renderBrief } from './brief.js'
import { factcheckPath, renderFactcheckPage } from './factcheck-page.js'
import { renderFeeds } from './feeds.js'
import { renderLatestTxt } from './latest-txt.js'
import { listingPageInputs, listingPages, listingsOf, renderListingPage } from './listing.js'
import { renderNotFound } from './not-found.js'
import { newestFirst } from './order.js'
import { OutputSet } from './output-set.js'
import type { OutputSink, Reuse } from './output-set.js'
import { hashOf } from '../cache/article-cache.js'
import type { PageMemo } from '../cache/page-memo.js'
import type { ContentDigest } from '../output/content-digest.js'
import { siteView } from './page-context.js'
import { encodePage, refOf } from './render-page.js'
import type { EncodedPage, PageRef, RenderedPage, WrittenPage } from './render-page.js'
import { renderRobots, renderSitemap } from './sitemap.js'
import { type StoryView, storyView } from './story-view.js'
import type { Templates } from './templates.js'
import { isSafeFilePath, isSafeSitePath, outputFileOf } from './urls.js'

/** Everything the site is rendered from. */
export interface SiteInput {
  settings: Settings
  articles: readonly CheckedArticle[]
  report: Report
  /** Data files to publish under their site-relative paths, e.g. `data/markets/btc-usd.csv`. */
  dataFiles: readonly { path: string; content: Uint8Array }[]
  templates: Templates
  /**
   * Briefs already rendered (by worker threads, or taken from the build cache), by article file.
   * They must have been rendered with the same settings, templates and `siteView`.
   */
  briefs?: ReadonlyMap<string, EncodedPage | WrittenPage | { problem: Problem }>
  /** Where files go as they are rendered; without it, `renderSite` returns them. */
  sink?: OutputSink
  /**
   * For a build writing into an output that may hold earlier builds' pages: `reportKey` hashes
   * everything the report is made from, and the report's pages rendered from the same inputs as
   * a `memo` record says are staged by digest (`keep`) instead of being rendered again.
   */
  reuse?: {
    reportKey: string
    memo: PageMemo
    keep(path: string, digest: ContentDigest): boolean
  }
}

/** Renders every file of the site; problems (templates, unsafe paths, collisions) come back too. */
export function renderSite(input: SiteInput): {
  files: OutputFile[]
  count: number
  problems: Problem[]
} {
  const { settings, templates, report } = input
  const problems: Problem[] = []
  const output = new OutputSet(problems, input.sink)
  const stylesheet = stylesheetFile(templates.stylesheet)
  output.add(stylesheet, 'the stylesheet')
  const dataPaths = copyDataFiles(input.dataFiles, output, problems)
  const sorted = newestFirst(input.articles.filter((article) => isPublishable(article, problems)))
  const site = siteView(settings, sorted, stylesheet.path)
  const pages: PageRef[] = []
  const addPage = (
    page: RenderedPage | EncodedPage | WrittenPage,
    owner: string,
    ownerFile?: string
  ): boolean => {
    const path = outputFileOf(page.sitePath)
    const added =
      'written' in page
        ? output.claim(path, owner, ownerFile)
        : output.add({ path, content: 'bytes' in page ? page.bytes : page.html }, owner, ownerFile)
    if (added) pages.push(refOf(page))
    return added
  }

  const briefs = new Set<string>()
  for (const article of sorted) {
    const brief =
      input.briefs?.get(article.file) ??
      encodePage(renderBrief({ settings, site, templates, dataPaths }, article))
    if ('problem' in brief) {
      problems.push(brief.problem)
      continue
    }
    if (addPage(brief, `the brief of ${article.file}`, article.file)) briefs.add(article.url)
  }

  // Every page around the articles is made from the templates, the settings and the navigation.
  const reportKey = input.reuse?.reportKey
  const frame =
    reportKey && hashOf(templates.fingerprint, JSON.stringify(settings), JSON.stringify(site))
  const stories = new Map<CheckedArticle, StoryView>()
  const story = (article: CheckedArticle): StoryView => {
    let view = stories.get(article)
    if (view === undefined) stories.set(article, (view = storyView(article, settings)))
    return view
  }
  for (const listing of listingsOf(sorted)) {
    for (const page of listingPages(settings, listing)) {
      const owner = `the listing ${page.sitePath}`
      const ownerFile = listing.articles[0]?.file
      const render = () => renderListingPage({ settings, site, templates, story }, listing, page)
      if (!frame) {
        const rendered = render()
        if ('problem' in rendered) problems.push(rendered.problem)
        else addPage(rendered, owner, ownerFile)
        continue
      }
      // Unchanged stories, listed as before: the output already holds the page. A page that
      // fails to render fails the build, so the empty file it leaves is never published.
      const path = outputFileOf(page.sitePath)
      const before = problems.length
      const chunks = (): string[] => {
        const rendered = render()
        if (!('problem' in rendered)) return [rendered.html]
        problems.push(rendered.problem)
        return []
      }
      const key = hashOf(frame, listingPageInputs(listing, page))
      const reuse = reusing(input, path, key, problems)
      if (
        output.addReusable({ path, chunks }, owner, reuse, ownerFile) &&
        problems.length === before
      )
        pages.push(refOf(page))
    }
  }

  // Made from the report and what the page shows around it: the templates and navigation, and
  // which briefs it may link to.
  const pageKey = reportKey && frame && hashOf(reportKey, frame, [...briefs].join('\n'))
  const factcheck = renderFactcheckPage(
    { settings, site, templates, report, sorted, briefs },
    problems
  )
  if ('problem' in factcheck) problems.push(factcheck.problem)
  else {
    const file = { path: outputFileOf(factcheck.sitePath), chunks: factcheck.chunks }
    const owner = `the fact-check page ${factcheckPath}`
    const added = pageKey
      ? output.addReusable(file, owner, reusing(input, file.path, pageKey, problems))
      : output.add(file, owner)
    if (added) pages.push(refOf(factcheck))
  }

  const notFound = renderNotFound(settings, site, templates)
  if ('problem' in notFound) problems.push(notFound.problem)
  else output.add({ path: '404.html', content: notFound.html }, 'the 404 page')

  const json = { path: 'factcheck.json', chunks: () => formatJsonChunks(report) }
  if (reportKey)
    output.addReusable(
      json,
      'the fact-check report',
      reusing(input, json.path, reportKey, problems)
    )
  else output.add(json, 'the fact-check report')
  output.add({ path: 'latest.txt', content: renderLatestTxt(settings, sorted) }, 'latest.txt')
  for (const feed of renderFeeds(settings, sorted)) output.add(feed, 'the feeds')
  output.add({ path: 'sitemap.xml', content: renderSitemap(settings, pages) }, 'the sitemap')
  output.add({ path: 'robots.txt', content: renderRobots(settings) }, 'robots.txt')
  return { files: output.files(), count: output.size, problems: distinct(problems) }
}

/**
 * How the file at `path`, rendered from inputs hashing to `key`, is taken from the output when the
 * memo knows it, and recorded once rendered; a rendering that added a problem (a partial failing
 * half-way) is never recorded.
 */
function reusing(input: SiteInput, path: string, key: string, problems: readonly Problem[]): Reuse {
  const reuse = input.reuse
  const before = problems.length
  return {
    keep() {
      const digest = reuse?.memo.known(path, key)
      return digest !== undefined && reuse !== undefined && reuse.keep(path, digest)
    },
    record(digest) {
      if (problems.length === before) reuse?.memo.record(path, key, digest)
    }
  }
}

/** Copies the data files under `data/`, refusing paths that would land anywhere else. */
function copyDataFiles(
  dataFiles: SiteInput['dataFiles'],
  output: OutputSet,
  problems: Problem[]
): Set<string> {
  const copied = new Set<string>()
  const ordered = [...dataFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of ordered) {
    if (!file.path.startsWith('data/') || !isSafeFilePath(file.path)) {
      problems.push(
        unsafe(
          file.path,
          `data file path ${JSON.stringify(file.path)} is not inside data/; it is not published`
        )
      )
      continue
    }
    output.add({ path: file.path, content: file.content }, `the data file ${file.path}`, file.path)
    copied.add(file.path)
  }
  return copied
}

/**
 * Whether an article can be written without leaving the output folder (SPEC 9). Loading already
 * rejects such slugs and sections; this guard keeps the renderer safe on its own.
 */
function isPublishable(article: CheckedArticle, problems: Problem[]): boolean {
  if (!isSafeSitePath(article.url)) {
    problems.push(
      unsafe(
        article.file,
        `permalink ${JSON.stringify(article.url)} would leave the site; fix the slug`
      )
    )
    return false
  }
  const section = article.frontmatter.section
  if (section.includes('/') || !isSafeSitePath(`/${section}/`)) {
    problems.push(
      unsafe(
        article.file,
        `section ${JSON.stringify(section)} would leave the site; use letters, digits and -`
      )
    )
    return false
  }
  return true
}

/** A `path-unsafe` problem on `file`. */
function unsafe(file: string, message: string): Problem {
  return { severity: 'error', line: 1, column: 1, rule: 'path-unsafe', message, file }
}

/**
 * Problems without repeats: a template that fails at render time fails the same way on every
 * page, and one report of it is enough.
 */
function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = JSON.stringify([
      problem.file,
      problem.line,
      problem.column,
      problem.rule,
      problem.message
    ])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
