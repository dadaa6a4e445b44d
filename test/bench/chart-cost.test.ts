/**
 * The chart line of the stage profile (issue 19): the share of the cold build is the charts'
 * seconds over the build's, and the average size is per chart.
 */
import { describe, expect, it } from 'vitest'
import { formatChartCost } from './chart-cost.mjs'

describe('formatChartCost', () => {
  it('gives the seconds, the count, the average bytes and the share of the cold build', () => {
    expect(formatChartCost({ seconds: 1.5, charts: 3, bytes: 3000 }, 60)).toBe(
      'Charts: 1.50 s for 3 charts (1000 bytes each) = 2.5% of a cold build with one worker thread (issue 19 holds it under 10%)'
    )
  })

  it('reads zero bytes each when no chart was drawn', () => {
    expect(formatChartCost({ seconds: 0, charts: 0, bytes: 0 }, 10)).toContain(
      '(0 bytes each) = 0.0%'
    )
  })
})
