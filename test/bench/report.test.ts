/**
 * The results table and ratios: medians, FAILED for a failed run or a wrong page count, never a
 * time that could read as fast.
 */
import { describe, expect, it } from 'vitest'
import {
  formatPerArticle,
  formatRatios,
  formatTable,
  medianSeconds,
  peakRss,
  ratios
} from './report.mjs'
import type { RunResult } from './measure.mjs'
import type { BuilderResult } from './report.mjs'

function run(seconds: number, peakRssMb: number | null = 100, ok = true): RunResult {
  return { ok, exitCode: ok ? 0 : 1, timedOut: false, seconds, peakRssMb, stderrTail: '' }
}

function builder(
  label: string,
  runs: Record<string, RunResult[]>,
  overrides: Partial<BuilderResult> = {}
): BuilderResult {
  return {
    label,
    expected: { html: 10, total: 12 },
    runs,
    written: { html: 10, total: 12 },
    failure: null,
    skipped: null,
    ...overrides
  }
}

describe('medianSeconds', () => {
  it('is the median of the runs of a scenario', () => {
    expect(medianSeconds(builder('x', { cold: [run(3), run(1), run(2)] }), 'cold')).toBe(2)
  })

  it('is null when any run of the scenario failed', () => {
    expect(
      medianSeconds(builder('x', { cold: [run(1), run(0.1, 100, false), run(2)] }), 'cold')
    ).toBeNull()
  })

  it('is null for a scenario that was not measured', () => {
    expect(medianSeconds(builder('x', { cold: [run(1)] }), 'warm')).toBeNull()
  })
})

describe('peakRss', () => {
  it('is the highest peak over every run of a builder', () => {
    expect(peakRss(builder('x', { cold: [run(1, 300)], warm: [run(1, 500), run(1, null)] }))).toBe(
      500
    )
  })
})

describe('ratios', () => {
  it('divides our medians by theirs and our one-article rebuild by our cold build', () => {
    const results = {
      ours: builder('factdesk', { cold: [run(6)], article: [run(0.375)] }),
      eleventy: builder('Eleventy 3', { cold: [run(4)] }),
      hugo: builder('Hugo', { cold: [run(2)] })
    }
    expect(ratios(results)).toEqual({
      oursOverEleventyCold: 1.5,
      oursOverHugoCold: 3,
      articleEditOverCold: 0.0625
    })
  })

  it('has no ratio against a builder that was skipped', () => {
    const results = {
      ours: builder('factdesk', { cold: [run(6)] }),
      hugo: builder('Hugo', {}, { skipped: 'no hugo binary on PATH', written: null })
    }
    expect(ratios(results).oursOverHugoCold).toBeNull()
    expect(formatRatios(ratios(results))).toContain('ours / Hugo, cold build:                 n/a')
  })
})

describe('formatTable', () => {
  it('shows FAILED, not a time, for a builder that wrote too few files', () => {
    const table = formatTable({
      eleventy: builder(
        'Eleventy 3',
        { cold: [run(0.2)] },
        { written: { html: 0, total: 0 }, failure: 'cold build wrote 0 files' }
      )
    })
    expect(table).toContain('0 / 12  FAILED')
  })

  it('shows FAILED in the column of a scenario whose build failed', () => {
    const row = formatTable({
      ours: builder('factdesk', { cold: [run(5)], warm: [run(1, 100, false)] })
    }).split('\n')[1]
    expect(row?.split(/\s{2,}/).slice(0, 3)).toEqual(['factdesk', '5.00 s', 'FAILED'])
  })

  it('says why a builder was skipped', () => {
    expect(
      formatTable({ hugo: builder('Hugo', {}, { skipped: 'no hugo binary on PATH' }) })
    ).toContain('Hugo     skipped: no hugo binary on PATH')
  })
})

describe('formatPerArticle', () => {
  it('divides each cold median by the article count, leaving out builders without one', () => {
    const results = {
      ours: builder('factdesk', { cold: [run(8)] }),
      eleventy: builder('Eleventy 3', { cold: [run(2)] }),
      hugo: builder('Hugo', {}, { skipped: 'no hugo binary on PATH' })
    }
    expect(formatPerArticle(results, 4000)).toBe(
      'cold build per article: factdesk 2.00 ms, Eleventy 3 0.50 ms'
    )
  })
})
