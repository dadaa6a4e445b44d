/** The floor's ratios under the bench's table (issue 21 item 6). */
import { describe, expect, it } from 'vitest'
import { floorRatios, formatFloorRatios } from '../report.mjs'
import type { RunResult } from '../measure.mjs'
import type { BuilderResult } from '../report.mjs'

function cold(...seconds: number[]): BuilderResult {
  const runs: RunResult[] = seconds.map((value) => ({
    ok: true,
    exitCode: 0,
    timedOut: false,
    seconds: value,
    peakRssMb: 100,
    stderrTail: ''
  }))
  return {
    label: 'x',
    expected: { html: 1, total: 1 },
    runs: { cold: runs },
    written: { html: 1, total: 1 },
    failure: null,
    skipped: null
  }
}

describe('floorRatios', () => {
  it('divides our median cold build by the floor’s, and the floor’s by Eleventy’s', () => {
    const results = { ours: cold(9, 8, 30), floor: cold(5, 4, 6), eleventy: cold(10) }
    expect(floorRatios(results)).toEqual({ oursOverFloorCold: 1.8, floorOverEleventyCold: 0.5 })
  })

  it('has no ratio when the floor was not run', () => {
    expect(floorRatios({ ours: cold(9), eleventy: cold(10) })).toEqual({
      oursOverFloorCold: null,
      floorOverEleventyCold: null
    })
  })
})

describe('formatFloorRatios', () => {
  it('prints both ratios with the 1.6x target, and n/a for a missing one', () => {
    const text = formatFloorRatios({ oursOverFloorCold: 1.8, floorOverEleventyCold: null })
    expect(text).toMatch(/^ours \/ floor, cold build: +1\.80x {3}\(target <= 1\.6\)$/m)
    expect(text).toMatch(/^floor \/ Eleventy, cold build: +n\/a$/m)
  })
})
