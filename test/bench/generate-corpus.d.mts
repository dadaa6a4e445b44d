/** Types of `generate-corpus.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** The seed used when none is given. */
export declare const defaultSeed: number

/** What a generated corpus holds. */
export interface CorpusSummary {
  articles: number
  markdownBytes: number
  dataRows: number
  lastDataDay: string
}

/** Writes a deterministic synthetic newsroom into `dir`, replacing whatever was there. */
export declare function generateCorpus(options: {
  dir: string
  articles: number
  seed?: number
}): Promise<CorpusSummary>
