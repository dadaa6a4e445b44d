/**
 * The benchmark's results as a table and ratios for the terminal, and as JSON for `--json`.
 * Every time is the median of its runs; a builder whose build failed or whose page count was wrong
 * shows FAILED instead of a time, so it can never read as fast.
 */
import { median } from './measure.mjs'

/** The measured scenarios, in table order. */
export const scenarios = [
  ['cold', 'cold'],
  ['warm', 'warm'],
  ['article', '1 article'],
  ['data', '1 data file'],
  ['template', '1 template']
]

/**
 * @typedef {object} BuilderResult
 * @property {string} label
 * @property {{ html: number, total: number }} expected
 * @property {Record<string, import('./measure.mjs').RunResult[]>} runs by scenario
 * @property {{ html: number, total: number } | null} written files of the last build
 * @property {string | null} failure why the builder is FAILED; null when it is not
 * @property {string | null} skipped why the builder was not run at all
 */

/**
 * The median seconds of one scenario; null when it was not measured or any run failed.
 * @param {BuilderResult} result
 * @param {string} scenario
 */
export function medianSeconds(result, scenario) {
  const runs = result.runs[scenario] ?? []
  if (runs.length === 0 || runs.some((run) => !run.ok)) return null
  return median(runs.map((run) => run.seconds))
}

/**
 * The highest peak memory over all runs of a builder, MiB.
 * @param {BuilderResult} result
 */
export function peakRss(result) {
  const peaks = Object.values(result.runs)
    .flat()
    .map((run) => run.peakRssMb)
    .filter((value) => value !== null)
  return peaks.length === 0 ? null : Math.max(...peaks)
}

/**
 * The ratios issue 5 sets targets on: our cold build over Eleventy's and Hugo's, and our warm
 * rebuild after one article edit over our cold build.
 * @param {Record<string, BuilderResult>} results by builder id
 */
export function ratios(results) {
  const ours = results.ours
  const cold = ours === undefined ? null : medianSeconds(ours, 'cold')
  const over = (a, b) => (a === null || b === null || b === 0 ? null : a / b)
  return {
    oursOverEleventyCold: over(
      cold,
      results.eleventy ? medianSeconds(results.eleventy, 'cold') : null
    ),
    oursOverHugoCold: over(cold, results.hugo ? medianSeconds(results.hugo, 'cold') : null),
    articleEditOverCold: over(ours ? medianSeconds(ours, 'article') : null, cold)
  }
}

/**
 * The ratios issue 21 item 6 sets against the floor (floor/floor-build.mjs): our cold build over
 * the floor's (target <= 1.6), and the floor's over Eleventy's, which says how much of Eleventy's
 * lead is the Markdown pipeline every builder pays. Apart from `ratios`, whose keys are issue 5's.
 * @param {Record<string, BuilderResult>} results by builder id
 */
export function floorRatios(results) {
  const cold = (id) => (results[id] ? medianSeconds(results[id], 'cold') : null)
  const over = (a, b) => (a === null || b === null || b === 0 ? null : a / b)
  return {
    oursOverFloorCold: over(cold('ours'), cold('floor')),
    floorOverEleventyCold: over(cold('floor'), cold('eleventy'))
  }
}

/**
 * The floor's ratio lines, printed under issue 5's.
 * @param {ReturnType<typeof floorRatios>} value
 */
export function formatFloorRatios(value) {
  const show = (ratio) => (ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`)
  return [
    `ours / floor, cold build:                ${show(value.oursOverFloorCold)}   (target <= 1.6)`,
    `floor / Eleventy, cold build:            ${show(value.floorOverEleventyCold)}`
  ].join('\n')
}

/**
 * The results table, one row per builder.
 * @param {Record<string, BuilderResult>} results
 */
export function formatTable(results) {
  const header = [
    'builder',
    ...scenarios.map(([, title]) => title),
    'peak RSS',
    'files written / expected'
  ]
  const rows = Object.values(results).map((result) => {
    if (result.skipped !== null) return [result.label, `skipped: ${result.skipped}`]
    const times = scenarios.map(([scenario]) => timeCell(result, scenario))
    const rss = peakRss(result)
    const written = result.written === null ? '—' : `${result.written.total}`
    const pages = `${written} / ${result.expected.total}${result.failure === null ? '' : '  FAILED'}`
    return [result.label, ...times, rss === null ? '—' : `${Math.round(rss)} MB`, pages]
  })
  return alignColumns([header, ...rows])
}

/**
 * The ratio lines under the table.
 * @param {ReturnType<typeof ratios>} value
 */
export function formatRatios(value) {
  const show = (ratio, digits = 2) => (ratio === null ? 'n/a' : `${ratio.toFixed(digits)}x`)
  const percent =
    value.articleEditOverCold === null ? 'n/a' : `${(value.articleEditOverCold * 100).toFixed(1)}%`
  return [
    `ours / Eleventy, cold build:             ${show(value.oursOverEleventyCold)}   (target <= 1.0)`,
    `ours / Hugo, cold build:                 ${show(value.oursOverHugoCold)}   (target <= 3.0)`,
    `ours, one-article rebuild / cold build:  ${percent}   (target <= 5%)`
  ].join('\n')
}

/**
 * The cold build's median time per article of each builder that has one, the number issue 5
 * compares between a 4,000 and a 40,000 article run.
 * @param {Record<string, BuilderResult>} results
 * @param {number} articles
 */
export function formatPerArticle(results, articles) {
  const parts = Object.values(results).flatMap((result) => {
    const seconds = medianSeconds(result, 'cold')
    return seconds === null
      ? []
      : [`${result.label} ${((seconds * 1000) / articles).toFixed(2)} ms`]
  })
  return `cold build per article: ${parts.length === 0 ? 'n/a' : parts.join(', ')}`
}

/** A scenario's cell: the median time, FAILED, or a dash when it was not measured. */
function timeCell(result, scenario) {
  const runs = result.runs[scenario] ?? []
  if (runs.length === 0) return '—'
  const seconds = medianSeconds(result, scenario)
  return seconds === null ? 'FAILED' : `${seconds.toFixed(2)} s`
}

/**
 * Pads cells so that columns line up; the first column left-aligned, the rest right-aligned. A
 * short row (a skipped builder's note) keeps its text as it is and sets no column's width.
 */
function alignColumns(rows) {
  const full = rows.filter((row) => row.length === rows[0].length)
  const widths = rows[0].map((_, index) =>
    Math.max(...rows.map((row) => (full.includes(row) || index === 0 ? row[index].length : 0)))
  )
  return rows
    .map((row) =>
      full.includes(row)
        ? row
            .map((cell, index) =>
              index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])
            )
            .join('  ')
        : [row[0].padEnd(widths[0]), ...row.slice(1)].join('  ')
    )
    .join('\n')
}
