/** Types of `chart-cost.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */
import type { VFile } from 'vfile'

/** Seconds spent drawing charts, how many were drawn and their bytes in all. */
export interface ChartCost {
  seconds: number
  charts: number
  bytes: number
}

export declare function chartCost(
  files: VFile[],
  store: unknown,
  settings: { factcheck: { tolerance: unknown } }
): Promise<ChartCost>

export declare function formatChartCost(cost: ChartCost, coldBuild: number): string
