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
 * What is not the story: the fact-check panel and the line counting its checks, links to sections
 * and tags, sources, photo credits. The title of a result is the brief's `<h1>`, pagefind's default.
 */
const excluded = [
  '.fact-panel',
  '.fact-line',
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

/**
 * The interfaces of pagefind the search page does not load (its component and modular UIs, the
 * highlighter of result pages): 300 KB a site need not publish. The page loads `pagefind-ui.*`,
 * which loads `pagefind.js`, the WebAssembly and the index.
 */
const unused = /^pagefind-(?:component-ui|modular-ui)\.(?:js|css)$|^pagefind-highlight\.js$/

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A file of the index: pagefind gives bytes. */
export interface IndexFile extends OutputFile {
  content: Uint8Array
}

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
): Promise<IndexFile[]> {
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
      .filter((file) => !unused.test(file.path))
      .map((file) => ({ path: `${searchFolder}/${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  } finally {
    await pagefind.close()
  }
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

/** `us/x/index.html` is served at `/us/x/`. */
function sitePathOf(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`
}

/** Pagefind stems words by ISO 639-1 language: `fr` of `fr-CA`. */
function primaryLanguage(language: string): string {
  return language.split('-')[0]?.toLowerCase() || 'en'
}
