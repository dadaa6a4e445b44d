/**
 * Worker-thread entry (piscina). Data files arrive once per build as one shared buffer, and
 * templates are compiled once per worker; articles cross as wire values (see wire.ts).
 */
import { deserialize } from 'node:v8'
import { createDataStore } from '../checks/datasets/dataset.js'
import { loadTemplates } from '../render/templates.js'
import { loadBatch, processBatch } from './article-tasks.js'
import { fromWire, toWire } from './wire.js'
import { resultBytes } from './result-bytes.js'
import type { DataStore, Dataset } from '../checks/datasets/dataset.js'
import type { Templates } from '../render/templates.js'
import type { SiteView } from '../render/page-context.js'
import type { LoadedArticle, Settings } from '../types.js'
import type { ArticleBytes } from './article-tasks.js'

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
      articles: unknown[]
    }

let cachedStore: { id: string; store: DataStore } | undefined
let cachedTemplates: { root: string; templates: Templates } | undefined

/** Runs one task; returns wire values. */
export default async function run(task: WorkerTask): Promise<unknown> {
  if (task.kind === 'load') return toWire(loadBatch(task.items, task.settings))
  const store = storeOf(task.store)
  const templates = await templatesOf(task.root)
  const articles = fromWire<LoadedArticle[]>(task.articles)
  const processed = processBatch(articles, {
    settings: task.settings,
    strict: task.strict,
    store,
    brief: {
      settings: task.settings,
      site: task.site,
      templates,
      dataPaths: new Set(task.dataPaths)
    }
  })
  // The main thread holds the loaded articles already: only what checking added goes back, as
  // the bytes the build cache keeps.
  return processed.map((item) => resultBytes(item.article, item.brief))
}

function storeOf(reference: { id: string; bytes: SharedArrayBuffer }): DataStore {
  if (cachedStore?.id !== reference.id) {
    const datasets = deserialize(Buffer.from(reference.bytes)) as Map<string, Dataset>
    cachedStore = { id: reference.id, store: createDataStore(datasets) }
  }
  return cachedStore.store
}

async function templatesOf(root: string): Promise<Templates> {
  if (cachedTemplates?.root !== root) {
    // Template problems were reported by the main thread's own load; here only the result matters.
    cachedTemplates = { root, templates: (await loadTemplates(root)).templates }
  }
  return cachedTemplates.templates
}
