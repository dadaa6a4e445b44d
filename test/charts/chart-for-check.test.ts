import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { chartForCheck } from '../../src/charts/chart-for-check.js'
import { chartHeight } from '../../src/charts/render-chart.js'
import type { Evaluation } from '../../src/checks/expression/evaluate-expression.js'
import { makeFigure } from '../checks/make-figure.js'
import type { FigureSketch } from '../checks/make-figure.js'
import { dayOf, evaluateOn, tolerance } from './chart-data.js'

// coin.close is 100 + the day's number from 2025-09-01 (day 0); 2025-09-20 (day 19) is `n/a`.
function chart(expr: string, text: string, sketch: FigureSketch, days = 90): string | undefined {
  return chartForCheck(evaluateOn(expr, days), makeFigure(text, sketch), {}, tolerance)
}

function svgOf(markup: string | undefined): Element {
  expect(markup).toBeDefined()
  const tree: Root = fromHtml(markup ?? '', { fragment: true })
  const [svg] = selectAll('svg', tree)
  if (svg === undefined) throw new Error('no svg')
  return svg
}

const elements = (svg: Element): Element[] =>
  svg.children.filter((child): child is Element => child.type === 'element')

/** The y the chart gives `value` for a plot over `low..high`: 3 units inset at top and bottom. */
const yOf = (value: number, low: number, high: number): number =>
  Math.round((chartHeight - 3 - ((value - low) / (high - low)) * (chartHeight - 6)) * 10) / 10

const rise = `pct_change(coin.close, "${dayOf(40)}", "${dayOf(45)}")`

