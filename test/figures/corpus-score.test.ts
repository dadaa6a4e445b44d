/**
 * The measurement corpus (`test/fixtures/corpus/`, see its README): passages of published news,
 * paraphrased around their figure phrases and annotated by hand before the detector ever ran on
 * them. The detector's figures come from the production pipeline (`figuresOf`, as the build finds
 * them); the test prints one score line and fails when a score drops below its floor, listing
 * every passage's misses.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { figuresOf } from '../helpers/article-pipeline.js'
import { missReport, readCorpus, scoreCorpus, scoreLine, scorePassage } from './corpus-score.js'
import type { CorpusFigure } from './corpus-score.js'

/**
 * Floors, in percent: the scores measured when issue 17 closed, rounded down to one decimal (at
 * f1df6d4, before it: recall 83.2, precision 89.3, value 97.8, unit 98.1, approx 100, direction
 * 92.6). The target for every one is 99%. Floors only ever go up: raise one whenever the
 * detector's score has risen past it, never lower one to make a change pass.
 */
const floors = {
  recall: 99.3,
  precision: 99.3,
  value: 100,
  unit: 99.7,
  approx: 100,
  direction: 99.5
}

const corpusFolder = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

function figure(text: string, overrides: Partial<CorpusFigure> = {}): CorpusFigure {
  return { text, value: 1, unit: null, approx: 'exact', direction: null, ...overrides }
}

describe('the corpus scorer', () => {
  it('matches in order by exact text and counts misses, false positives and wrong attributes', () => {
    const annotated = [
      figure('318 points', { value: 318, unit: 'points', direction: 'down' }),
      figure('0.8%', { value: 0.8, unit: '%', direction: 'down' }),
      figure('more than 90%', { value: 90, unit: '%', approx: 'over' }),
      figure('$1.8-2.1 billion', { value: [1.8e9, 2.1e9], unit: 'USD', approx: 'range' })
    ]
    const detected = [
      figure('318 points', { value: 318, unit: 'points', direction: 'down' }),
      figure('0.8%', { value: 0.8, unit: '%', direction: null }),
      figure('90%', { value: 90, unit: '%' }),
      figure('Boeing 737', { value: 737 }),
      figure('$1.8-2.1 billion', { value: [1.8e9, 2.2e9], unit: 'USD', approx: 'range' })
    ]
    const passage = scorePassage('tiny', annotated, detected)
    expect(passage.matched).toBe(3)
    expect(passage.missed.map((f) => f.text)).toEqual(['more than 90%'])
    expect(passage.extra.map((f) => f.text)).toEqual(['90%', 'Boeing 737'])
    expect(passage.wrong).toEqual([
      { text: '0.8%', attribute: 'direction', expected: 'down', detected: null },
      {
        text: '$1.8-2.1 billion',
        attribute: 'value',
        expected: [1.8e9, 2.1e9],
        detected: [1.8e9, 2.2e9]
      }
    ])
    const score = scoreCorpus([passage])
    expect(score.recall).toBe(75)
    expect(score.precision).toBe(60)
    expect(score.right.value).toBeCloseTo(200 / 3)
    expect(score.right.direction).toBeCloseTo(200 / 3)
    expect(score.right.unit).toBe(100)
    expect(score.right.approx).toBe(100)
    expect(scoreLine(score)).toBe(
      'corpus: 1 passages, 4 figures: recall 75%, precision 60%, value 66.7%, unit 100%, approx 100%, direction 66.7%'
    )
    expect(missReport(score)).toContain('missed   "more than 90%"')
    expect(missReport(score)).toContain('extra    "Boeing 737"')
  })

  it('sees equal scaled values as equal and an empty passage as perfect', () => {
    const a = [figure('$3.2bn', { value: 3.2e9, unit: 'USD' })]
    const d = [figure('$3.2bn', { value: 3.2 * 1e9, unit: 'USD' })]
    expect(scorePassage('scaled', a, d).wrong).toEqual([])
    const empty = scoreCorpus([scorePassage('none', [], [])])
    expect([empty.recall, empty.precision]).toEqual([100, 100])
  })
})

describe('the measurement corpus', () => {
  it('scores at or above every floor', async () => {
    const passages = readCorpus(corpusFolder)
    expect(passages.length).toBeGreaterThanOrEqual(45)
    const scored = []
    for (const passage of passages) {
      const detected: CorpusFigure[] = (await figuresOf(passage.source)).map(
        ({ text, value, unit, approx, direction }) => ({ text, value, unit, approx, direction })
      )
      scored.push(scorePassage(passage.name, passage.annotated, detected))
    }
    const score = scoreCorpus(scored)
    console.log(scoreLine(score))
    const measured = {
      recall: score.recall,
      precision: score.precision,
      ...score.right
    }
    const below = Object.entries(floors).filter(
      ([key, floor]) => measured[key as keyof typeof measured] < floor
    )
    if (below.length > 0) console.log(`corpus misses, passage by passage:\n${missReport(score)}`)
    if (process.env.CORPUS_MISSES === '1') {
      // CORPUS_MISSES=1 prints every miss and the unrounded scores, to raise a floor by.
      console.log(missReport(score))
      console.log(`corpus unrounded: ${JSON.stringify(measured)}`)
    }
    for (const [key, floor] of Object.entries(floors)) {
      expect(
        measured[key as keyof typeof measured],
        `${key} below its floor`
      ).toBeGreaterThanOrEqual(floor)
    }
  })
})
