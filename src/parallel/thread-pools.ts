/**
 * Worker threads an article can be sent back to (issue 21): one single-thread piscina pool per
 * thread, and each article's thread chosen by a stable hash of its path. A piscina pool hands a
 * task to whichever thread is free; a resident thread's analyses (`analysis-memo.ts`) are only
 * of use if the same article reaches the same thread on the next build.
 */
import type { Piscina } from 'piscina'

/** Threads started on first use; `run` sends a task to one by its index. */
export interface ThreadPools {
  readonly threads: number
  run(thread: number, task: unknown, transferList?: ArrayBuffer[]): Promise<unknown>
  destroy(): Promise<void>
}

export function threadPools(threads: number, workerFile: URL): ThreadPools {
  // Started on the first task: a build served wholly from the cache starts no thread at all.
  let pools: Promise<Piscina[]> | undefined
  const start = () =>
    (pools ??= import('piscina').then(({ Piscina }) =>
      Array.from(
        { length: threads },
        () =>
          new Piscina({
            filename: workerFile.href,
            minThreads: 1,
            maxThreads: 1,
            idleTimeout: 1_000
          })
      )
    ))
  return {
    threads,
    async run(thread, task, transferList) {
      const pool = (await start())[thread]
      if (pool === undefined) throw new RangeError(`no thread ${thread} of ${threads}`)
      return pool.run(task, transferList ? { transferList } : {}) as Promise<unknown>
    },
    async destroy() {
      if (pools === undefined) return
      await Promise.all((await pools).map((pool) => pool.destroy()))
    }
  }
}

/** The thread of `threads` an article at `path` is always sent to (FNV-1a of the path). */
export function threadOf(path: string, threads: number): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < path.length; index++) {
    hash ^= path.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % threads
}

/** `items` split by the thread each goes to, in their order. */
export function byThread<T>(
  items: readonly T[],
  threads: number,
  pathOf: (item: T) => string
): T[][] {
  const groups = Array.from({ length: threads }, (): T[] => [])
  for (const item of items) groups[threadOf(pathOf(item), threads)]?.push(item)
  return groups
}
