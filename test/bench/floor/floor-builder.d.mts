/** Types of `floor-builder.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** The floor as a bench builder: how to make it cold, and the command that builds. */
export interface FloorBuilder {
  id: 'floor'
  out: string
  makeCold: () => Promise<void>
  command: string
  args: string[]
}

export declare function floorBuilder(where: { corpus: string; work: string }): FloorBuilder

/** One HTML page per article, and nothing else. */
export declare function floorExpectedFiles(shape: { articles: number }): {
  html: number
  total: number
}
