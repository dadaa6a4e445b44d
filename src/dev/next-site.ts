/**
 * From one dev build to the next (issue 18, item 3): which pages to serve and which overlay each
 * gets. A story whose file stops building (its YAML broken mid-edit) has no page in the new
 * build; rather than a 404 the moment the editor saves, its last good page stays on screen, with
 * the overlay saying what broke. The rest of the site is the new build's. A story that is
 * deleted, not broken, leaves no report entry and so no kept page.
 */
import { reportedSuggestions } from './dev-suggestions.js'
import { problemsOf, renderOverlay } from './overlay.js'
import { renderSuggestions } from './suggest-overlay.js'
import type { BuildResult } from '../build.js'
import type { LaterFile, Report, ReportArticle } from '../types.js'
import type { ArticleSuggestions } from './dev-suggestions.js'
import type { LocatedProblem } from './overlay.js'
import type { ServedContent, ServedSite } from './serve-site.js'

/** A served build with what the next one needs to keep pages from it. */
export interface DevSite extends ServedSite {
  /** The page of each article, by the article's site-relative file. */
  pages: ReadonlyMap<string, string>
  /**
   * Each article of the build's report with suggested checks on its unchecked figures: the
   * articles and suggestions an "Add this check" request may name (add-check-endpoint.ts).
   */
  suggested: ArticleSuggestions
  /**
   * The build result this site serves, with the map its files are served from (this site's own,
   * which the next site may take over): a build patched from it (`stages/patch-build.ts`) has the
   * same files, most of them the very same objects, and only those that differ are set.
   */
  built?: {
    files: BuildResult['files']
    report: Report
    base: string
    served: Map<string, ServedContent>
  }
  /**
   * What the overlays of this site's pages are made of, kept at the server's stop with its files
   * (`stored-site.ts`); undefined for a site that is not a build's (a crash, the empty site).
   */
  overlays?: SiteOverlays | undefined
}

/** The build's exit status and problems, and the pages kept from earlier builds. */
export interface SiteOverlays {
  exit: number
  problems: readonly LocatedProblem[]
  kept: ReadonlySet<string>
}

/** The site before the first build: nothing to serve yet. */
export const emptySite: DevSite = {
  files: new Map(),
  base: '/',
  buildId: 0,
  overlayFor: () => '',
  pages: new Map(),
  suggested: () => Promise.resolve(undefined)
}

/**
 * The site to serve after `result`: its files, with the last good page of each broken story.
 * `suggested` gives an article's suggested checks; by default, those the report already holds.
 */
export function nextSite(
  previous: DevSite,
  result: BuildResult,
  suggested: ArticleSuggestions = reportedSuggestions(result.report)
): DevSite {
  const buildId = previous.buildId + 1
  const problems = problemsOf(result.report)
  if (result.files.length === 0) {
    // A build that made nothing (broken settings, say): every page is the last good one, and
    // those of stories in error say so.
    const broken = new Set(
      result.report.articles
        .filter(isBroken)
        .flatMap((entry) => previous.pages.get(entry.file) ?? [])
    )
    return {
      ...previous,
      buildId,
      suggested,
      overlayFor: overlaysOf(result.exit, problems, previous.pages, broken, suggested),
      overlays: { exit: result.exit, problems, kept: broken }
    }
  }
  const base = result.settings.base
  const over = laidOver(previous, result)
  if (over !== undefined)
    return {
      ...previous,
      files: over,
      buildId,
      suggested,
      overlayFor: overlaysOf(result.exit, problems, previous.pages, noPages, suggested),
      built: { files: result.files, report: result.report, base, served: over },
      overlays: { exit: result.exit, problems, kept: noPages }
    }
  // A file the build left to be made when first read stays so (`LaterFile`).
  const files = new Map<string, ServedContent>(
    result.files.map((file) => [file.path, servedOf(file)])
  )
  const pages = new Map<string, string>()
  const kept = new Set<string>()
  for (const entry of result.report.articles) {
    const page = pageOf(entry.url, base)
    if (page !== undefined && files.has(page)) {
      pages.set(entry.file, page)
      continue
    }
    const last = previous.pages.get(entry.file)
    const content = last === undefined ? undefined : previous.files.get(last)
    // Only a story that is in error keeps its page; one that is now a draft or embargoed is gone.
    if (!isBroken(entry) || last === undefined || content === undefined || files.has(last)) continue
    files.set(last, content)
    pages.set(entry.file, last)
    kept.add(last)
  }
  return {
    files,
    base,
    buildId,
    pages,
    suggested,
    overlayFor: overlaysOf(result.exit, problems, pages, kept, suggested),
    overlays: { exit: result.exit, problems, kept },
    ...(kept.size === 0
      ? { built: { files: result.files, report: result.report, base, served: files } }
      : {})
  }
}

