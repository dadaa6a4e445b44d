/**
 * Draws a check's chart as inline SVG markup (issue 19): the series as a line, a dot on each key
 * the check read, a light span over each range it read whole, and the band of values the stated
 * figure allows. Scales come from d3-scale and the line's path from d3-shape; every attribute and
 * text is escaped as it is written (`svg-markup.ts`). Coordinates are rounded to a tenth of a
 * unit, so the same input gives byte-identical markup. Size and colours
 * are left to the stylesheet's `.fact-chart` rules (currentColor and the site's variables), with
 * attributes that keep it legible where no stylesheet applies.
 */
import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import type { ChartWindow, WindowPoint } from './chart-window.js'
import type { Band } from './figure-band.js'
import { svgElement } from './svg-markup.js'

/** The chart's box in CSS pixels: small enough to float beside a sentence of the panel. */
export const chartWidth = 120
export const chartHeight = 48
const inset = 3

/** What is drawn, and the words that say what it shows. */
export interface ChartDrawing {
  window: ChartWindow
  /** Values the stated figure allows, in the series' units; absent when none can be drawn. */
  band?: Band
  /** The accessible name, e.g. `Bitcoin's closing price from 28 October to 10 November 2025`. */
  title: string
  /** What is marked, e.g. `Dots mark what the check read: ...`. */
  description: string
}

/** The SVG markup of `drawing`. */
export function renderChart(drawing: ChartDrawing): string {
  const { window, band } = drawing
  const numbers = window.points.flatMap((point) => (point.value === undefined ? [] : [point.value]))
  const bandEnds = band === undefined ? [] : band.filter((end) => Number.isFinite(end))
  const [low, high] = extent([...numbers, ...bandEnds])
  const first = window.points[0]?.position ?? 0
  const last = window.points[window.points.length - 1]?.position ?? first + 1
  const x = scaleLinear()
    .domain([first, Math.max(last, first + 1)])
    .range([inset, chartWidth - inset])
  const y = scaleLinear()
    .domain([low, high])
    .range([chartHeight - inset, inset])
    .clamp(true)

  const children: string[] = [
    svgElement('title', {}, { text: drawing.title }),
    svgElement('desc', {}, { text: drawing.description })
  ]
  for (const [from, to] of window.spans) {
    children.push(
      svgElement('rect', {
        class: 'fact-chart__span',
        x: round(x(from)),
        y: 0,
        width: round(Math.max(1, x(to) - x(from))),
        height: chartHeight,
        fill: 'currentColor',
        'fill-opacity': 0.08
      })
    )
  }
  if (band !== undefined) {
    // An open end reaches the chart's edge, a bounded one is clipped to the plot; a band of one
    // value (an exact figure) stays a thin line.
    const top = band[1] === Infinity ? 0 : y(band[1])
    const bottom = band[0] === -Infinity ? chartHeight : y(band[0])
    const height = Math.max(1, bottom - top)
    children.push(
      svgElement('rect', {
        class: 'fact-chart__band',
        x: 0,
        y: round(Math.min(top, chartHeight - height)),
        width: chartWidth,
        height: round(height),
        fill: 'currentColor',
        'fill-opacity': 0.18
      })
    )
  }
  const path = line<WindowPoint>()
    .defined((point) => point.value !== undefined)
    .x((point) => x(point.position))
    .y((point) => y(point.value ?? 0))
    .digits(1)(window.points)
  if (path !== null) {
    children.push(
      svgElement('path', {
        class: 'fact-chart__line',
        d: path,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 1.5,
        'stroke-linejoin': 'round'
      })
    )
  }
  const values = new Map(window.points.map((point) => [point.position, point.value]))
  for (const position of window.marked) {
    const value = values.get(position)
    if (value === undefined) continue
    children.push(
      svgElement('circle', {
        class: 'fact-chart__dot',
        cx: round(x(position)),
        cy: round(y(value)),
        r: 2.5
      })
    )
  }
  const attributes = {
    class: 'fact-chart',
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${chartWidth} ${chartHeight}`,
    width: chartWidth,
    height: chartHeight,
    role: 'img'
  }
  return svgElement('svg', attributes, { children })
}

// The lowest and highest of `numbers`, apart by at least a little so that a flat series still
// has a scale.
function extent(numbers: readonly number[]): [number, number] {
  let low = Infinity
  let high = -Infinity
  for (const value of numbers) {
    if (value < low) low = value
    if (value > high) high = value
  }
  if (low === Infinity) return [0, 1]
  if (low === high) {
    const pad = Math.abs(low) * 0.05 || 1
    return [low - pad, high + pad]
  }
  return [low, high]
}

// A tenth of a unit is far below a CSS pixel at the chart's size; `+ 0` turns -0 into 0.
function round(value: number): number {
  return Math.round(value * 10) / 10 + 0
}
