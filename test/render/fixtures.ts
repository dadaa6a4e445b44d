/**
 * Builders for the renderer's inputs: settings, checked article files, reports and whole site
 * inputs made in the test, so each test states only what it is about. Bodies go through the real
 * body renderer; briefs are rendered as the build's stage 2 renders them.
 */
import type { Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { DateTime } from 'luxon'
import { articleFile, problemsOf } from '../../src/article/article-file.js'
import type { CheckedData, CheckedFile, LoadedData } from '../../src/article/article-file.js'
import { summaryOfCheck } from '../../src/article/article-records.js'
import type { ArticleSummary } from '../../src/article/article-records.js'
import { checkedDataOf } from '../../src/article/process-article.js'
import type { RenderedBrief } from '../../src/outputs/output.js'
import type { SiteInput } from '../../src/outputs/render-site.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import { renderBodyHtml } from '../../src/render/body-html.js'
import { headlineHtml } from '../../src/render/headline-html.js'
import { renderBrief } from '../../src/render/brief.js'
import { newestFirst } from '../../src/render/order.js'
import { siteViewOf } from '../../src/render/page-context.js'
import { encodePage } from '../../src/render/render-page.js'
import type { Templates } from '../../src/render/templates.js'
import type {
  AssertResult,
  FigureMark,
  FigureResult,
  Frontmatter,
  PanelEntry,
  Report,
  Settings
} from '../../src/types.js'

/** Site settings as `data/site.yaml` would give them, with `overrides` applied. */
export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    title: 'The Ledger',
    url: 'https://news.example.org/',
    base: '/',
    language: 'en',
    timezone: 'Asia/Shanghai',
    description: 'Markets and world news, every figure checked.',
    permalink: '/{yyyy}/{mm}/{dd}/{slug}/',
    excerpt_length: 60,
    page_size: 20,
    factcheck: {
      mode: 'standard',
      strict_sections: ['markets'],
      tolerance: { about: 0.05, nearly: 0.1, slightly: 0.05, understated: 1.5 }
    },
    sections: {},
    search: false,
    not_figures: ['S&P 500', 'G7'],
    embeds: [],
    labels: {},
    ...overrides
  }
}

/** What a test may say about an article; everything else gets a plain default. */
export interface ArticleSpec {
  slug: string
  title?: string
  /** ISO date-time with offset. */
  date: string
  updated?: string
  section?: string
  tags?: string[]
  byline?: string
  dateline?: string
  body?: string
  lead?: string
  sources?: Frontmatter['sources']
  corrections?: { date: string; text: string }[]
  /** Figures to mark: each phrase is found in the body and marked with its status. */
  marks?: { text: string; status: FigureMark['status']; title?: string }[]
  figures?: FigureResult[]
  asserts?: AssertResult[]
  panel?: PanelEntry[]
}

/**
 * A checked article's file holding its Markdown, its body rendered through `renderBodyHtml` with
 * the requested marks.
 */
export function makeArticle(spec: ArticleSpec): CheckedFile {
  const date = DateTime.fromISO(spec.date, { setZone: true })
  const body = spec.body ?? `${spec.title ?? spec.slug} happened today.`
  const marks = (spec.marks ?? []).map((mark): FigureMark => {
    const start = body.indexOf(mark.text)
    if (start < 0) throw new TypeError(`mark \`${mark.text}\` is not in the body`)
    return {
      sourceStart: start,
      sourceEnd: start + mark.text.length,
      in: 'body',
      start,
      end: start + mark.text.length,
      status: mark.status,
      title: mark.title ?? mark.status
    }
  })
  const tree = parseMarkdown(body)
  const frontmatter: Frontmatter = {
    title: spec.title ?? `Story ${spec.slug}`,
    date,
    slug: spec.slug,
    section: spec.section ?? 'news',
    tags: spec.tags ?? [],
    draft: false,
    sources: spec.sources ?? [],
    corrections: (spec.corrections ?? []).map((correction) => ({
      date: DateTime.fromISO(correction.date, { setZone: true }),
      text: correction.text
    })),
    data: {},
    checks: [],
    asserts: []
  }
  if (spec.updated !== undefined)
    frontmatter.updated = DateTime.fromISO(spec.updated, { setZone: true })
  if (spec.byline !== undefined) frontmatter.byline = spec.byline
  if (spec.dateline !== undefined) frontmatter.dateline = spec.dateline
  const data: LoadedData & CheckedData = {
    frontmatter,
    url: `/${date.toFormat('yyyy/MM/dd')}/${spec.slug}/`,
    // Placed as if the headline stood at the start of the file: these articles are never re-read.
    places: { title: [0, 0] },
    headlineHtml: headlineHtml(frontmatter.title, []),
    mode: 'standard',
    lead: spec.lead ?? body.split('\n\n')[0]?.replace(/\s+/g, ' ').trim() ?? '',
    bodyHtml: renderBodyHtml(tree, marks, body),
    figures: spec.figures ?? [],
    asserts: spec.asserts ?? [],
    panel: spec.panel ?? []
  }
  const file = articleFile(`content/${date.toFormat('yyyy/MM/dd')}/${spec.slug}.md`, body)
  return Object.assign(file, { data })
}

