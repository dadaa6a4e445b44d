/**
 * Serves one finished build from memory, as a static host would serve `dist/` (SPEC 8): under
 * the site's `base`, `/dir/` as `dir/index.html`, `/dir` redirected to `/dir/`, and `404.html`
 * with status 404 for anything else. HTML pages get the live-reload client, and the problem
 * overlay when the build failed (or the "Rebuilding…" badge when it passed).
 *
 * Why a handler over a Map and not `sirv`: the build is in memory (`build({ write: false })`),
 * and the server must swap from one whole build to the next in a single step, never serving
 * half of each. sirv serves a folder, so it would need every build written to disk and a folder
 * swap under a running server, and it would still need a wrapper for the injection and the
 * 404 page. Over a Map the swap is one assignment, and what remains is this lookup.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentTypeOf, isHtmlPath } from './content-type.js'
import { clientTag } from './live-reload.js'
import { escapeHtml } from './overlay.js'
import { badgeStatus, badgeStyleSheet } from './rebuild-status.js'

/** One build as the server holds it; replaced whole when the next build finishes. */
export interface ServedSite {
  /**
   * Output files by path relative to the output folder (`2025/11/04/slug/index.html`); a file
   * the build left to be made when first read (`LaterFile`) is how to make it.
   */
  files: ReadonlyMap<string, ServedContent>
  /** The site's `base`, with leading and trailing slash. */
  base: string
  /** Counts builds; pages carry it so the live-reload client can tell an old page. */
  buildId: number
  /**
   * Overlay HTML for the page at `path` (an output path, or `` for a page the build has not),
   * listing the build's problems with that page's first and its suggested checks; empty when
   * the build passed and the page has no suggestion. It may be worked out on demand.
   */
  overlayFor(path: string): string | Promise<string>
  /**
   * A file the build did not make but the server makes when asked (the search index, see
   * `dev-search.ts`): its bytes, or undefined when there is no such file.
   */
  lazyFile?(path: string): Promise<Uint8Array | undefined>
}

/**
 * A served file's content, or how to get it when it is asked for: made once (a `LaterFile`), or
 * read from the site kept at the last stop (`stored-site.ts`).
 */
export type ServedContent = string | Uint8Array | (() => string | Uint8Array)

/** The content of a served file, made or read now when it was left for later. */
export function contentOf(content: ServedContent): string | Uint8Array
export function contentOf(content: ServedContent | undefined): string | Uint8Array | undefined
export function contentOf(content: ServedContent | undefined): string | Uint8Array | undefined {
  return typeof content === 'function' ? content() : content
}

const notFoundPage = '404.html'

/** Answers `request` from `site`; settles once the answer is sent. */
export async function serveSite(
  site: ServedSite,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    send(response, method, 405, 'text/plain; charset=utf-8', 'only GET and HEAD are served\n', {
      Allow: 'GET, HEAD'
    })
    return
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    send(
      response,
      method,
      400,
      'text/plain; charset=utf-8',
      'the path is not valid percent-encoding\n'
    )
    return
  }
  if (!pathname.startsWith(site.base)) {
    // A site hosted under a sub-path is still found from the server's root.
    if (pathname === '/' || `${pathname}/` === site.base)
      redirect(response, method, `${site.base}${url.search}`)
    else await notFound(site, response, method, pathname)
    return
  }
  const relative = pathname.slice(site.base.length)
  const found = lookUp(site.files, relative)
  const made = found === undefined ? await site.lazyFile?.(relative) : undefined
  if (made !== undefined) {
    send(response, method, 200, contentTypeOf(relative), made)
  } else if (found === undefined) {
    await notFound(site, response, method, pathname)
  } else if (found.kind === 'directory') {
    redirect(response, method, `${url.pathname}/${url.search}`)
  } else {
    await serveFile(site, response, method, 200, found.path)
  }
}

type Found = { kind: 'file'; path: string } | { kind: 'directory' }

/** The file a relative URL path names: `a/` and `` are folders, whose page is `index.html`. */
function lookUp(files: ServedSite['files'], relative: string): Found | undefined {
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`
    return files.has(index) ? { kind: 'file', path: index } : undefined
  }
  if (files.has(relative)) return { kind: 'file', path: relative }
  return files.has(`${relative}/index.html`) ? { kind: 'directory' } : undefined
}

async function serveFile(
  site: ServedSite,
  response: ServerResponse,
  method: string,
  status: number,
  path: string
): Promise<void> {
  const content = contentOf(site.files.get(path)) ?? ''
  const type = contentTypeOf(path)
  if (!isHtmlPath(path)) {
    send(response, method, status, type, content)
    return
  }
  const html = typeof content === 'string' ? content : new TextDecoder().decode(content)
  send(response, method, status, type, injectBeforeBodyEnd(html, await devSnippet(site, path)))
}

/** What every served page gets: the overlay or the rebuild badge, then the client. */
async function devSnippet(site: ServedSite, path: string): Promise<string> {
  const overlay = await site.overlayFor(path)
  const status = overlay === '' ? badgeStatus() : `${badgeStyleSheet()}${overlay}`
  return `${status}${clientTag(site.buildId)}`
}

async function notFound(
  site: ServedSite,
  response: ServerResponse,
  method: string,
  pathname: string
): Promise<void> {
  if (site.files.has(notFoundPage)) {
    await serveFile(site, response, method, 404, notFoundPage)
    return
  }
  // Before the first build is done, the page is not there yet: the client reloads it once it is.
  if (site.buildId === 0) {
    const page =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Building…</title></head>' +
      // Room at the top for the corner badge that counts the articles built.
      '<body style="margin:0;padding:4rem 1rem 1rem;font-family:system-ui,sans-serif;line-height:1.5">' +
      `<h1>Building the site</h1><p>The page at <code>${escapeHtml(pathname)}</code> is not built yet. It will show here by itself when it is.</p></body></html>`
    const snippet = await devSnippet(site, '')
    send(response, method, 503, 'text/html; charset=utf-8', injectBeforeBodyEnd(page, snippet), {
      'Retry-After': '1'
    })
    return
  }
  // No 404 page: the site has none, or the first build made nothing. Still a page, so that the
  // overlay can say why and the client can reload once a build succeeds.
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body>' +
    `<h1>Not found</h1><p>This build has no page at <code>${escapeHtml(pathname)}</code>.</p></body></html>`
  send(
    response,
    method,
    404,
    'text/html; charset=utf-8',
    injectBeforeBodyEnd(page, await devSnippet(site, ''))
  )
}

/**
 * `html` with `snippet` before its last `</body>`, or at its end when it has none (the browser
 * then places it in the body itself).
 */
export function injectBeforeBodyEnd(html: string, snippet: string): string {
  const at = html.toLowerCase().lastIndexOf('</body')
  return at === -1 ? `${html}${snippet}` : `${html.slice(0, at)}${snippet}${html.slice(at)}`
}

/** 302, not 301: browsers keep 301s forever, and the next build may change `base` or the page. */
function redirect(response: ServerResponse, method: string, location: string): void {
  send(response, method, 302, 'text/plain; charset=utf-8', `moved to ${location}\n`, {
    Location: location
  })
}

function send(
  response: ServerResponse,
  method: string,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Readonly<Record<string, string>> = {}
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.byteLength),
    // Every build replaces the files; a cached copy would show an editor the wrong version.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers
  })
  response.end(method === 'HEAD' ? undefined : bytes)
}
