/**
 * Stage 1 as the build runs it: every article loaded (from the cache's index where its bytes are
 * unchanged, `load-stage.ts`), the published ones picked out with the problems between them, and
 * the data files their checks read, each read once for both its table and the digest that keys
 * the checks.
 */
import type { ArticleFile } from '../article/article-file.js'
import { problemsOf } from '../article/article-file.js'
import { keepLoadKeys, takeLoadKeys } from '../cache/build-session.js'
import type { IndexEntry } from '../cache/cache-index.js'
import { loadDataStore } from '../checks/datasets/load-data-store.js'
import type { LoadedData } from '../checks/datasets/load-data-store.js'
import { isPublished, rejectDuplicatePermalinks } from '../content/published.js'
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { BuildOptions } from '../build.js'
import type { SiteProblem } from '../types.js'
import { distinctSorted } from './distinct-sorted.js'
import { loadRunner } from './load-progress.js'
import { loadArticles } from './load-stage.js'
import type { LoadSalt, LoadStage } from './load-stage.js'

/** What stage 1 hands stage 2. */
export interface StageOne extends LoadStage, Pick<LoadedData, 'store' | 'digests'> {
  /** Every article file that is published (not a draft, not embargoed), loaded or not. */
  published: ArticleFile[]
  /** What the report is made of before any check, by file: hashed into its fingerprint. */
  loadProblems: Map<string, string>
}

/** Runs stage 1 on `files`; the data files' problems go into `siteProblems`. */
export async function runStageOne(
  files: readonly string[],
  options: BuildOptions,
  load: {
    index: ReadonlyMap<string, IndexEntry>
    salt: LoadSalt
    saltKey: string
    runner: ArticleRunner
  },
  siteProblems: SiteProblem[]
): Promise<StageOne> {
  const { root, session } = options
  const known = session && takeLoadKeys(session, load.saltKey)
  const runner = loadRunner(load.runner, options)
  const stage = await loadArticles(files, root, load.salt, load.index, runner, known)
  if (session) {
    const keys = new Map([...stage.entries].map(([file, slot]) => [file, slot.key]))
    keepLoadKeys(session, load.saltKey, keys)
  }
  options.onProgress?.('loaded', stage.loaded.length, stage.loaded.length)
  const published = stage.loaded.filter((file) => isPublished(file, options))
  // Problems between articles (a shared permalink) belong to this build, not to the cached load.
  rejectDuplicatePermalinks(published)
  const loadProblems = new Map(
    published.map((file) => [file.path, JSON.stringify(problemsOf(file))])
  )
  const dataPaths = distinctSorted(published, (file) => file.data.frontmatter?.data ?? {})
  const { store, problems, digests } = await loadDataStore(
    root,
    dataPaths,
    session ? { kept: session.data } : {}
  )
  siteProblems.push(...problems)
  return { ...stage, published, loadProblems, store, digests }
}
