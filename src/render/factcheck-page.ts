/**
 * The public fact-check report page (SPEC 8): the build's summary counts, then per article every
 * figure and assert with its status, each article linked to its brief.
 */
import type { CheckedArticle, Problem, Report, ReportArticle, Settings } from '../types.js'
import { formatValue } from './numbers.js'
import { lastChanged, latest } from './order.js'
import { type SiteView, pageTitle, plainHead } from './page-context.js'
import { type RenderedPage, renderPage } from './render-page.js'
import { assertLabel, figureSummary, statusLabels } from './status-labels.js'
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
  sorted: readonly CheckedArticle[]
  /** Site paths of the briefs that were rendered, so that every link resolves. */
  briefs: ReadonlySet<string>
}

/** Renders `factcheck/index.html`. */
export function renderFactcheckPage(input: FactcheckInput): RenderedPage | { problem: Problem } {
  const { settings, report } = input
  const titles = new Map(input.sorted.map((article) => [article.file, article.frontmatter.title]))
  const rank = new Map(input.sorted.map((article, index) => [article.file, index]))
  const ordered = [...report.articles].sort(
    (a, b) =>
      (rank.get(a.file) ?? Infinity) - (rank.get(b.file) ?? Infinity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  )
  const { summary } = report
  const rendered = renderPage(input.templates, 'factcheck', {
    site: input.site,
    page: plainHead(
      settings,
      factcheckPath,
      pageTitle(settings, 'Fact check'),
      `Every figure published by ${settings.title}, checked against the data.`
    ),
    report: {
      counts: [
        { label: 'Articles', count: summary.articles },
        { label: 'Figures', count: summary.figures },
        { label: 'Verified', count: summary.verified },
        { label: 'Contradicted', count: summary.contradicted },
        { label: 'Unchecked', count: summary.unchecked },
        { label: 'Errors', count: summary.errors },
        { label: 'Warnings', count: summary.warnings }
      ],
      articles: ordered.map((article) => articleView(input, article, titles.get(article.file)))
    }
  })
  if ('problem' in rendered) return rendered
  const lastmod = latest(input.sorted.map(lastChanged))
  return lastmod === undefined
    ? { sitePath: factcheckPath, html: rendered.html }
    : { sitePath: factcheckPath, html: rendered.html, lastmod }
}

/** One article of the report page. */
function articleView(input: FactcheckInput, article: ReportArticle, title: string | undefined) {
  const { settings } = input
  return {
    title: title ?? article.slug,
    href: input.briefs.has(article.url) ? siteHref(settings, article.url) : undefined,
    file: article.file,
    mode: article.mode,
    summary: figureSummary(article.figures),
    figures: article.figures.map((figure) => ({
      text: figure.text,
      line: figure.line,
      column: figure.column,
      status: figure.status,
      statusLabel: statusLabels[figure.status],
      actual: formatValue(figure.actual, settings.language),
      message: figure.message
    })),
    asserts: article.asserts.map((assert) => ({
      says: assert.says,
      status: assert.status,
      statusLabel: assertLabel(assert.status),
      message: assert.message
    }))
  }
}
