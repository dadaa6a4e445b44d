/**
 * The context every output of one build shares (see `output.ts`): the site's input, checked so
 * that no file lands outside the output folder (SPEC 9), ordered newest first, with the helpers
 * that add files, keep unchanged pages and list pages for the sitemap.
 */
import type { ArticleSummary } from '../article/article-records.js'
import { newestFirst } from '../render/order.js'
import { siteViewOf } from '../render/page-context.js'
import { refOf } from '../render/render-page.js'
import type { PageRef } from '../render/render-page.js'
import { type StoryView, StoryViews } from '../render/story-view.js'
import { isSafeFilePath, isSafeSitePath, outputFileOf } from '../render/urls.js'
import type { SiteProblem } from '../types.js'
import { frameKey, pageKey } from '../stages/stage-keys.js'
import type { Output, OutputContext } from './output.js'
import { noPublicFiles } from './public-files.js'
import type { OutputSet, Reuse } from './output-set.js'
import type { SiteInput } from './render-site.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/**
 * The story views of the last site rendered in this process: the next rendering takes up those
 * made from the same inputs (a resident process, the dev server, renders the site again and
 * again; see `StoryViews`).
 */
let lastViews: StoryViews | undefined

/** The shared context of the site rendered from `input` into `output`, made for each output. */
export function siteContext(
  input: SiteInput,
  output: OutputSet,
  problems: SiteProblem[]
): { of(entry: Output): OutputContext } {
  const { settings, templates, reuse } = input
  const dataFiles = publishableDataFiles(input.dataFiles, problems)
  const articles = newestFirst(input.articles.filter((article) => isPublishable(article, problems)))
  const site = siteViewOf(settings, articles, templates)
  const stories = new Map<ArticleSummary, StoryView>()
  const views = (lastViews = new StoryViews(settings, JSON.stringify(settings), lastViews))
  const pages: PageRef[] = []
  const listed = new Map<string, Set<string>>()
  // Every page around the articles is made from its templates, the settings and the navigation:
  // hashed once per kind of page, not in each page's key (the navigation of a large site is long).
  const settingsText = reuse && JSON.stringify(settings)
  const siteText = reuse && JSON.stringify(site)
  const frames = new Map<string, readonly string[]>()
  const frameOf = (page: string | undefined): readonly string[] => {
    const kind = page ?? ''
    let frame = frames.get(kind)
    if (frame === undefined) {
      const used = page === undefined ? templates.fingerprint : templates.pageFingerprint(page)
      frame = [frameKey({ templates: used, settings: settingsText || '', site: siteText || '' })]
      frames.set(kind, frame)
    }
    return frame
  }
  const memo = reuse && {
    pageKey: (view: string, page?: string) => pageKey({ frame: frameOf(page), view }),
    frame: (page: string) => frameOf(page)[0] ?? '',
    ...(reuse.listings ? { listings: reuse.listings } : {}),
    reportKey: reuse.reportKey
  }

  /**
   * How the file at `path`, rendered from inputs hashing to `key`, is taken from the output when
   * the memo knows it, and recorded once rendered; a rendering that added a problem (a partial
   * failing half-way) is never recorded.
   */
  const reusing = (path: string, key: string): Reuse => {
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

  const shared: Omit<OutputContext, 'addPage' | 'list'> = {
    settings,
    templates,
    report: input.report,
    articles,
    site,
    story(article) {
      let view = stories.get(article)
      if (view === undefined) stories.set(article, (view = views.of(article, input.images)))
      return view
    },
    dataFiles,
    dataPaths: new Set(dataFiles.map((file) => file.path)),
    renderedBriefs: input.briefs,
    publicFiles: input.publicFiles ?? noPublicFiles,
    images: input.images ?? new Map(),
    imageFiles: input.imageFiles ?? [],
    taken: () => output.taken(),
    problems,
    ...(memo ? { memo } : {}),
    add: output.add.bind(output),
    addReusable(file, owner, key, ownerFile) {
      return memo
        ? output.addReusable(file, owner, reusing(file.path, key), ownerFile)
        : output.add(file, owner, ownerFile)
    },
    pages,
    listedBy: (name) => listed.get(name) ?? new Set()
  }

  return {
    of(entry) {
      const list = (page: PageRef): void => {
        pages.push(refOf(page))
        const paths = listed.get(entry.name) ?? new Set()
        listed.set(entry.name, paths.add(page.sitePath))
      }
      return {
        ...shared,
        list,
        addPage(page, owner, ownerFile) {
          const path = outputFileOf(page.sitePath)
          const added =
            'written' in page
              ? output.claim(path, owner, ownerFile)
              : output.add(
                  { path, content: 'bytes' in page ? page.bytes : page.html },
                  owner,
                  ownerFile
                )
          if (added) list(page)
          return added
        }
      }
    }
  }
}

/**
 * The data files to copy, ordered by path; a path that would land outside `data/` is a
 * `path-unsafe` problem and is not published.
 */
function publishableDataFiles(
  dataFiles: SiteInput['dataFiles'],
  problems: SiteProblem[]
): SiteInput['dataFiles'] {
  const ordered = [...dataFiles].sort((a, b) => byCodeUnits(a.path, b.path))
  return ordered.filter((file) => {
    if (file.path.startsWith('data/') && isSafeFilePath(file.path)) return true
    problems.push(
      unsafe(
        file.path,
        `data file path ${JSON.stringify(file.path)} is not inside data/; it is not published`
      )
    )
    return false
  })
}

/**
 * Whether an article can be written without leaving the output folder (SPEC 9). Loading already
 * rejects such slugs and sections; this guard keeps the renderer safe on its own.
 */
function isPublishable(article: ArticleSummary, problems: SiteProblem[]): boolean {
  // A resident process renders the same (immutable) summaries build after build.
  if (publishable.has(article)) return true
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
  publishable.add(article)
  return true
}

/** Summaries found publishable: their URL and section stay as they were checked. */
const publishable = new WeakSet<ArticleSummary>()

/** A `path-unsafe` problem on `file`. */
function unsafe(file: string, message: string): SiteProblem {
  return { severity: 'error', line: 1, column: 1, rule: 'path-unsafe', message, file }
}
