/**
 * The public fact-check report page (SPEC 8): the build's counts, then per article every figure
 * and assert with its verdict and what our data says, in readers' words (issue 19), each article
 * linked to its brief. Modes, positions, expressions and problem counts are the newsroom's: they
 * stay in `factcheck.json` and the CLI's report.
 */
import type { ArticleSummary } from '../article/article-records.js'
import { fillLabel, pluralLabel } from '../i18n/labels.js'
import type { Problem, Report, ReportArticle, Settings, SiteProblem } from '../types.js'
import { factLineView } from './fact-panel-view.js'
import { formatValue } from './numbers.js'
import { lastChanged, latest } from './order.js'
import { type SiteView, pageTitle, plainHead } from './page-context.js'
import { type PageRef, renderPagePieces } from './render-page.js'
import { PieceCache } from './piece-cache.js'
import { verdictLabel } from './status-labels.js'
import type { Templates } from './templates.js'
import { siteHref } from './urls.js'

/** Site path of the report page. */
export const factcheckPath = '/factcheck/'

/** Everything the report page needs. */
export interface FactcheckInput {
  settings: Settings
  site: SiteView
  templates: Templates
  report: Report
  /** The published articles, newest first; the report's articles are shown in this order. */
  sorted: readonly ArticleSummary[]
  /** Site paths of the briefs that were rendered, so that every link resolves. */
  briefs: ReadonlySet<string>
}

/** The report page, made a piece at a time: for a large site it is the biggest file of all. */
export interface FactcheckPage extends PageRef {
  chunks: () => Iterable<string>
}

/** Renders `factcheck/index.html`; a template that fails on one article adds to `problems`. */
export function renderFactcheckPage(
  input: FactcheckInput,
  problems: Problem[]
): FactcheckPage | { problem: SiteProblem } {
  const { settings, report } = input
  const summaries = new Map(input.sorted.map((article) => [article.file, article]))
  const rank = new Map(input.sorted.map((article, index) => [article.file, index]))
  const ordered = [...report.articles].sort(
    (a, b) =>
      (rank.get(a.file) ?? Infinity) - (rank.get(b.file) ?? Infinity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  )
  const { summary } = report
  const { labels } = input.site
  const count = (value: number) => formatValue(value, settings.language)
  const context = (articles: readonly object[]) => ({
    site: input.site,
    page: plainHead(
      settings,
      factcheckPath,
      pageTitle(settings, labels.report_title),
      fillLabel(labels.report_description, { site: settings.title })
    ),
    report: {
      counts: [
        { label: labels.report_articles, count: count(summary.articles) },
        { label: labels.report_figures, count: count(summary.figures) },
        { label: verdictLabel(labels, 'verified'), count: count(summary.verified) },
        { label: verdictLabel(labels, 'contradicted'), count: count(summary.contradicted) },
        { label: verdictLabel(labels, 'unchecked'), count: count(summary.unchecked) }
      ],
      articles
    }
  })
  const rendered = renderPagePieces(
    input.templates,
    'factcheck',
    context,
    {
      partial: 'report-article',
      items: ordered,
      view: (article) => articleView(input, article, summaries.get(article.file)),
      // An entry is the same object while its article's results are (`build-report.ts`).
      kept: {
        cache: reportPieces,
        generation: JSON.stringify([settings, labels]),
        of: (article) => ({
          key: article,
          also: [summaries.get(article.file), input.briefs.has(article.url)]
        })
      }
    },
    problems
  )
  if ('problem' in rendered) return rendered
  return { ...factcheckRef(input.sorted), ...rendered }
}

/** The report page as the sitemap lists it: changed when the latest article did. */
export function factcheckRef(sorted: readonly ArticleSummary[]): PageRef {
  const lastmod = latest(sorted.map(lastChanged))
  return lastmod === undefined ? { sitePath: factcheckPath } : { sitePath: factcheckPath, lastmod }
}

/** The report page's pieces, one per article, kept for the next rendering in this process. */
const reportPieces = new PieceCache()

/** One article of the report page. */
function articleView(
  input: FactcheckInput,
  article: ReportArticle,
  summary: ArticleSummary | undefined
) {
  const { settings } = input
  const { labels } = input.site
  const parts = { title: labels.report_in_headline, summary: labels.report_in_summary } as const
  const line = factLineView(labels, settings.language, article)
  const unchecked = article.figures.filter((figure) => figure.status === 'unchecked').length
  return {
    title: summary?.frontmatter.title ?? article.slug,
    href: input.briefs.has(article.url) ? siteHref(settings, article.url) : undefined,
    summary: line?.text ?? labels.fact_line_none,
    unchecked:
      unchecked === 0
        ? undefined
        : pluralLabel(labels, settings.language, 'panel_unchecked', unchecked, (value) =>
            formatValue(value, settings.language)
          ),
    figures: article.figures.map((figure, index) => {
      const said = summary?.said[index] ?? ''
      return {
        text: figure.text,
        // Readers know the headline and the summary by name; a body figure is found by reading.
        where: figure.in === 'body' ? undefined : parts[figure.in],
        status: figure.status,
        verdict: verdictLabel(labels, figure.status),
        said: said === '' ? undefined : `${said}.`
      }
    }),
    asserts: article.asserts.map((assert) => ({
      says: assert.says,
      status: assert.status,
      verdict: verdictLabel(labels, assert.status)
    }))
  }
}
