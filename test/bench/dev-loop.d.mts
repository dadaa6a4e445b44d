/** Types of `dev-loop.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** A kind of edit the dev loop times. */
export type EditKind = 'article' | 'data' | 'template' | 'stylesheet'

/** The kinds of edit, in the order they are made. */
export declare const editKinds: EditKind[]

/** Milliseconds over a set of edits: p50 the median, p95 the value at rank ceil(0.95 n). */
export interface Spread {
  p50: number | null
  p95: number | null
  min: number | null
  max: number | null
  n: number
}

/** One kind's edits: save to `reload` (top level) and save to `rebuilding`. */
export interface KindResult extends Spread {
  rebuilding: Spread
  /** The rebuild's own time, from the summary line the server logs. */
  build: Spread
  /** Each edit's milliseconds from save to `reload`, in order. */
  samples: number[]
  /** How many pages served after a reload showed their edit. */
  shown: number
  /** Rebuilds beyond one per save (a save the watcher reported twice). */
  extraRebuilds: number
}

/** A start of `factdesk dev`, from spawn. */
export interface StartTimes {
  /** To the first page answered. */
  firstPageMs: number
  /** To its "serving" line (first build done and the watcher ready). */
  servingMs: number
}

/** How a server stopped: `forced` when Ctrl-C did not end it within 15 s. */
export interface ServerStop {
  code: number | null
  signal: string | null
  forced: boolean
  /** Milliseconds from Ctrl-C (SIGINT) to the process's exit. */
  ms: number
}

/** What `devLoop` measured. */
export interface DevLoopResult {
  articles: number
  edits: number
  cold: StartTimes
  warm: StartTimes
  kinds: Partial<Record<EditKind, KindResult>>
  stops: ServerStop[]
}

/** Times `factdesk dev` starting cold and warm, and each kind of edit to its reload. */
export declare function devLoop(options: {
  /** The corpus folder. */
  dir: string
  /** When given, a corpus of this many articles is generated in `dir` first. */
  articles?: number
  seed?: number
  /** Timed edits per kind. Default: 10. */
  edits?: number
  kinds?: EditKind[]
  /** Quiet milliseconds between edits. Default: 500. */
  gapMs?: number
  /** Seconds to wait for a start or a reload. Default: 900. */
  timeoutSeconds?: number
  log?: (line: string) => void
}): Promise<DevLoopResult>

/** p50, p95, min, max and count of `values`. */
export declare function stats(values: number[]): Spread

/** The dev-loop lines under the bench's table. */
export declare function formatDevLoop(result: DevLoopResult): string
