/**
 * Which stretch of a series a check's chart shows (issue 19): about a month of rows centred on
 * the keys the check read, or the whole span it read when that is longer, thinned to a few dozen
 * points so that the markup stays small. Rows are found by binary search over the sorted keys, so
 * a chart costs the same on a month of data and on ten years of it.
 */
import { bisectLeft } from 'd3-array'
import { plainNumber } from '../checks/datasets/series.js'
import type { SeriesRead } from '../checks/expression/reads.js'

/** Rows shown around the keys read when they span fewer. */
export const windowRows = 30

/** The most points a chart draws; a longer span is thinned, keeping every key read. */
export const drawnPoints = 60

/** One drawn point: its position in key order, its key and its number (undefined: not a number). */
export interface WindowPoint {
  position: number
  key: string
  value: number | undefined
}

/** The stretch of the series a chart shows and what in it the check read. */
export interface ChartWindow {
  points: WindowPoint[]
  /** Positions (in key order) of the keys looked up one by one. */
  marked: number[]
  /** First and last positions of each range read whole. */
  spans: [number, number][]
}

/** The window of `read`, or undefined when the series is not keyed by dates or has one row. */
export function chartWindow(read: SeriesRead): ChartWindow | undefined {
  const { table } = read
  const rows = table.sortedKeys.length
  if (!table.dateKeys || rows < 2) return undefined
  const at = (key: string): number => bisectLeft(table.sortedKeys, key)
  const marked = read.points.map(at)
  const spans = read.ranges.map(([first, last]): [number, number] => [at(first), at(last)])
  const used = [...marked, ...spans.flat()]
  if (used.length === 0) return undefined
  const [start, end] = around(Math.min(...used), Math.max(...used), rows)
  const stride = Math.ceil((end - start + 1) / drawnPoints)
  const kept = new Set<number>(used)
  for (let position = start; position <= end; position += stride) kept.add(position)
  kept.add(end)
  const column = table.cells[read.column] ?? []
  const points = [...kept]
    .sort((a, b) => a - b)
    .map((position): WindowPoint => {
      const row = table.sortedRows[position] ?? -1
      return {
        position,
        key: table.sortedKeys[position] ?? '',
        value: plainNumber(column[row] ?? '')
      }
    })
  return { points, marked, spans }
}

// First and last positions shown: `windowRows` rows centred on `low..high`, moved inside the
// table at its ends, or `low..high` itself when it is longer.
function around(low: number, high: number, rows: number): [number, number] {
  const extra = Math.max(0, windowRows - (high - low + 1))
  let start = low - Math.floor(extra / 2)
  let end = high + Math.ceil(extra / 2)
  if (start < 0) [start, end] = [0, end - start]
  if (end > rows - 1) [start, end] = [start - (end - (rows - 1)), rows - 1]
  return [Math.max(0, start), end]
}
