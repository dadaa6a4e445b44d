/** Types of `report.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */
import type { RunResult } from './measure.mjs'

/** The measured scenarios, in table order, with their column titles. */
export declare const scenarios: [string, string][]

/** Everything measured for one builder. */
export interface BuilderResult {
  label: string
  expected: { html: number; total: number }
  runs: Record<string, RunResult[]>
  written: { html: number; total: number } | null
  failure: string | null
  skipped: string | null
}

/** The ratios issue 5 sets targets on. */
export interface Ratios {
  oursOverEleventyCold: number | null
  oursOverHugoCold: number | null
  articleEditOverCold: number | null
}

/** The ratios issue 21 item 6 sets against the floor build. */
export interface FloorRatios {
  oursOverFloorCold: number | null
  floorOverEleventyCold: number | null
}

/** The median seconds of one scenario; null when not measured or any run failed. */
export declare function medianSeconds(result: BuilderResult, scenario: string): number | null

/** The highest peak memory over all runs, MiB. */
export declare function peakRss(result: BuilderResult): number | null

/** Our cold build over Eleventy's and Hugo's, our one-article rebuild over our cold build. */
export declare function ratios(results: Record<string, BuilderResult>): Ratios

/** The results table, one row per builder. */
export declare function formatTable(results: Record<string, BuilderResult>): string

/** The ratio lines under the table. */
export declare function formatRatios(value: Ratios): string

/** The cold build's median time per article of each builder that has one. */
export declare function formatPerArticle(
  results: Record<string, BuilderResult>,
  articles: number
): string

/** Our cold build over the floor's, and the floor's over Eleventy's. */
export declare function floorRatios(results: Record<string, BuilderResult>): FloorRatios

/** The floor's ratio lines under the table. */
export declare function formatFloorRatios(value: FloorRatios): string
