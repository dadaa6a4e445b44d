/**
 * What a brief shows of its fact check, for readers (issue 19): one line at the top counting the
 * figures checked, with a legend of the marks; then the panel, a folded list with one compact
 * entry per check (the figure as written, the verdict in plain words, one sentence of what was
 * computed, a chart, the source linked) and the figures no check covers, named and explained.
 * The expression, the raw result and the stated/actual message are kept behind "How this was
 * computed": they are for the curious and for the newsroom, and stay in `factcheck.json`.
 */
import { type Labels, pluralLabel } from '../i18n/labels.js'
import type { CheckedFile } from '../article/article-file.js'
import type { FigureStatus, PanelEntry, Settings } from '../types.js'
import { type DataLinkView, dataLinkViews } from './data-links.js'
import { formatValue } from './numbers.js'
import { verdictLabel } from './status-labels.js'

/** The statuses in the order the legend and the counts name them. */
const legendOrder: readonly FigureStatus[] = ['verified', 'contradicted', 'unchecked', 'error']

/** The line at the top of a brief. */
export interface FactLineView {
  text: string
  legendLabel: string
  legend: { status: FigureStatus; label: string }[]
}

/** One check as the panel lists it. */
export interface CheckEntryView {
  figure: string
  status: FigureStatus
  verdict: string
  explanation: string
  chart?: string
  data: DataLinkView[]
  result: string
  expr: string
  note?: string
  message: string
}

/** The panel of a brief. */
export interface FactPanelView {
  summary: string
  /** The `<summary>` of the folded list of checks. */
  show: string
  /** Open when a check contradicts the story: the reader should not have to look for it. */
  open: boolean
  checks: CheckEntryView[]
  /** Each data file the checks read, once, with its source and licence. */
  credits: DataLinkView[]
  unchecked: { title: string; why: string; figures: string[] }
  asserts: { says: string; status: FigureStatus; verdict: string; message: string }[]
}

type Article = CheckedFile['data']

/** How many of the article's figures a check covers. */
function checkedCount(article: Pick<Article, 'figures'>): number {
  return article.figures.filter((figure) => figure.status !== 'unchecked').length
}

/** The line at the top of a brief, or undefined for a story without figures. */
export function factLineView(
  labels: Labels,
  language: string,
  article: Pick<Article, 'figures'>
): FactLineView | undefined {
  if (article.figures.length === 0) return undefined
  const checked = checkedCount(article)
  const present = new Set(article.figures.map((figure) => figure.status))
  return {
    text:
      checked === 0
        ? labels.fact_line_none
        : pluralLabel(labels, language, 'fact_line', checked, (count) =>
            formatValue(count, language)
          ),
    legendLabel: labels.legend_label,
    legend: legendOrder
      .filter((status) => present.has(status))
      .map((status) => ({ status, label: verdictLabel(labels, status) }))
  }
}

/** The panel of a brief: its checks, its unchecked figures and its statements. */
export function factPanelView(
  settings: Pick<Settings, 'base' | 'language'>,
  labels: Labels,
  article: Pick<Article, 'figures' | 'panel' | 'asserts'>,
  dataPaths: ReadonlySet<string>
): FactPanelView {
  const { language } = settings
  const count = (value: number) => formatValue(value, language)
  const unchecked = article.figures.filter((figure) => figure.status === 'unchecked')
  const checked = checkedCount(article)
  const checks = article.panel.map((entry) => checkEntryView(settings, labels, entry, dataPaths))
  return {
    summary:
      checked === 0
        ? labels.fact_line_none
        : pluralLabel(labels, language, 'fact_line', checked, count),
    show: pluralLabel(labels, language, 'panel_show', article.panel.length, count),
    open: article.panel.some((entry) => entry.status === 'contradicted'),
    checks,
    credits: [
      ...new Map(
        checks.flatMap((check) => check.data).map((link) => [link.file ?? link.name, link])
      ).values()
    ],
    unchecked: {
      title: pluralLabel(labels, language, 'panel_unchecked', unchecked.length, count),
      why: labels.panel_unchecked_why,
      figures: unchecked.map((figure) => figure.text)
    },
    asserts: article.asserts.map((assert) => ({
      says: assert.says,
      status: assert.status,
      verdict: verdictLabel(labels, assert.status),
      message: assert.message
    }))
  }
}

/** One check of the panel. */
function checkEntryView(
  settings: Pick<Settings, 'base' | 'language'>,
  labels: Labels,
  entry: PanelEntry,
  dataPaths: ReadonlySet<string>
): CheckEntryView {
  const view: CheckEntryView = {
    figure: entry.figure,
    status: entry.status,
    verdict: verdictLabel(labels, entry.status),
    explanation: entry.explanation === '' ? '' : `${entry.explanation}.`,
    data: dataLinkViews(settings, entry.dataFiles, entry.credits, dataPaths),
    result: formatValue(entry.actual, settings.language),
    expr: entry.expr,
    message: entry.message
  }
  if (entry.chart !== undefined) view.chart = entry.chart
  if (entry.note !== undefined) view.note = entry.note
  return view
}
