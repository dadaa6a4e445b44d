/**
 * The public fact-check report page (SPEC 8): the build's summary counts, then per article every
 * figure and assert with its status, each article linked to its brief.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { Problem, Report, ReportArticle, Settings, SiteProblem } from '../types.js'
import { formatValue } from './numbers.js'
import { lastChanged, latest } from './order.js'
import { type SiteView, pageTitle, plainHead } from './page-context.js'
import { type PageRef, renderPagePieces } from './render-page.js'
import { assertLabel, figureSummary, statusLabels } from './status-labels.js'
import type { Templates } from './templates.js'
import { siteHref } from './urls.js'

/** What the report page calls the parts of an article other than its body. */
const partNames = { title: 'headline', summary: 'summary' } as const

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
  const titles = new Map(input.sorted.map((article) => [article.file, article.frontmatter.title]))
  const rank = new Map(input.sorted.map((article, index) => [article.file, index]))
  const ordered = [...report.articles].sort(
    (a, b) =>
      (rank.get(a.file) ?? Infinity) - (rank.get(b.file) ?? Infinity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  )
  const { summary } = report
  const context = (articles: readonly object[]) => ({
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
      view: (article) => articleView(input, article, titles.get(article.file))
    },
    problems
  )
  if ('problem' in rendered) return rendered
  const lastmod = latest(input.sorted.map(lastChanged))
  return lastmod === undefined
    ? { sitePath: factcheckPath, ...rendered }
    : { sitePath: factcheckPath, lastmod, ...rendered }
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
      // Readers know the headline and the summary; only the body needs a line to find a figure.
      where: figure.in === 'body' ? `${figure.line}:${figure.column}` : partNames[figure.in],
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
