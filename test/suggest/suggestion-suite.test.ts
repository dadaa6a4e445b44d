/**
 * The suggestion suite (issue 20, item 5, "Measured"): articles whose checks are known are
 * stripped of them and given suggestions. Targets, over every figure whose check verified:
 * the original check's value is suggested first for >= 70% and among the first three for >= 90%;
 * and when one figure is moved to disagree with the data, its suggestions verify nothing and
 * their closest line computes the original check's value for >= 80% of the altered figures.
 * Scores go to the console and to `test-output/suggestion-scores.json`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closestScore } from './suite/closest-score.js'
import type { ClosestScore } from './suite/closest-score.js'
import { benchSlice, fixtureSites, repoRoot } from './suite/corpora.js'
import { rankScore } from './suite/rank-score.js'
import type { RankScore } from './suite/rank-score.js'

/** Articles of the bench corpus ranked, and how many of them get altered copies. */
const benchArticles = 200
const benchAltered = 30

const ranks: RankScore[] = []
const closest: ClosestScore[] = []
let benchRoot = ''

beforeAll(async () => {
  benchRoot = await benchSlice(benchArticles)
  const corpora = [
    { name: 'sample site', root: repoRoot, altered: Infinity },
    ...(await fixtureSites()).map((site) => ({ ...site, altered: Infinity })),
    { name: `bench corpus (${benchArticles}, described)`, root: benchRoot, altered: benchAltered }
  ]
  for (const corpus of corpora) {
    ranks.push(await rankScore(corpus.name, corpus.root))
    closest.push(await closestScore(corpus.name, corpus.root, corpus.altered))
  }
  await writeScores()
}, 120_000)

afterAll(async () => {
  if (benchRoot !== '') await rm(dirname(benchRoot), { recursive: true, force: true })
})

describe('the suggestion suite', () => {
  it('scores every corpus it reads (each has figures with verified checks)', () => {
    expect(ranks.length).toBeGreaterThanOrEqual(3)
    for (const score of ranks) expect(score.figures, score.corpus).toBeGreaterThan(0)
  })

  // Measured 2026-12-03 against the engine of that day: 885/1038 = 85.3% (below the target; the
  // misses are listed in test-output/suggestion-scores.json for the engine's tuning).
  it('ranks the original check among the first three for >= 90% of figures', () => {
    const total = sum(ranks, 'figures')
    expect(sum(ranks, 'top3') / total, measured(ranks, 'top3')).toBeGreaterThanOrEqual(0.9)
  })

  // Measured 2026-12-03: 795/1038 = 76.6%.
  it('ranks the original check first for >= 70% of figures', () => {
    const total = sum(ranks, 'figures')
    expect(sum(ranks, 'top1') / total, measured(ranks, 'top1')).toBeGreaterThanOrEqual(0.7)
  })

  // Measured 2026-12-03: 24/174 = 13.8% (below the target: another candidate verifies the altered
  // figure for 141 of them, so no closest line is given; see `failures` in the JSON).
  it('names the original binding as the closest line for >= 80% of altered figures', () => {
    const altered = sum(closest, 'altered')
    expect(altered).toBeGreaterThan(0)
    const right = sum(closest, 'rightClosest') / altered
    expect(
      right,
      `${sum(closest, 'rightClosest')}/${altered} altered figures`
    ).toBeGreaterThanOrEqual(0.8)
  })
})

/** `795/1038 figures` for the assertion's message. */
function measured(scores: RankScore[], key: 'top1' | 'top3'): string {
  return `${sum(scores, key)}/${sum(scores, 'figures')} figures`
}

function sum<T>(scores: T[], key: keyof T): number {
  return scores.reduce((total, score) => total + Number(score[key]), 0)
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`
}

/** The score table on the console and as JSON, with every miss and failing altered figure. */
async function writeScores(): Promise<void> {
  const rows = ranks.map((rank, n) => {
    const near = closest[n]
    return {
      corpus: rank.corpus,
      figures: rank.figures,
      top1: rank.top1,
      top3: rank.top3,
      altered: near?.altered ?? 0,
      rightClosest: near?.rightClosest ?? 0,
      otherVerified: near?.otherVerified ?? 0,
      wrongClosest: near?.wrongClosest ?? 0,
      nothing: near?.nothing ?? 0,
      skipped: near?.skipped ?? 0,
      suggestSeconds: Number(rank.suggestSeconds.toFixed(2))
    }
  })
  const overall = {
    corpus: 'overall',
    figures: sum(rows, 'figures'),
    top1: sum(rows, 'top1'),
    top3: sum(rows, 'top3'),
    altered: sum(rows, 'altered'),
    rightClosest: sum(rows, 'rightClosest'),
    otherVerified: sum(rows, 'otherVerified'),
    wrongClosest: sum(rows, 'wrongClosest'),
    nothing: sum(rows, 'nothing'),
    skipped: sum(rows, 'skipped'),
    suggestSeconds: Number(sum(rows, 'suggestSeconds').toFixed(2))
  }
  const lines = [...rows, overall].map(
    (row) =>
      `${row.corpus.padEnd(24)} ${String(row.figures).padStart(5)} figures  top-1 ${percent(row.top1, row.figures).padStart(6)}  top-3 ${percent(row.top3, row.figures).padStart(6)}  | ${String(row.altered).padStart(4)} altered  closest ${percent(row.rightClosest, row.altered).padStart(6)}  other verified ${percent(row.otherVerified, row.altered).padStart(6)}  wrong closest ${row.wrongClosest}  nothing ${row.nothing}`
  )
  console.log(`suggestion suite (issue 20)\n${lines.join('\n')}`)
  const out = join(repoRoot, 'test-output', 'suggestion-scores.json')
  await mkdir(dirname(out), { recursive: true })
  const misses = ranks.flatMap((rank) => rank.misses)
  const failures = closest.flatMap((score) => score.failures)
  await writeFile(out, `${JSON.stringify({ rows, overall, misses, failures }, null, 2)}\n`)
}
