/**
 * One pagefind index being fed (issue 21, item 6), so that a build can hand pagefind each brief
 * while the other briefs are still being checked, rather than all of them at the end, where
 * pagefind's work (about 9 s of CPU at 4,000 articles) was the last thing a cold build waited for.
 *
 * Pagefind's index depends on the order pages are added. Its service happens to read messages one
 * after another, but its API does not promise it: so each page is sent once the one before it was
 * answered. The round trip that made sending 4,000 pages slow at the end costs nothing while the
 * articles are checked.
 */
import * as pagefind from 'pagefind'
import { siteHref } from '../render/urls.js'
import type { OutputFile, Settings } from '../types.js'
import { byCodeUnits } from '../text/code-unit-order.js'

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

const decoder = new TextDecoder()

/** A file of the index: pagefind gives bytes. */
export interface IndexFile extends OutputFile {
  content: Uint8Array
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>

/** An index taking pages in the order `add` is called; `files` ends it, `cancel` drops it. */
export class IndexFeed {
  private readonly index: Promise<PagefindIndex>
  /** The pages sent so far, one after another: the first refusal fails the index. */
  private chain: Promise<void>
  private count = 0

  constructor(private readonly settings: Pick<Settings, 'base' | 'language'>) {
    this.index = pagefind
      .createIndex({
        rootSelector: 'main',
        excludeSelectors: excluded,
        forceLanguage: primaryLanguage(settings.language),
        writePlayground: false
      })
      .then(({ index, errors }) => {
        if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`)
        return index
      })
    this.chain = this.index.then(() => undefined)
    // Seen by `files` or `cancel`; until then a failed start must not end the process.
    this.chain.catch(() => {})
  }

  /** Pages sent so far. */
  get size(): number {
    return this.count
  }

  /**
   * Sends the brief at output file `path` (`us/x/index.html`) after the pages before it, `main`
   * being its main region as `mainOf` made it.
   */
  add(path: string, main: Uint8Array): void {
    this.count += 1
    this.chain = this.chain.then(async () => {
      const added = await (
        await this.index
      ).addHTMLFile({
        url: siteHref(this.settings, sitePathOf(path)),
        content: `<html><body>${decoder.decode(main)}</body></html>`
      })
      if (added.errors.length > 0)
        throw new Error(`pagefind refused ${path}: ${added.errors.join('; ')}`)
    })
    this.chain.catch(() => {})
  }

  /**
   * The files of the index under `pagefind/`: one fragment per brief, the word index, and
   * pagefind's scripts and styles (its UI among them). Result links carry `base`. Ends the
   * service.
   */
  async files(): Promise<IndexFile[]> {
    try {
      const index = await this.index
      await this.chain
      const { files, errors } = await index.getFiles()
      if (errors.length > 0) throw new Error(`pagefind failed: ${errors.join('; ')}`)
      return files
        .filter((file) => !unused.test(file.path))
        .map((file) => ({ path: `${searchFolder}/${file.path}`, content: file.content }))
        .sort((a, b) => byCodeUnits(a.path, b.path))
    } finally {
      await pagefind.close()
    }
  }

  /** Ends the service without making the index (its pages were not the build's). */
  async cancel(): Promise<void> {
    await this.chain.catch(() => {})
    await pagefind.close()
  }
}

/** `us/x/index.html` is served at `/us/x/`. */
function sitePathOf(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`
}

/** Pagefind stems words by ISO 639-1 language: `fr` of `fr-CA`. */
function primaryLanguage(language: string): string {
  return language.split('-')[0]?.toLowerCase() || 'en'
}
