/**
 * The dev server's builds, one at a time (SPEC 7): changes that arrive during a build are taken
 * up by one more build after it, however many there were; work that may only run when nothing
 * else is (a rehearsal, `rehearse-saves.ts`) runs when the queue is idle, and a change that
 * arrives meanwhile is built once it ends.
 */

/** See `createBuildQueue`. */
export interface BuildQueue {
  /** Builds now, or once more after the build under way; settles when the builds are done. */
  request(): Promise<void>
  /** Runs `job` when nothing is under way; resolves to whether it ran. */
  whenIdle(job: () => Promise<void>): Promise<boolean>
  /** Settles when what is under way is done. */
  idle(): Promise<void>
}

/** A queue of `build`s; none is started once `stopped()` says so. */
export function createBuildQueue(build: () => Promise<void>, stopped: () => boolean): BuildQueue {
  let running: Promise<void> | undefined
  let again = false
  const request = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await build()
      } while (again && !stopped())
    })().finally(() => {
      running = undefined
    })
    return running
  }
  return {
    request,
    async whenIdle(job) {
      if (running) return false
      running = job().finally(() => {
        running = undefined
      })
      await running
      if (again && !stopped()) {
        again = false
        void request()
      }
      return true
    },
    idle: () => running ?? Promise.resolve()
  }
}
