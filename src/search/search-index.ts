/**
 * The search index of the briefs (issue 19), made by pagefind: a static index of fragments that
 * its own browser script loads on demand, so search works from `dist/` on every static host.
 *
 * Why briefs are kept as their `<main>` only, and fed in path order: pagefind's output depends on
 * the order pages are added, and stage 2 finishes briefs in whatever order the worker threads do.
 * Keeping each brief's main region (no head, navigation or footer) as bytes until every brief
 * before it is known makes the index byte-identical for the same input at a fraction of the
 * pages' memory; pagefind itself runs in its own process (`index-feed.ts`).
 */
import { IndexFeed } from './index-feed.js'
import type { IndexFile } from './index-feed.js'
import type { Settings } from '../types.js'
import { byCodeUnits } from '../text/code-unit-order.js'

export { searchFolder } from './index-feed.js'
export type { IndexFile } from './index-feed.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The briefs to index, gathered as they are rendered or written. */
export class SearchPages {
  private readonly pages = new Map<string, Uint8Array>()

  /** Keeps the main region of the brief at output file `path` (e.g. `us/x/index.html`). */
  add(path: string, content: string | Uint8Array): void {
    this.pages.set(path, mainOf(content))
  }

  /** Keeps `main`, the main region of the brief at `path` as `mainOf` made it. */
  addMain(path: string, main: Uint8Array): void {
    this.pages.set(path, main)
  }

  get size(): number {
    return this.pages.size
  }

  /** The briefs by output file, in path order. */
  sorted(): [path: string, main: Uint8Array][] {
    return [...this.pages].sort(([a], [b]) => byCodeUnits(a, b))
  }
}

/**
 * The files of the index under `pagefind/`: one fragment per brief, the word index, and
 * pagefind's scripts and styles (its UI among them). Result links carry `base`.
 */
export async function searchFiles(
  pages: SearchPages,
  settings: Pick<Settings, 'base' | 'language'>
): Promise<IndexFile[]> {
  const feed = new IndexFeed(settings)
  for (const [path, main] of pages.sorted()) feed.add(path, main)
  return feed.files()
}

/**
 * The `<main>` element of a page, or the page when it has none (a site's own template), as the
 * index reads it: without its fact-check panels, which pagefind would skip (`excluded`) and which
 * are most of a brief's bytes (the checks, their tables and charts), so that the build cache
 * keeps and pagefind parses only the story.
 */
export function mainOf(content: string | Uint8Array): Uint8Array {
  const html = typeof content === 'string' ? content : decoder.decode(content)
  const start = html.search(/<main[\s>]/)
  const end = html.lastIndexOf('</main>')
  const main = start === -1 || end < start ? html : html.slice(start, end + '</main>'.length)
  return encoder.encode(withoutPanels(main))
}

const panelStart = /<aside\b[^>]*\bclass="fact-panel[\s"]/g
const asideTag = /<aside[\s>]|<\/aside>/g

/**
 * `html` without each `<aside class="fact-panel">` element, nested asides counted; a panel left
 * unclosed (a site's own template) is kept, for pagefind to skip.
 */
function withoutPanels(html: string): string {
  let kept = ''
  let from = 0
  panelStart.lastIndex = 0
  for (let found = panelStart.exec(html); found; found = panelStart.exec(html)) {
    asideTag.lastIndex = found.index + 1
    let depth = 1
    let tag: RegExpExecArray | null = null
    while (depth > 0 && (tag = asideTag.exec(html))) depth += tag[0] === '</aside>' ? -1 : 1
    if (depth > 0 || !tag) break
    kept += html.slice(from, found.index)
    from = tag.index + tag[0].length
    panelStart.lastIndex = from
  }
  return kept + html.slice(from)
}
