/**
 * One HTML page from the templates: the page template renders the main content, the `base` layout
 * wraps it in the document. A template that fails at render time is a `template-error` problem at
 * the template or partial and the line it failed on, never a crash (SPEC 9; see render-trace.ts).
 */
import type { PieceCache } from './piece-cache.js'
import type { DateTime } from 'luxon'
import type { Problem, SiteProblem } from '../types.js'
import { renderTraced } from './render-trace.js'
import { renderProblem } from './template-problems.js'
import type { Templates } from './templates.js'

/** The layout every page is rendered in. */
const layoutName = 'base'

/** Renders page template `page` with `context` inside the base layout. */
export function renderPage(
  templates: Templates,
  page: string,
  context: Record<string, unknown>
): { html: string } | { problem: SiteProblem } {
  const pageTemplate = templates.pages.get(page)
  if (pageTemplate === undefined) return { problem: missing(`templates/pages/${page}.hbs`) }
  const layout = templates.layouts.get(layoutName)
  if (layout === undefined) return { problem: missing(`templates/layouts/${layoutName}.hbs`) }
  let content: string
  try {
    content = renderTraced(templates, pageTemplate, context)
  } catch (error) {
    return { problem: renderProblem(error, pageTemplate.file) }
  }
  try {
    return { html: renderTraced(templates, layout, { ...context, content }) }
  } catch (error) {
    return { problem: renderProblem(error, layout.file) }
  }
}

/**
 * Renders like `renderPage`, with the repeated part produced one item at a time: each of `items`
 * through partial `partial`, as the page template's `{{#each}}` would. A report page listing every
 * figure of 40,000 articles is a hundred megabytes, which need never be one string. A page
 * template that does not render its items through that partial (a site's own) is rendered whole.
 * A template that fails while the pieces are written adds its problem to `problems`.
 */
export function renderPagePieces<T>(
  templates: Templates,
  page: string,
  context: (views: readonly object[]) => Record<string, unknown>,
  repeated: {
    partial: string
    items: readonly T[]
    view: (item: T) => object
    /** Pieces kept from the last rendering (`piece-cache.ts`), and what each is made of. */
    kept?: KeptPieces<T>
  },
  problems: Problem[]
): { chunks: () => Iterable<string> } | { problem: SiteProblem } {
  const { items, view } = repeated
  const partial = templates.partialTemplates.get(repeated.partial)
  const pageTemplate = templates.pages.get(page)
  const layout = templates.layouts.get(layoutName)
  const whole = () => renderPage(templates, page, context(items.map(view)))
  const first = items[0]
  if (
    partial === undefined ||
    pageTemplate === undefined ||
    layout === undefined ||
    first === undefined
  )
    return chunksOf(whole())
  // One item rendered as a marker shows where the items go; anything but exactly one marker
  // means the template places them some other way.
  const marker = '\u0000factdesk-pieces\u0000'
  const shell = context([view(first)])
  let parts: string[]
  try {
    const content = renderTraced(templates, pageTemplate, shell, {
      partials: { [repeated.partial]: () => marker }
    })
    parts = renderTraced(templates, layout, { ...shell, content }).split(marker)
  } catch {
    parts = []
  }
  const [head, tail] = parts
  if (parts.length !== 2 || head === undefined || tail === undefined) return chunksOf(whole())
  const kept = keptPieces(templates, repeated.partial, repeated.kept, shell)
  return {
    *chunks() {
      yield head
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as T
        const last = index === items.length - 1
        const made = kept?.of(item, index, last)
        const piece = made?.html
        if (piece !== undefined) {
          yield piece
          continue
        }
        let html: string
        try {
          html = renderTraced(templates, partial, view(item), {
            data: { root: shell, index, key: index, first: index === 0, last }
          })
        } catch (error) {
          problems.push(renderProblem(error, partial.file))
          return
        }
        if (made) kept?.cache.set(made.key, made.also, html)
        yield html
      }
      yield tail
    }
  }
}

/** How a page's repeated pieces may be kept: the cache, and what each piece is made of. */
export interface KeptPieces<T> {
  cache: PieceCache
  /** What every piece depends on besides its item and the templates (settings, labels). */
  generation: string
  /** The object that stands for `item`'s view, and the other objects its view is made of. */
  of(item: T): { key: object; also: readonly unknown[] }
}

/**
 * The pieces kept for this rendering, when the partial reads nothing a piece's item does not
 * give (or its place in the list, or the site view, both keyed here); undefined otherwise.
 */
function keptPieces<T>(
  templates: Templates,
  partial: string,
  kept: KeptPieces<T> | undefined,
  shell: Record<string, unknown>
) {
  const reads = templates.partialReads(partial)
  if (kept === undefined || reads === undefined || reads.other) return undefined
  const site = reads.rootSite ? JSON.stringify(shell['site']) : ''
  kept.cache.begin(JSON.stringify([templates.fingerprint, kept.generation, site]))
  return {
    cache: kept.cache,
    of(item: T, index: number, last: boolean) {
      const { key, also } = kept.of(item)
      const placed = reads.position ? [...also, index, last] : also
      return { key, also: placed, html: kept.cache.get(key, placed) }
    }
  }
}

function chunksOf(
  rendered: { html: string } | { problem: SiteProblem }
): { chunks: () => Iterable<string> } | { problem: SiteProblem } {
  return 'problem' in rendered ? rendered : { chunks: () => [rendered.html] }
}

/** The problem for a template neither the site nor the project provides. */
function missing(file: string): SiteProblem {
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'template-error',
    message: `missing template ${file}: restore the project's default or add the file to the site's templates/`,
    file
  }
}

/** Where a page is served and when it changed: what the sitemap needs of it. */
export type PageRef = Pick<RenderedPage, 'sitePath' | 'lastmod'>

/**
 * A page as UTF-8 bytes, the form briefs travel in from worker threads and sit in memory until
 * written: a page with one dash or ellipsis is a two-bytes-a-character string in V8, so the bytes
 * take a quarter to a half of the text's memory, which a site of 40,000 briefs needs.
 */
export interface EncodedPage extends PageRef {
  bytes: Uint8Array
}

/** A page already written to the output as it was rendered: only where it went is left. */
export interface WrittenPage extends PageRef {
  written: true
}

/** Where a page is served and when it changed, without its content. */
export function refOf(page: PageRef): PageRef {
  return page.lastmod === undefined
    ? { sitePath: page.sitePath }
    : { sitePath: page.sitePath, lastmod: page.lastmod }
}

/** `page` as UTF-8 bytes; problems pass through. */
export function encodePage(
  page: RenderedPage | { problem: SiteProblem }
): EncodedPage | { problem: SiteProblem } {
  if ('problem' in page) return page
  const { html, ...ref } = page
  return { ...ref, bytes: Buffer.from(html) }
}

/** An HTML page of the site, before it becomes a file. */
export interface RenderedPage {
  /** Site path the page is served at, e.g. `/markets/page/2/`. */
  sitePath: string
  html: string
  /** When its content last changed, for the sitemap; absent for pages that carry no articles. */
  lastmod?: DateTime
}