/** `count` articles one hour apart, the first the oldest, in section `markets`. */
export function makeArticles(count: number, start = '2025-11-01T08:00:00+08:00'): CheckedFile[] {
  const first = DateTime.fromISO(start, { setZone: true })
  return Array.from({ length: count }, (_, index) =>
    makeArticle({
      slug: `story-${String(index + 1).padStart(3, '0')}`,
      date: first.plus({ hours: index }).toISO() ?? start,
      section: 'markets',
      body: `Lead paragraph of story ${index + 1}, long enough to be cut in a listing line of sixty characters.`
    })
  )
}

/** The JSON report of `articles`, as the report stage would build it. */
export function makeReport(articles: readonly CheckedFile[]): Report {
  const figures = articles.flatMap((article) => article.data.figures)
  const count = (status: FigureResult['status']): number =>
    figures.filter((figure) => figure.status === status).length
  return {
    version: 1,
    summary: {
      articles: articles.length,
      figures: figures.length,
      verified: count('verified'),
      contradicted: count('contradicted'),
      unchecked: count('unchecked'),
      errors: count('error'),
      warnings: 0,
      exit: 0
    },
    articles: articles.map((article) => ({
      file: article.path,
      slug: article.data.frontmatter.slug,
      url: article.data.url,
      mode: article.data.mode,
      figures: article.data.figures,
      asserts: article.data.asserts,
      problems: problemsOf(article)
    }))
  }
}

/** What a test gives to make a site's input of checked article files. */
export interface SiteSpec {
  settings: Settings
  articles: readonly CheckedFile[]
  templates: Templates
  /** Data files to publish; none unless given. */
  dataFiles?: SiteInput['dataFiles']
  /** The report to publish; `makeReport(articles)` unless given. */
  report?: Report
}

/**
 * The input `renderSite` takes for `articles`, made as the build makes it: each article's summary
 * with its body kept, and each brief rendered beforehand, as stage 2 renders it, with the site
 * view of every article newest first and the published data files' paths.
 */
export function siteInputOf(spec: SiteSpec): SiteInput {
  const { settings, articles, templates } = spec
  const dataFiles = spec.dataFiles ?? []
  const summaries = articles.map((article) => summaryOf(article, true))
  const brief = {
    settings,
    site: siteViewOf(settings, newestFirst(summaries), templates),
    templates,
    dataPaths: new Set(dataFiles.map((file) => file.path))
  }
  const briefs = new Map<string, RenderedBrief>(
    articles.map((article) => [article.path, encodePage(renderBrief(brief, article))])
  )
  return {
    settings,
    articles: summaries,
    report: spec.report ?? makeReport(articles),
    dataFiles,
    templates,
    briefs
  }
}

/** A verified figure result for the report and the body. */
export function makeFigure(
  text: string,
  status: FigureResult['status'] = 'verified'
): FigureResult {
  return {
    text,
    in: 'body',
    line: 1,
    column: 1,
    value: 7,
    unit: '%',
    approx: 'over',
    direction: 'down',
    status,
    actual: status === 'unchecked' ? null : -7.41,
    expr: status === 'unchecked' ? null : 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
    message: status === 'unchecked' ? 'no check covers this figure' : 'stated over 7%, data -7.41%'
  }
}

/** The project's default templates, loaded for a site folder that has none of its own. */
export { projectTemplates } from '../helpers/article-pipeline.js'

/** Parses an HTML document as a browser would. */
export function parseHtml(html: string): HastRoot {
  return fromHtml(html)
}

/** The summary the build makes of a checked file (its problems are all on the file here). */
export function summaryOf(file: CheckedFile, withBody: boolean): ArticleSummary {
  return summaryOfCheck(file, { data: checkedDataOf(file), problems: [] }, withBody)
}
