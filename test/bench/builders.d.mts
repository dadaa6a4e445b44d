/** Types of `builders.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** One builder: how to make it cold, and the command that builds. */
export interface Builder {
  id: 'ours' | 'eleventy' | 'hugo'
  out: string
  makeCold: () => Promise<void>
  command: string
  args: string[]
}

/** The repository root, where `bin/factdesk.js` and `node_modules/` are. */
export declare const projectRoot: string

export declare function oursBuilder(where: { corpus: string; work: string }): Builder

/** The build caches factdesk may keep for `corpus`. */
export declare function factdeskCaches(corpus: string): string[]

export declare function eleventyBuilder(where: { corpus: string; work: string }): Builder

/** Where `setAside` moves folders until the run ends. */
export declare function setAsideFolder(work: string): string

/** Moves `dir` under `setAsideFolder(work)`, to be deleted once every build was measured. */
export declare function setAside(dir: string, work: string): Promise<void>

/** Hugo's version line, or undefined when no `hugo` is on the PATH. */
export declare function hugoVersion(): string | undefined

export declare function hugoBuilder(where: { corpus: string; work: string }): Promise<Builder>
