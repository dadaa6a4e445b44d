/**
 * What the checks' charts cost (issue 19: under 10% of a cold build). After the stage profile has
 * run every article, each check whose panel entry has a chart is charted again here, timing only
 * the chart: the evaluation it draws from is made first and not counted, as the build makes it
 * anyway for the verdict. Needs a compiled `lib/`.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { projectRoot } from './builders.mjs'

const lib = (path) => import(join(projectRoot, 'lib', path))

/**
 * Seconds spent drawing the charts of every checked article in `files`, and how many were drawn.
 * @param {import('vfile').VFile[]} files articles the stage profile ran through the fact check
 * @param {unknown} store the build's data store
 * @param {{ factcheck: { tolerance: unknown } }} settings site settings
 * @returns {Promise<{ seconds: number, charts: number, bytes: number }>}
 */
export async function chartCost(files, store, settings) {
  const [{ chartForCheck }, { evaluateExpression }] = await Promise.all([
    lib('charts/chart-for-check.js'),
    lib('checks/expression/evaluate-expression.js')
  ])
  const tolerance = settings.factcheck.tolerance
  let milliseconds = 0
  let charts = 0
  let bytes = 0
  for (const file of files) {
    const { frontmatter, panel, found } = file.data
    if (frontmatter === undefined || panel === undefined || found === undefined) continue
    const scope = { aliases: frontmatter.data, store }
    for (const [index, check] of frontmatter.checks.entries()) {
      if (panel[index]?.chart === undefined) continue
      const figure = found.find((candidate) => candidate.text === panel[index].figure)
      const evaluation = evaluateExpression(check.expr, scope)
      const start = performance.now()
      const chart = chartForCheck(evaluation, figure, check, tolerance)
      milliseconds += performance.now() - start
      if (chart === undefined) continue
      charts += 1
      bytes += chart.length
    }
  }
  return { seconds: milliseconds / 1000, charts, bytes }
}

/**
 * The chart line of the profile: seconds, count, and share of the one-worker cold build.
 * @param {{ seconds: number, charts: number, bytes: number }} cost
 * @param {number} coldBuild seconds
 */
export function formatChartCost(cost, coldBuild) {
  const share = ((cost.seconds / coldBuild) * 100).toFixed(1)
  const average = cost.charts === 0 ? 0 : Math.round(cost.bytes / cost.charts)
  return `Charts: ${cost.seconds.toFixed(2)} s for ${cost.charts} charts (${average} bytes each) = ${share}% of a cold build with one worker thread (issue 19 holds it under 10%)`
}