describe('chartForCheck: markup', () => {
  it('is an image named by its first child <title>, described by <desc>', () => {
    const svg = svgOf(
      chart(rise, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' })
    )
    expect(svg.properties.role).toBe('img')
    const [title, desc] = elements(svg)
    expect(title?.tagName).toBe('title')
    expect(desc?.tagName).toBe('desc')
    // The window is 30 rows centred on the six rows read: days 28 to 57.
    expect(toString(title as Element)).toBe(
      "Bitcoin's closing price from 29 September to 28 October 2025"
    )
    expect(toString(desc as Element)).toBe(
      'Dots mark the values the check read: 11 October 2025 and 16 October 2025. ' +
        'The shaded band is what the figure “over 3%” allows.'
    )
    expect(svg.properties.viewBox).toBe('0 0 120 48')
    expect(selectAll('[id]', svg)).toEqual([])
  })

  it('puts one dot on each key read and draws the line from the data', () => {
    const svg = svgOf(
      chart(rise, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' })
    )
    expect(selectAll('circle.fact-chart__dot', svg)).toHaveLength(2)
    const path = String(selectAll('path.fact-chart__line', svg)[0]?.properties.d)
    expect(path.match(/[ML]/g)).toHaveLength(30)
    expect(path.startsWith('M3,45L')).toBe(true)
  })

  it('shades the end values a percent rise allows: above start x 1.03, up to the top', () => {
    const svg = svgOf(
      chart(rise, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' })
    )
    const [band] = selectAll('rect.fact-chart__band', svg)
    // Days 28..57 hold 128..157; 140 x 1.03 = 144.2.
    expect(band?.properties.y).toBe('0')
    expect(Number(band?.properties.height)).toBe(yOf(144.2, 128, 157))
  })

  it('shades the end values a fall allows: below start x 0.97, down to the bottom', () => {
    const fall = `pct_change(coin.close, "${dayOf(45)}", "${dayOf(40)}")`
    const svg = svgOf(
      chart(fall, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'down' })
    )
    const [band] = selectAll('rect.fact-chart__band', svg)
    const top = yOf(145 * 0.97, 128, 157)
    expect(Number(band?.properties.y)).toBe(top)
    expect(Number(band?.properties.height)).toBeCloseTo(chartHeight - top, 5)
  })

  it('shades the value band around a stated value, and the change band of an absolute change', () => {
    const value = svgOf(
      chart(`coin.close["${dayOf(45)}"]`, 'about 150', { value: 150, approx: 'about' })
    )
    const [band] = selectAll('rect.fact-chart__band', value)
    // About 150 allows 142.5..157.5; the window is days 31 to 60, which hold 131..160.
    expect(Number(band?.properties.y)).toBe(yOf(157.5, 131, 160))
    expect(Number(band?.properties.height)).toBeCloseTo(
      yOf(142.5, 131, 160) - yOf(157.5, 131, 160),
      5
    )
    const change = svgOf(
      chart(`change(coin.close, "${dayOf(40)}", "${dayOf(45)}")`, 'under 10', {
        value: 10,
        approx: 'under'
      })
    )
    const [changeBand] = selectAll('rect.fact-chart__band', change)
    // Under 10 from 140 allows ends below 150, down to the bottom of the chart.
    expect(Number(changeBand?.properties.y)).toBe(yOf(150, 128, 157))
  })

  it('draws no band when the result is not in the series terms, and says none', () => {
    const svg = svgOf(
      chart(`sum(coin.close, "${dayOf(40)}", "${dayOf(41)}")`, '281', { value: 281 })
    )
    expect(selectAll('rect.fact-chart__band', svg)).toHaveLength(0)
    expect(selectAll('rect.fact-chart__span', svg)).toHaveLength(1)
    expect(toString(elements(svg)[1] as Element)).toBe(
      'The check read every value from 11 to 12 October 2025, shaded.'
    )
  })
})

describe('chartForCheck: window', () => {
  it('shows fewer points when the series is short', () => {
    const svg = svgOf(chart(`coin.close["${dayOf(3)}"]`, '103', { value: 103 }, 10))
    const path = String(selectAll('path', svg)[0]?.properties.d)
    expect(path.match(/[ML]/g)).toHaveLength(10)
  })

  it('breaks the line at a cell that is not a number', () => {
    const svg = svgOf(chart(`coin.close["${dayOf(21)}"]`, '121', { value: 121 }))
    const path = String(selectAll('path', svg)[0]?.properties.d)
    expect(path.match(/M/g)).toHaveLength(2)
  })

  it('thins a long range to a few dozen points, keeping the keys read', () => {
    const svg = svgOf(
      chart(
        `drawdown(coin.close, "${dayOf(399)}", "${dayOf(20)}", "${dayOf(300)}")`,
        '20%',
        {
          value: 20,
          unit: '%'
        },
        400
      )
    )
    const path = String(selectAll('path', svg)[0]?.properties.d)
    expect(path.match(/[ML]/g)?.length).toBeLessThanOrEqual(64)
    expect(selectAll('circle', svg)).toHaveLength(1)
    expect(selectAll('rect.fact-chart__band', svg)).toHaveLength(1)
  })

  it('is byte-identical for the same input, with coordinates rounded to tenths', () => {
    const make = () =>
      chart(rise, 'over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' })
    const first = make()
    expect(make()).toBe(first)
    expect(first).not.toMatch(/ (d|x|y|cx|cy|width|height)="[^"]*\d\.\d\d/)
    expect(first).not.toMatch(/-0\b/)
    expect(first?.length).toBeLessThan(1500)
  })
})

describe('chartForCheck: no chart', () => {
  const figure = makeFigure('5', { value: 5 })
  const none = (evaluation: Evaluation) => chartForCheck(evaluation, figure, {}, tolerance)

  it('for constants, failures, label keys, booleans and two series', () => {
    expect(none(evaluateOn('2 + 3'))).toBeUndefined()
    expect(none(evaluateOn('coin.close["2024-01-01"]'))).toBeUndefined()
    expect(none(evaluateOn('gdp.gdp["France"]'))).toBeUndefined()
    expect(none(evaluateOn(`coin.close["${dayOf(4)}"] > 3`))).toBeUndefined()
    expect(none(evaluateOn(`share(coin.close["${dayOf(4)}"], gdp.gdp["France"])`))).toBeUndefined()
  })
})
