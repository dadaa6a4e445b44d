import { describe, expect, it } from 'vitest'
import { allowedResults, changeBand, drawdownBand } from '../../src/charts/figure-band.js'
import { judgeFigure } from '../../src/checks/verdict.js'
import type { Approx, Direction } from '../../src/types.js'
import { makeFigure } from '../checks/make-figure.js'
import { tolerance } from './chart-data.js'

/*
 * The band a chart shades must be exactly what the verdict accepts: for every approximator and
 * direction, a result inside the band is verified and one outside it is contradicted.
 */
const cases: [string, number | [number, number], Approx][] = [
  ['7%', 7, 'exact'],
  ['7.3%', 7.3, 'exact'],
  ['over 7%', 7, 'over'],
  ['at least 7%', 7, 'at-least'],
  ['under 7%', 7, 'under'],
  ['at most 7%', 7, 'at-most'],
  ['nearly 7%', 7, 'nearly'],
  ['about 7%', 7, 'about'],
  ['just over 7%', 7, 'just-over'],
  ['just under 7%', 7, 'just-under'],
  ['5% to 8%', [5, 8], 'range']
]
const directions: (Direction | null)[] = [null, 'up', 'down']
const samples = Array.from({ length: 401 }, (_, i) => -20 + i * 0.1 + 0.0137)

describe('allowedResults', () => {
  for (const [text, value, approx] of cases) {
    for (const direction of directions) {
      it(`is what the verdict accepts for "${text}", direction ${direction ?? 'none'}`, () => {
        const figure = makeFigure(text, { value, unit: '%', approx, direction })
        const [low, high] = allowedResults(figure, { tolerance, direction })
        for (const actual of samples) {
          const verified = judgeFigure(figure, actual, { tolerance }).status === 'verified'
          expect([actual, verified]).toEqual([actual, actual >= low && actual <= high])
        }
      })
    }
  }

  it('uses the check tolerance in place of the site tolerance', () => {
    const figure = makeFigure('about 120', { value: 120, approx: 'about' })
    // Rounding to the ten would allow 115..125; 5% of 120, 6 either side, is wider.
    expect(allowedResults(figure, { tolerance, direction: null })).toEqual([114, 126])
    const override = { tolerance, direction: null, toleranceOverride: 0.25 }
    expect(allowedResults(figure, override)).toEqual([90, 150])
  })
})

describe('bands in the series units', () => {
  it('maps a percent change to the end values from the start', () => {
    expect(changeBand([-Infinity, -7], 100, true)).toEqual([-Infinity, 93])
    expect(changeBand([2, 4], 50, false)).toEqual([52, 54])
  })

  it('maps a drawdown to the values at the key read, from the peak', () => {
    expect(drawdownBand([36, 40], 200)).toEqual([120, 128])
  })
})
