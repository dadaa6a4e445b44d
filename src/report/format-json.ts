/**
 * `--format json` and `dist/factcheck.json` (SPEC 7): the report, and nothing else, so CI can
 * parse stdout as it is.
 */
import type { Report } from '../types.js'
import { shapeArticle, shapeReport } from './report-shape.js'
import type { ShapeOptions } from './report-shape.js'

/** The report as JSON: 2-space indent, the SPEC's keys in its order, a final newline. */
export function formatJson(report: Report, options: ShapeOptions = {}): string {
  return [...formatJsonChunks(report, options)].join('')
}

/**
 * `formatJson`'s text piece by piece, an article at a time: the report of a site of 40,000
 * articles is a few hundred megabytes of JSON, which need never be one string in memory.
 */
export function* formatJsonChunks(report: Report, options: ShapeOptions = {}): Generator<string> {
  // The text `JSON.stringify(shapeReport(report), null, 2)` gives, built around each article.
  const opening = JSON.stringify(shapeReport({ ...report, articles: [] }), null, 2)
  if (report.articles.length === 0) {
    yield `${opening}\n`
    return
  }
  yield `${opening.slice(0, -emptyEnd.length)}[\n`
  let separator = ''
  for (const entry of report.articles) {
    // JSON strings hold no raw line breaks, so indenting every line indents exactly the values.
    yield separator + JSON.stringify(shapeArticle(entry, options), null, 2).replace(/^/gm, '    ')
    separator = ',\n'
  }
  yield '\n  ]\n}\n'
}

/** How `JSON.stringify` of the report ends when it has no articles. */
const emptyEnd = '[]\n}'
