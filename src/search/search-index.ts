/**
 * The search index of the briefs (issue 19), made by pagefind: a static index of fragments that
 * its own browser script loads on demand, so search works from `dist/` on every static host.
 *
 * Why briefs are kept as their `<main>` only, and fed in path order at the end: pagefind's output
 * depends on the order pages are added, and stage 2 finishes briefs in whatever order the worker
 * threads do. Keeping each brief's main region (no head, navigation or footer) as bytes until
 * every brief is known makes the index byte-identical for the same input at a fraction of the
 * pages' memory; pagefind itself runs in its own process.
 */
import * as pagefind from 'pagefind'
import { siteHref } from '../render/urls.js'
import type { OutputFile, Settings } from '../types.js'

/** Where the index and pagefind's scripts go in the site. */
export const searchFolder = 'pagefind'

/**
 * What is not the story: the fact-check panel, links to sections and tags, sources, photo
 * credits. The title of a result is the brief's `<h1>`, pagefind's default.
 */
const excluded = [
  '.fact-panel',
  'nav',
  'details',
  'figure',
  '.brief__section',
  '.brief__byline',
  '.brief__times',
  '.brief__sources',
  '.brief__tags',
  '.corrections'
]

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The briefs to index, gathered as they are rendered or written. */
export class SearchPages {
  private readonly pages = new Map<string, Uint8Array>()

  /** Keeps the main region of the brief at output file `path` (e.g. `us/x/index.html`). */
  add(path: string, content: string | Uint8Array): void {
    const html = typeof content === 'string' ? content : decoder.decode(content)
    this.pages.set(path, encoder.encode(mainOf(html)))
  }

  get size(): number {
    return this.pages.size
  }

  /** The briefs by output file, in path order. */
  sorted(): [path: string, main: Uint8Array][] {
    return [...this.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }
}

/**
 * The files of the index under `pagefind/`: one fragment per brief, the word index, and
 * pagefind's scripts and styles (its UI among them). Result links carry `base`.
 */
export async function searchFiles(
  pages: SearchPages,
  settings: Pick<Settings, 'base' | 'language'>
): Promise<OutputFile[]> {
  const created = await pagefind.createIndex({
    rootSelector: 'main',
    excludeSelectors: excluded,
    forceLanguage: primaryLanguage(settings.language),
    writePlayground: false
  })
  try {
    const { index } = created
    if (!index) throw new Error(`pagefind could not start: ${created.errors.join('; ')}`)
    for (const [path, main] of pages.sorted()) {
      const added = await index.addHTMLFile({
        url: siteHref(settings, sitePathOf(path)),
        content: `<html><body>${decoder.decode(main)}</body></html>`
      })
      if (added.errors.length > 0)
        throw new Error(`pagefind refused ${path}: ${added.errors.join('; ')}`)
    }
    const { files, errors } = await index.getFiles()
    if (errors.length > 0) throw new Error(`pagefind failed: ${errors.join('; ')}`)
    return files
      .map((file) => ({ path: `${searchFolder}/${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  } finally {
    await pagefind.close()
  }
}

/** The `<main>` element of a page, or the page when it has none (a site's own template). */
function mainOf(html: string): string {
  const start = html.search(/<main[\s>]/)
  const end = html.lastIndexOf('</main>')
  return start === -1 || end < start ? html : html.slice(start, end + '</main>'.length)
}

/** `us/x/index.html` is served at `/us/x/`. */
function sitePathOf(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`
}

/** Pagefind stems words by ISO 639-1 language: `fr` of `fr-CA`. */
function primaryLanguage(language: string): string {
  return language.split('-')[0]?.toLowerCase() || 'en'
}
