/**
 * Answers one request from a built folder the way a static host does (issue 18, item 3), so that
 * `factdesk preview` shows the site as readers will get it: the site lives under its `base`
 * (`/` is sent there, anything outside it is not found), folders are served by their
 * `index.html` and asked for without their slash are redirected with a 301, unknown paths get the
 * site's `404.html` with status 404, each file its content type, and `ETag`/`Last-Modified` with
 * `304` for a copy the browser already has, and single byte ranges for media. The dev server's
 * in-memory twin is `dev/serve-site.ts`.
 */
import { createReadStream } from 'node:fs'
import { contentTypeOf } from '../dev/content-type.js'
import { byteRangeOf } from './byte-range.js'
import { isNotModified, validatorsOf } from './conditional-get.js'
import { fileAt, locateFile } from './locate-file.js'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Stats } from 'node:fs'

/** The built site as the preview serves it. */
export interface ServedFolder {
  /** Real path of the built folder. */
  folder: string
  /** The site's `base` setting, with leading and trailing slash. */
  base: string
}

const textType = 'text/plain; charset=utf-8'

/** Answers `request` from `site`; resolves when the answer is sent or under way. */
export async function serveFolder(
  site: ServedFolder,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(response, method, 405, 'only GET and HEAD are served\n', { Allow: 'GET, HEAD' })
    return
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    sendText(response, method, 400, 'the path is not valid percent-encoding\n')
    return
  }
  if (!pathname.startsWith(site.base)) {
    // The preview's root is not the site's when it lives under a sub-path: send it there, as a
    // convenience (302: no host does this, so no browser should remember it).
    if (pathname === '/' || `${pathname}/` === site.base)
      sendText(response, method, 302, `moved to ${site.base}\n`, {
        Location: `${site.base}${url.search}`
      })
    else await notFound(site, response, method)
    return
  }
  const found = await locateFile(site.folder, pathname.slice(site.base.length))
  if (found.kind === 'folder') {
    // Hosts answer so, permanently: relative links in the page resolve from the folder.
    const location = `${url.pathname}/${url.search}`
    sendText(response, method, 301, `moved to ${location}\n`, { Location: location })
  } else if (found.kind === 'file') {
    sendFile(request, response, method, 200, found.path, found.stats)
  } else {
    await notFound(site, response, method)
  }
}

async function notFound(
  site: ServedFolder,
  response: ServerResponse,
  method: string
): Promise<void> {
  // The host's 404 page is the one at the top of the published folder, `base` or not.
  const page = await fileAt(site.folder, '404.html')
  if (page.kind === 'file') sendFile(undefined, response, method, 404, page.path, page.stats)
  else sendText(response, method, 404, 'not found (this build has no 404.html)\n')
}

/** Sends a file; `request` is given when a conditional GET may answer 304. */
function sendFile(
  request: IncomingMessage | undefined,
  response: ServerResponse,
  method: string,
  status: number,
  path: string,
  stats: Stats
): void {
  const validators = validatorsOf(stats)
  const headers = {
    'Content-Type': contentTypeOf(path),
    ETag: validators.etag,
    'Last-Modified': validators.lastModified,
    // Revalidate every time: the next build may have changed a file, and a 304 is cheap.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff'
  }
  if (request !== undefined && isNotModified(request.headers, validators)) {
    response.writeHead(304, headers).end()
    return
  }
  const range =
    request === undefined ? undefined : byteRangeOf(request.headers, stats.size, validators.etag)
  if (range === 'unsatisfiable') {
    sendText(response, method, 416, 'the range asked for is not in this file\n', {
      'Content-Range': `bytes */${stats.size}`
    })
    return
  }
  const { start, end } = range ?? { start: 0, end: stats.size - 1 }
  response.writeHead(range === undefined ? status : 206, {
    ...headers,
    'Accept-Ranges': 'bytes',
    'Content-Length': String(Math.max(end - start + 1, 0)),
    ...(range === undefined ? {} : { 'Content-Range': `bytes ${start}-${end}/${stats.size}` })
  })
  if (method === 'HEAD' || stats.size === 0) {
    response.end()
    return
  }
  const stream = createReadStream(path, { start, end })
  // A file removed by a build in between: the headers are gone, so the answer is cut short.
  stream.on('error', () => response.destroy())
  stream.pipe(response)
}

function sendText(
  response: ServerResponse,
  method: string,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {}
): void {
  const bytes = Buffer.from(text, 'utf8')
  response.writeHead(status, {
    'Content-Type': textType,
    'Content-Length': String(bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    ...headers
  })
  response.end(method === 'HEAD' ? undefined : bytes)
}
