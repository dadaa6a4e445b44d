/** Types of `measure.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** GNU time, when the machine has it. */
export declare const gnuTime: string | undefined

/** How peak memory can be measured. */
export type MemoryMethod = 'gnu-time' | 'ps'

/** How peak memory is measured unless a run asks otherwise: GNU time when the machine has it. */
export declare const defaultMemoryMethod: MemoryMethod

/** A memory method in words, for the report. */
export declare function describeMemoryMethod(method: MemoryMethod): string

/** One measured build. */
export interface RunResult {
  ok: boolean
  exitCode: number | null
  timedOut: boolean
  seconds: number
  peakRssMb: number | null
  stderrTail: string
}

/** Runs `command args`, killing its process group after `timeoutSeconds`. */
export declare function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; timeoutSeconds: number; memory?: MemoryMethod }
): Promise<RunResult>

/** The median; the mean of the middle two for an even count; null for none. */
export declare function median(values: number[]): number | null

/** The peak memory in a GNU time `-v` report, in MiB. */
export declare function parsePeakRss(report: string): number | null

/** The last `count` lines of `text`. */
export declare function tail(text: string, count: number): string
