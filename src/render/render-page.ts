/**
 * One HTML page from the templates: the page template renders the main content, the `base` layout
 * wraps it in the document. A template that fails at render time is a `template-error` problem at
 * the template or partial and the line it failed on, never a crash (SPEC 9; see render-trace.ts).
 */
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
  repeated: { partial: string; items: readonly T[]; view: (item: T) => object },
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
  return {
    *chunks() {
      yield head
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as T
        try {
          yield renderTraced(templates, partial, view(item), {
            data: {
              root: shell,
              index,
              key: index,
              first: index === 0,
              last: index === items.length - 1
            }
          })
        } catch (error) {
          problems.push(renderProblem(error, partial.file))
          return
        }
      }
      yield tail
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
