/**
 * Runs the per-article stages across the machine's cores (piscina worker threads), or in this
 * thread for small sites, where starting workers costs more than it saves, and when running from
 * TypeScript sources (tests), which worker threads cannot load.
 */
import { availableParallelism } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { fromWire, toWire } from './wire.js'
import { resultBytes, resultOf } from './result-bytes.js'
import { byThread, threadPools } from './thread-pools.js'
import { AnalysisMemo } from '../article/analysis-memo.js'
import type { LoadedFile } from '../article/article-file.js'
import type { DataStore } from '../checks/datasets/dataset.js'
import type { BriefInput } from '../render/brief.js'
import type { Settings } from '../types.js'
import type { ArticleBytes, ArticleResult, LoadResult } from './article-tasks.js'
import type { ArticleToCheck, WorkerTask } from './article-worker.js'

/** Articles one in-process batch checks and renders before handing them on. */
const inProcessBatch = 64

/**
 * Bytes of analyses the in-process runner keeps at most: a site below `minArticlesForWorkers`
 * articles is under 3 MB of them (37 KB an article at 4,000 bench articles); what it keeps of a
 * large site's saves is of no use after the next save, and would only grow the heap.
 */
const inProcessMemoBytes = 4 * 1024 * 1024

/** Below this many articles a build stays on one thread. */
export const minArticlesForWorkers = 64

/** What `ArticleRunner.process` checks against, and what it hands each batch to. */
export interface ProcessStage {
  brief: BriefInput
  store: DataStore
  prepare(batch: LoadedFile[]): Promise<LoadedFile[]>
  onBatch(batch: ArticleResult[]): void
}

/** Runs article batches; `close` releases the threads. */
export interface ArticleRunner {
  load(items: readonly ArticleBytes[]): Promise<LoadResult[]>
  /**
   * Checks and renders `files`. `prepare` makes each batch ready just before it is sent (the
   * Markdown put back, a file it drops is not checked), and `onBatch` takes each batch's
   * results as it completes, while later batches still run; nothing is kept here, so a large
   * site's texts and results are held only while their batch is under way.
   */
  process(files: readonly LoadedFile[], stage: ProcessStage): Promise<void>
  close(): Promise<void>
}

/** How a runner is made. */
export interface RunnerOptions {
  root: string
  settings: Settings
  strict: boolean
  count: number
  workers?: number
  /**
   * Bytes of article analyses a resident runner keeps across its builds (issue 21), shared out
   * among its threads; without it nothing is kept, as a one-off build would not use it.
   */
  memoBytes?: number
}

/** Chooses in-process or worker threads for a build of `count` articles. */
export function createRunner(options: RunnerOptions): ArticleRunner {
  const threads = options.workers ?? defaultThreads(options.count)
  const workerFile = new URL(`./article-worker${extensionOf(import.meta.url)}`, import.meta.url)
  const inProcess = inProcessRunner(options)
  if (threads <= 1 || !workerFile.pathname.endsWith('.js')) return inProcess
  const pool = poolRunner(options, threads, workerFile)
  // A warm build of a large site that re-does a handful of articles (one edited story) is done
  // before a pool of threads could even start.
  return {
    load: (items) => (items.length < minArticlesForWorkers ? inProcess : pool).load(items),
    process: (articles, stage) =>
      (articles.length < minArticlesForWorkers ? inProcess : pool).process(articles, stage),
    close: () => pool.close()
  }
}

function defaultThreads(count: number): number {
  const configured = Number(process.env.FACTDESK_WORKERS)
  if (Number.isInteger(configured) && configured > 0) return configured
  return count < minArticlesForWorkers ? 1 : availableParallelism()
}

// The Markdown, figure and check modules load on first use: a build served from the cache, or one
// whose workers do the parsing, never pays for loading them on the main thread.
const articleTasks = () => import('./article-tasks.js')

function inProcessRunner(options: RunnerOptions): ArticleRunner {
  // This thread checks few articles at a time (a small site's, or those a save touched): what it
  // keeps is bounded well below the threads' share, so a day of saves leaves the heap as it was.
  const memo =
    options.memoBytes === undefined
      ? undefined
      : new AnalysisMemo(Math.min(options.memoBytes, inProcessMemoBytes))
  return {
    load: async (items) =>
      items.length === 0
        ? []
        : asCrossed((await articleTasks()).loadBatch(items, options.settings)),
    async process(articles, { brief, store, prepare, onBatch }) {
      if (articles.length === 0) return
      memo?.nextBuild()
      const tasks = await articleTasks()
      const context = { settings: options.settings, strict: options.strict, store, brief }
      // The frozen processor is made once for this context, however many batches it checks.
      // In batches, with a turn of the event loop between them, as on worker threads: the caller
      // writes each batch out (the cache, the output) and lets it go before the next is made.
      for (const [index, batch] of chunk(articles, inProcessBatch).entries()) {
        if (index > 0) await new Promise((resolve) => setImmediate(resolve))
        onBatch(tasks.processBatch(await prepare(batch), context, memo).map(resultAsCrossed))
      }
    },
    close: async () => {}
  }
}

/*
 * What this thread loads and checks is handed on as a worker's would be, through the same bytes.
 * The YAML parser's strings and the figures' texts are slices of the file's whole text and prose:
 * a session that keeps an edited article's summary kept its whole text with it, 36 KB an article
 * more than a cached or a worker's article, and the dev server grew with every story saved.
 * The result's bytes are the ones the cache keeps, so it does not serialize them again.
 */
