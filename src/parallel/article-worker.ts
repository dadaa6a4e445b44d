/**
 * Worker-thread entry (piscina). Data files arrive once per build as one shared buffer, and
 * templates are compiled once per worker; articles cross as wire values (see wire.ts).
 */
import { deserialize } from 'node:v8'
import { createDataStore } from '../checks/datasets/dataset.js'
import { templatesOfTexts } from '../render/templates.js'
import type { LoadedData } from '../article/article-file.js'
import { loadBatch, loadedFile, processBatch } from './article-tasks.js'
import type { ProcessContext } from './article-tasks.js'
import { fromWire, toWire } from './wire.js'
import { resultBytes } from './result-bytes.js'
import { AnalysisMemo } from '../article/analysis-memo.js'
import type { Dataset } from '../checks/datasets/dataset.js'
import type { ImageTable } from '../images/image-facts.js'
import type { SiteView } from '../render/page-context.js'
import type { Settings } from '../types.js'
import type { ArticleBytes } from './article-tasks.js'

/** A loaded article as it crosses to a worker: its path, Markdown and loaded data. */
export interface ArticleToCheck {
  path: string
  value: string
  data: LoadedData
}

/** A task sent to a worker. */
export type WorkerTask =
  | { kind: 'load'; settings: Settings; items: ArticleBytes[] }
  | {
      kind: 'process'
      root: string
      settings: Settings
      strict: boolean
      /** v8-serialized `Map` of datasets, shared by every task of the build. */
      store: { id: string; bytes: SharedArrayBuffer }
      site: SiteView
      dataPaths: string[]
      /** The build's images (issue 18), as `runArticleStages` read them. */
      images?: ImageTable
      /**
       * The texts of the build's templates (`Templates.texts`): a resident thread outlives a
       * template edit, and renders with exactly what the build's keys were made of, never with
       * files read again from disk.
       */
      templates: string
      /** Bytes of analyses this thread keeps across builds (`analysis-memo.ts`), when it does. */
      memoBytes?: number
      articles: unknown[]
    }

let cachedContext: { id: string; context: ProcessContext } | undefined
/** The analyses of the articles this thread checked, kept while the thread lives. */
let memo: AnalysisMemo | undefined
let memoBuild: string | undefined

/** Runs one task; returns wire values. */
export default async function run(task: WorkerTask): Promise<unknown> {
  if (task.kind === 'load') return toWire(loadBatch(task.items, task.settings))
  const context = await contextOf(task)
  const articles = fromWire<ArticleToCheck[]>(task.articles)
  const processed = processBatch(
    articles.map((article) => loadedFile(article.path, article.value, article.data)),
    context,
    memoFor(task.memoBytes, task.store.id)
  )
  // The main thread holds the loaded files already: only what checking added goes back, as the
  // bytes the build cache keeps (those kept from an earlier build, for an unmoved check).
  return processed.map(
    (item) => item.bytes ?? resultBytes({ check: item.check, brief: item.brief })
  )
}

/** This thread's memo, told when a task is of another build (each build shares its own store). */
function memoFor(capBytes: number | undefined, build: string): AnalysisMemo | undefined {
  if (capBytes === undefined) return undefined
  if (memo?.capBytes !== capBytes) memo = new AnalysisMemo(capBytes)
  if (memoBuild !== build) memo.nextBuild()
  memoBuild = build
  return memo
}

/** The build's context (and so its processor), made once per build in each worker. */
async function contextOf(task: Extract<WorkerTask, { kind: 'process' }>): Promise<ProcessContext> {
  if (cachedContext?.id !== task.store.id) {
    const datasets = deserialize(Buffer.from(task.store.bytes)) as Map<string, Dataset>
    const context: ProcessContext = {
      settings: task.settings,
      strict: task.strict,
      store: createDataStore(datasets),
      brief: {
        settings: task.settings,
        site: task.site,
        // Compiled once per distinct texts (`templatesOfTexts` keeps the last).
        templates: templatesOfTexts(task.templates),
        dataPaths: new Set(task.dataPaths),
        ...(task.images ? { images: task.images } : {})
      }
    }
    cachedContext = { id: task.store.id, context }
  }
  return cachedContext.context
}