/**
 * The files of `result` as the map `previous` serves them, with only the files that differ set:
 * when `result` has the same files at the same places and the same report (a patched build), at
 * 40,000 articles a map of 120,000 files is not made again after every save. Undefined otherwise.
 * The map is taken over, not copied: the server swaps sites at once after this, and no request
 * is answered in between.
 */
function laidOver(previous: DevSite, result: BuildResult): Map<string, ServedContent> | undefined {
  const built = previous.built
  if (
    built === undefined ||
    built.report !== result.report ||
    built.base !== result.settings.base ||
    built.files.length !== result.files.length
  )
    return undefined
  const differing: number[] = []
  for (let at = 0; at < result.files.length; at++) {
    const file = result.files[at]
    const was = built.files[at]
    if (file === was) continue
    if (file === undefined || file.path !== was?.path) return undefined
    differing.push(at)
  }
  for (const at of differing) {
    const file = result.files[at]
    if (file !== undefined) built.served.set(file.path, servedOf(file))
  }
  return built.served
}

/** How `file` is served: its content, or how to make it when it is first asked for. */
function servedOf(file: BuildResult['files'][number]): ServedContent {
  return 'later' in file ? later(file) : file.content
}

/**
 * How to make `file` when it is asked for. Made here, out of `nextSite`'s scope: a closure made
 * there would hold that scope, the previous site with it, and so every site served since start.
 */
function later(file: LaterFile): () => string {
  return () => file.content
}

/** What the overlay says of a build that stopped on `error`, an error of factdesk's own. */
export function crashProblem(root: string, error: unknown): LocatedProblem {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    file: root,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'build-crash',
    message: `the build stopped on an unexpected error: ${reason}`
  }
}

/** The site after a build that crashed: the last good pages, each saying why. */
export function crashedSite(previous: DevSite, crash: LocatedProblem): DevSite {
  const overlay = renderOverlay(2, [crash])
  // No `overlays`: a crashed build's site is not kept for the next start.
  return {
    ...previous,
    buildId: previous.buildId + 1,
    overlayFor: () => overlay,
    overlays: undefined
  }
}

/**
 * The overlay of each page, made when first asked for and kept for the build's life: a large
 * site's warnings make a long list, and most builds are seen on a page or two. An article's page
 * also lists its suggested checks, when the build passed too.
 */
export function overlaysOf(
  exit: number,
  problems: readonly LocatedProblem[],
  pages: ReadonlyMap<string, string>,
  kept: ReadonlySet<string>,
  suggested: ArticleSuggestions
): (path: string) => Promise<string> {
  // Made when a page first asks for its overlay: most builds are seen on a page or two.
  let articles: Map<string, string> | undefined
  const made = new Map<string, Promise<string>>()
  return (path) => {
    articles ??= new Map([...pages].map(([article, page]) => [page, article]))
    const article = articles.get(path)
    const key = article ?? ''
    let overlay = made.get(key)
    if (overlay === undefined) {
      const page = article === undefined ? undefined : { article, kept: kept.has(path) }
      // A kept page is an older version of the story: the report's figures are not the ones on it.
      const own = page === undefined || page.kept ? undefined : suggested(page.article)
      overlay = Promise.resolve(own).then((entry) =>
        renderOverlay(exit, problems, page, renderSuggestions(entry))
      )
      made.set(key, overlay)
    }
    return overlay
  }
}

const noPages: ReadonlySet<string> = new Set()

function isBroken(entry: ReportArticle): boolean {
  return entry.problems.some((problem) => problem.severity === 'error')
}

/** The output path of the page at `url` (base included), or undefined when it is not a page. */
function pageOf(url: string, base: string): string | undefined {
  if (url === '' || !url.startsWith(base)) return undefined
  const path = url.slice(base.length)
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}
