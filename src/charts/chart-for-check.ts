/**
 * A check's chart (issue 19): the one series its expression read, around the keys it read, with
 * the band of values its figure allows when the result is in the series' own terms. Checks that
 * read no series or several, that failed, or whose series is not keyed by dates get no chart.
 */
import type { CheckSpec, Figure, Tolerance } from '../types.js'
import { plainNumber, rowsBetween } from '../checks/datasets/series.js'
import type { Evaluation } from '../checks/expression/evaluate-expression.js'
import type { ResultForm, SeriesRead } from '../checks/expression/reads.js'
import { chartWindow } from './chart-window.js'
import { chartDescription, chartTitle } from './chart-words.js'
import { allowedResults, changeBand, drawdownBand } from './figure-band.js'
import type { Band, BandOptions } from './figure-band.js'
import { renderChart } from './render-chart.js'

/** The SVG markup of the chart of a check's evaluation, or undefined when it gets none. */
export function chartForCheck(
  evaluation: Evaluation,
  figure: Figure | undefined,
  check: Pick<CheckSpec, 'direction' | 'tolerance'>,
  tolerance: Tolerance
): string | undefined {
  if (!evaluation.ok || typeof evaluation.value !== 'number') return undefined
  const [read, another] = evaluation.reads ?? []
  if (read === undefined || another !== undefined) return undefined
  const window = chartWindow(read)
  if (window === undefined) return undefined
  const band =
    figure === undefined || evaluation.form === undefined
      ? undefined
      : bandOf(evaluation.form, read, allowedResults(figure, bandOptions(figure, check, tolerance)))
  return renderChart({
    window,
    ...(band === undefined ? {} : { band }),
    title: chartTitle(read, window),
    description: chartDescription(read, band === undefined ? undefined : figure?.text)
  })
}

// The options the check's verdict was judged with (`check-article.ts`).
function bandOptions(
  figure: Figure,
  check: Pick<CheckSpec, 'direction' | 'tolerance'>,
  tolerance: Tolerance
): BandOptions {
  const options: BandOptions = { tolerance, direction: check.direction ?? figure.direction }
  if (check.tolerance !== undefined) options.toleranceOverride = check.tolerance
  return options
}

// The allowed results in the series' units, through the form of the result.
function bandOf(form: ResultForm, read: SeriesRead, results: Band): Band | undefined {
  let band: Band | undefined
  switch (form) {
    case 'level':
      band = results
      break
    case 'change':
    case 'pct-change': {
      const start = cellAt(read, read.points[0])
      band = start === undefined ? undefined : changeBand(results, start, form === 'pct-change')
      break
    }
    case 'drawdown': {
      const peak = peakOf(read)
      band = peak === undefined ? undefined : drawdownBand(results, peak)
      break
    }
  }
  return band === undefined || band.some(Number.isNaN) ? undefined : band
}

function cellAt(read: SeriesRead, key: string | undefined): number | undefined {
  const row = key === undefined ? undefined : read.table.index.get(key)
  return row === undefined ? undefined : plainNumber(read.table.cells[read.column]?.[row] ?? '')
}

// The highest value of the range a drawdown read its peak from.
function peakOf(read: SeriesRead): number | undefined {
  const [range] = read.ranges
  if (range === undefined) return undefined
  let peak: number | undefined
  for (const row of rowsBetween(read.table, range[0], range[1])) {
    const value = plainNumber(read.table.cells[read.column]?.[row] ?? '')
    if (value !== undefined && (peak === undefined || value > peak)) peak = value
  }
  return peak
}