function asCrossed(results: LoadResult[]): LoadResult[] {
  return fromWire<LoadResult[]>(deserialize(serialize(toWire(results))))
}

function resultAsCrossed(result: ArticleResult): ArticleResult {
  const bytes = result.bytes ?? resultBytes({ check: result.check, brief: result.brief })
  return { file: result.file, ...resultOf(bytes), bytes }
}

function poolRunner(options: RunnerOptions, threads: number, workerFile: URL): ArticleRunner {
  const pools = threadPools(threads, workerFile)
  const memoBytes =
    options.memoBytes === undefined ? {} : { memoBytes: Math.floor(options.memoBytes / threads) }
  return {
    async load(items) {
      if (items.length === 0) return []
      const batches = guidedBatches(items, threads)
      const results = await Promise.all(
        batches.map((batch, index) => {
          // Copies, so the caller keeps its bytes; transferring the copies avoids a second copy.
          const copies = batch.map((item) => ({
            file: item.file,
            bytes: new Uint8Array(item.bytes)
          }))
          return pools.run(
            index % threads,
            { kind: 'load', settings: options.settings, items: copies } satisfies WorkerTask,
            copies.map((item) => item.bytes.buffer as ArrayBuffer)
          )
        })
      )
      return results.flatMap((result) => fromWire<LoadResult[]>(result))
    },
    async process(articles, { brief, store, prepare, onBatch }) {
      if (articles.length === 0) return
      const shared = shareStore(store)
      const dataPaths = [...store.datasets.values()].map((dataset) => dataset.file)
      const send = async (thread: number, lean: LoadedFile[]): Promise<void> => {
        const batch = await prepare(lean)
        const articles = batch.map((file): ArticleToCheck => ({
          path: file.path,
          value: String(file.value),
          data: { frontmatter: file.data.frontmatter, url: file.data.url, places: file.data.places }
        }))
        const task: WorkerTask = {
          kind: 'process',
          root: options.root,
          settings: options.settings,
          strict: options.strict,
          store: shared,
          site: brief.site,
          templates: brief.templates.texts,
          dataPaths,
          ...(brief.images ? { images: brief.images } : {}),
          ...memoBytes,
          articles: articles.map(toWire)
        }
        const sent = (await pools.run(thread, task)) as Uint8Array[]
        const processed = batch.flatMap((file, index): ArticleResult[] => {
          const bytes = sent[index]
          if (bytes === undefined) return []
          const record = resultOf(bytes)
          // The check's data and problems stay in their record: the summary is made from it.
          return [{ file, check: record.check, brief: record.brief, bytes }]
        })
        onBatch(processed)
      }
      // With kept analyses each article goes to its own thread, where its analysis may be kept
      // from the last build; without, every thread takes the next batch of one queue, so none
      // waits long for another's last batch. A few batches queued per thread keep every thread
      // busy, while sending them all at once would hold every article's text, twice, until the
      // last batch is done.
      const common = memoBytes.memoBytes === undefined ? guidedBatches(articles, threads) : []
      const own =
        memoBytes.memoBytes === undefined
          ? []
          : byThread(articles, threads, (file) => file.path).map((group) => guidedBatches(group, 1))
      const taken = new Map<LoadedFile[][], number>()
      const take = (batches: LoadedFile[][]): LoadedFile[] | undefined => {
        const at = taken.get(batches) ?? 0
        taken.set(batches, at + 1)
        const batch = batches[at]
        if (batch !== undefined) batches[at] = []
        return batch
      }
      const lanes = Array.from({ length: threads }, (_, thread) => {
        const batches = own[thread] ?? common
        const lane = async (): Promise<void> => {
          for (let batch = take(batches); batch !== undefined; batch = take(batches))
            await send(thread, batch)
        }
        return Array.from({ length: lanesPerThread }, lane)
      }).flat()
      await Promise.all(lanes)
    },
    close: () => pools.destroy()
  }
}

/** Batches under way per thread: one being checked, one waiting for it to finish. */
const lanesPerThread = 2

let storeCounter = 0

/** The data store serialized once into shared memory: every worker reads the same bytes. */
function shareStore(store: DataStore): { id: string; bytes: SharedArrayBuffer } {
  const serialized = serialize(new Map(store.datasets))
  const bytes = new SharedArrayBuffer(serialized.byteLength)
  new Uint8Array(bytes).set(serialized)
  storeCounter += 1
  return { id: `${process.pid}-${storeCounter}`, bytes }
}

/**
 * Batches for `threads` threads, largest first: each takes a share of what remains, between 8
 * and 128 articles, so that messaging stays cheap while most of the work is left, and no thread
 * waits long for another's last batch at the end.
 */
export function guidedBatches<T>(items: readonly T[], threads: number): T[][] {
  const batches: T[][] = []
  for (let index = 0; index < items.length;) {
    const size = Math.max(8, Math.min(128, Math.ceil((items.length - index) / (threads * 4))))
    batches.push(items.slice(index, index + size))
    index += size
  }
  return batches
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let index = 0; index < items.length; index += size)
    chunks.push(items.slice(index, index + size))
  return chunks
}

function extensionOf(url: string): string {
  return url.endsWith('.ts') ? '.ts' : '.js'
}
