/** Types of `suggest-cost.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** Milliseconds per article of suggestion, and what they were measured on. */
export interface SuggestCost {
  articles: number
  /** Unchecked figures over every article measured. */
  figures: number
  /** Suggestions given in the last run. */
  suggestions: number
  /** Milliseconds of each run over every article. */
  runs: number[]
  msPerArticle: number
}

export declare const suggestBoundMs: number

export declare function suggestCost(options?: {
  articles?: number
  runs?: number
  seed?: number
}): Promise<SuggestCost>

export declare function withoutChecks(markdown: string): string

export declare function formatSuggestCost(cost: SuggestCost): string
