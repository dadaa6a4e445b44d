/**
 * Stage 1 told as it goes, for the terminal's progress line (issue 18: a long build keeps
 * counting). A runner loads every article it is given in one call, and parsing a few thousand
 * takes tens of seconds; so, only when a progress line is drawn, the loads are sent in slices
 * and each slice is counted as it returns.
 */
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { BuildOptions } from '../build.js'

/**
 * Slices under way at once: on worker threads, enough batches queued to keep every thread busy
 * while a slice's last batch finishes; in this thread, they run one after another anyway.
 */
const lanes = 3

/** About how many slices a load is cut into: the progress line moves every 5%. */
const steps = 20

/**
 * The smallest slice: above the runner's threshold for worker threads (64 articles), so that a
 * slice of a large site is still loaded on the threads.
 */
const minSlice = 128

/** The runner of stage 1: sliced only for a progress line, else given every load in one call. */
export function loadRunner(
  runner: ArticleRunner,
  options: Pick<BuildOptions, 'onProgress'>
): ArticleRunner {
  const { onProgress } = options
  return onProgress
    ? withLoadProgress(runner, (done, total) => onProgress('loaded', done, total))
    : runner
}

/** `runner` whose `load` tells `onLoaded(done, total)` as each slice of its articles is loaded. */
export function withLoadProgress(
  runner: ArticleRunner,
  onLoaded: (done: number, total: number) => void
): ArticleRunner {
  return {
    ...runner,
    async load(items) {
      const size = Math.max(minSlice, Math.ceil(items.length / steps))
      if (items.length < 2 * size) return runner.load(items)
      const results: Awaited<ReturnType<ArticleRunner['load']>>[] = []
      let next = 0
      let done = 0
      const lane = async (): Promise<void> => {
        while (next < items.length) {
          const start = next
          next += size
          // A turn of the event loop between slices: loaded in this thread, a slice is
          // synchronous work, and the line could not be redrawn until all of them were done.
          await new Promise((resolve) => setImmediate(resolve))
          const part = items.slice(start, start + size)
          results[start / size] = await runner.load(part)
          done += part.length
          onLoaded(done, items.length)
        }
      }
      await Promise.all(Array.from({ length: lanes }, lane))
      return results.flat()
    }
  }
}
