/**
 * The search index in `factdesk dev` (issue 21). A build made pagefind index every brief of the
 * site again: about 20 seconds and 0.9 GB at 4,000 articles, on every save. The dev server builds
 * without it and makes the index only when a page asks for a file of it (someone typed in the
 * search box), from the briefs it serves; the index of the same briefs is made once, however many
 * builds pass before search is used again.
 */
import { contentOf } from './serve-site.js'
import { hashAll } from '../cache/memo-key.js'
import { SearchPages, searchFiles, searchFolder } from '../search/search-index.js'
import type { Settings } from '../types.js'
import type { DevSite } from './next-site.js'

/** The briefs a served build would index, and the settings its links are made with. */
export interface SearchSource {
  settings: Pick<Settings, 'base' | 'language' | 'search'>
  /** Output paths of the briefs (`2025/11/04/story/index.html`) with their bytes. */
  briefs: () => Iterable<readonly [path: string, content: string | Uint8Array]>
}

/** Makes each served build's index when first asked, keeping the last one made. */
export interface DevSearch {
  /**
   * The file at output path `path` under `pagefind/` of the index of `source`; undefined when the
   * site has no search or the index has no such file.
   */
  file(source: SearchSource, path: string): Promise<Uint8Array | undefined>
}

export function createDevSearch(): DevSearch {
  let last: { key: string; files: Promise<Map<string, Uint8Array>> } | undefined
  // A search asks for a dozen files: the briefs of one build are read for its key once.
  const ofSource = new WeakMap<SearchSource, Promise<Map<string, Uint8Array>>>()
  const indexOf = (source: SearchSource): Promise<Map<string, Uint8Array>> => {
    const pages = new SearchPages()
    for (const [page, content] of source.briefs()) pages.add(page, content)
    const { base, language } = source.settings
    const key = hashAll([base, language, ...pages.sorted().flat()])
    if (last?.key === key) return last.files
    const files = searchFiles(pages, source.settings).then(
      (made) => new Map(made.map((file) => [file.path, file.content]))
    )
    last = { key, files }
    // A failed index is made again on the next request, not kept.
    files.catch(() => {
      if (last?.key === key) last = undefined
      ofSource.delete(source)
    })
    return files
  }
  return {
    async file(source, path) {
      if (!source.settings.search || !path.startsWith(`${searchFolder}/`)) return undefined
      let files = ofSource.get(source)
      if (files === undefined) ofSource.set(source, (files = indexOf(source)))
      return (await files).get(path)
    }
  }
}

/** `site`, serving the index of its briefs from `search` when a page asks for it. */
export function withSearch(
  site: DevSite,
  settings: SearchSource['settings'],
  search: DevSearch
): DevSite {
  return { ...site, lazyFile: searchedIn(site.pages, site.files, settings, search) }
}

/**
 * How the index of the briefs `pages` names in `files` is served. Made out of `withSearch`'s
 * scope and given only the two maps: a closure that held `site` held the site before it too (a
 * patched save's site is the last one's fields, `lazyFile` included), and so every site since the
 * start (200 KB a save at 4,000 articles).
 */
function searchedIn(
  pages: DevSite['pages'],
  files: DevSite['files'],
  settings: SearchSource['settings'],
  search: DevSearch
): (path: string) => Promise<Uint8Array | undefined> {
  const source: SearchSource = {
    settings,
    *briefs() {
      for (const page of pages.values()) {
        const content = contentOf(files.get(page))
        if (content !== undefined) yield [page, content]
      }
    }
  }
  return (path) => search.file(source, path)
}
