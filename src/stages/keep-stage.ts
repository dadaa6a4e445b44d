/**
 * What stages 1 and 2 leave for the next build: the cache's index, which records every load
 * (settled in this build or not: a draft, an embargo, an article in error), so that the next build
 * decodes none of them again; and, in a resident session, what stage 2 made of each article, for
 * the next build to take up untouched (`kept-articles.ts`).
 */
import type { ArticleCache } from '../cache/article-cache.js'
import type { IndexEntry } from '../cache/cache-index.js'
import { leaveForAfter } from '../cache/build-session.js'
import type { BuildSession } from '../cache/build-session.js'
import { recordImages } from '../images/image-keys.js'
import type { LoadRecord } from '../article/article-records.js'
import { keptOf } from './kept-articles.js'
import type { CacheSlots } from './load-stage.js'

/** What the stages made, as `keepStages` records it. */
export interface StagesMade {
  /** Every loaded article file, and the load record of each. */
  loaded: readonly { path: string }[]
  records: ReadonlyMap<string, LoadRecord>
  entries: CacheSlots
  /** The local images each loaded article's body shows, by file. */
  bodyImages: ReadonlyMap<string, readonly string[]>
  /** The index entries stage 2 settled, by load key; the loads it did not settle are added. */
  nextIndex: Map<string, IndexEntry>
  /** The articles stage 2 settled, and what the session keeps of each (see `keptOf`). */
  ready: readonly { path: string }[]
  made: Omit<Parameters<typeof keptOf>[1], 'entries' | 'nextIndex'>
}

/**
 * Records `stages` in `cache` (whose index it reads what the build did not settle from) and, when
 * a session's build shares inputs `frame`, in the session: a session's build hands its result
 * over first and keeps afterwards (`leaveForAfter`), a one-off build keeps before it goes on.
 */
export async function keepStages(
  cache: ArticleCache,
  index: ReadonlyMap<string, IndexEntry>,
  stages: StagesMade,
  session: BuildSession | undefined,
  frame: string | undefined
): Promise<void> {
  const { entries, nextIndex } = stages
  for (const file of stages.loaded) {
    const slot = entries.get(file.path)
    const record = stages.records.get(file.path)
    if (slot && record && !nextIndex.has(slot.key))
      nextIndex.set(slot.key, index.get(slot.key) ?? { load: record })
  }
  recordImages(nextIndex, entries, stages.bodyImages)
  const keep = async (): Promise<void> => {
    await cache.finish(nextIndex)
    if (session && frame !== undefined)
      session.articles = {
        frame,
        articles: keptOf(stages.ready, {
          ...stages.made,
          entries,
          // As `finish` left it: where each entry's results now lie, packs compacted.
          nextIndex: session.index ?? nextIndex
        })
      }
  }
  if (session && frame !== undefined) leaveForAfter(session, keep)
  else await keep()
}
