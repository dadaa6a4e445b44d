/**
 * The dev server's rehearsal of a save (issue 21). The first saves after a start ran on code
 * the start had not made hot: a warm start takes every article from the cache, and a cold one
 * checks them in worker threads, so the main thread had never parsed, checked or rendered an
 * article, and its passes over the site had run once. At 4,000 articles the first save took
 * 0.6-0.85 s and the next few 0.3-0.4 s, against ~0.2 s once warm. So once the site is
 * served, while the editor reads, the server rebuilds a few times with nothing changed but one
 * article checked and rendered again (`BuildOptions.recheck`), and throws the result away: its
 * pages are the ones served, as every result is the kept one. A save stops the rehearsal; one
 * rebuild under way is finished first.
 */
import { debuglog } from 'node:util'
import type { BuildQueue } from './build-queue.js'

/** What the rehearsals took, on stderr with `NODE_DEBUG=factdesk-dev`. */
const rehearsalDebug = debuglog('factdesk-dev')

/** Rehearsals after a start: the saves after them were measured as quick as later ones. */
export const defaultRehearsals = 4

/** No rehearsal starts after this long: on a very large site one rebuild takes seconds. */
const rehearsalBudgetMs = 3000

/**
 * The articles to rehearse with, one per rehearsal: spread over the site's articles that have a
 * page (`pages`, by article file), so that each takes its own paths through the code.
 */
export function rehearsalArticles(pages: ReadonlyMap<string, string>, count: number): string[] {
  const articles = [...pages.keys()].sort()
  if (articles.length === 0) return []
  const picked = new Set<string>()
  for (let i = 0; i < count; i++) {
    const article = articles[Math.floor(((i + 0.5) * articles.length) / count)]
    if (article !== undefined) picked.add(article)
  }
  return [...picked]
}

/**
 * Rehearses a save of each of `articles` in turn, each when the queue is idle, until a change
 * comes (the queue is then busy with its build), the server stops, or the time is spent.
 */
export async function rehearseSaves(options: {
  articles: readonly string[]
  rehearse: (article: string) => Promise<void>
  queue: Pick<BuildQueue, 'whenIdle'>
  stopped: () => boolean
}): Promise<void> {
  const began = performance.now()
  for (const article of options.articles) {
    if (options.stopped() || performance.now() - began > rehearsalBudgetMs) return
    const started = performance.now()
    if (!(await options.queue.whenIdle(() => options.rehearse(article)))) return
    rehearsalDebug('rehearsed a save of %s in %d ms', article, performance.now() - started)
  }
}
