/**
 * The dev server's "Add this check" endpoint (issue 20, item 4): the overlay's button posts the
 * suggestion it shows, and the server writes it into the article's frontmatter (`addCheck`);
 * the watcher then sees the file change, the site rebuilds, and the page reloads with the figure
 * checked. It is the one request of the dev server that writes a file, so it takes nothing on
 * trust: only a same-origin JSON request (a page of another site can make neither, and the
 * `Host` check has already refused rebinding), a small body, a file the current build reports,
 * and a figure and expression that are one of that file's current suggestions. The client names
 * a suggestion; the path, the `data:` entries and the occurrence written are the server's own.
 */
import { randomBytes } from 'node:crypto'
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isInside, readSiteFile, describeRefusal } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import { addCheck } from '../suggest/add-check.js'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Suggestion } from '../types.js'
import type { ArticleSuggestions } from './dev-suggestions.js'

/** Path of the endpoint; outside every site `base`, like the event stream. */
export const addCheckPath = '/__factdesk/add-check'

/** The largest request body read: a suggestion is a few hundred bytes. */
export const maxAddCheckBody = 16 * 1024

/** The write in progress, if one is: the next waits for it to end. */
let lastWrite: Promise<unknown> = Promise.resolve()

/** What the endpoint reads from the current build. */
export interface AddCheckContext {
  /** The site folder. */
  root: string
  /** An article of the build being served with its suggestions; undefined for another file. */
  suggested: ArticleSuggestions
  /** Where a failure of the server itself is told (a refused request is only answered). */
  log: (line: string) => void
}

/** Answers a request for `addCheckPath` with JSON, `{ ok, message }`; never rejects. */
export async function answerAddCheck(
  request: IncomingMessage,
  response: ServerResponse,
  context: AddCheckContext
): Promise<void> {
  try {
    await answer(request, response, context)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    context.log(`factdesk dev: could not add a check: ${reason}`)
    if (!response.headersSent)
      reply(response, 500, false, 'the check could not be added; see the terminal')
    else response.end()
  }
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  context: AddCheckContext
): Promise<void> {
  const refused = refusal(request)
  if (refused !== undefined) {
    request.resume()
    reply(response, refused.status, false, refused.message, refused.headers)
    return
  }
  const body = await readBody(request)
  if (body === undefined) {
    reply(response, 413, false, `the request is over ${maxAddCheckBody} bytes`)
    return
  }
  const asked = suggestionAsked(body)
  if (typeof asked === 'string') {
    reply(response, 400, false, asked)
    return
  }
  const article = asked.file.startsWith('content/')
    ? await context.suggested(asked.file)
    : undefined
  if (article === undefined) {
    reply(response, 404, false, `${asked.file} is not an article of the current build`)
    return
  }
  const suggestion = article.figures
    .filter((figure) => figure.status === 'unchecked' && figure.text === asked.figure)
    .flatMap((figure) => figure.suggestions ?? [])
    .find((found) => found.expr === asked.expr && found.occurrence === asked.occurrence)
  if (suggestion === undefined) {
    const message = `"${asked.expr}" is not a current suggestion for "${asked.figure}" in ${asked.file}; the page may be older than the last build, reload it`
    reply(response, 409, false, message)
    return
  }
  // One write at a time: two presses in quick succession must not both edit the file as it was.
  const writing = lastWrite.then(() =>
    writeCheck(context.root, asked.file, asked.figure, suggestion)
  )
  lastWrite = writing.catch(() => undefined)
  const written = await writing
  if (written !== undefined) {
    reply(response, 422, false, `${asked.file} was left as it was: ${written}`)
    return
  }
  const message = `added the check of "${asked.figure}" to ${asked.file}; the page reloads once the site is rebuilt`
  reply(response, 200, true, message)
}

/** Why a request is refused before its body is read, or undefined. */
function refusal(
  request: IncomingMessage
): { status: number; message: string; headers?: Record<string, string> } | undefined {
  if (request.method !== 'POST')
    return { status: 405, message: 'only POST is answered here', headers: { Allow: 'POST' } }
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json')
    return { status: 415, message: 'the request must be JSON (Content-Type: application/json)' }
  // `Host` is already one of the server's own (host-check.ts), so this is its own origin.
  const origin = request.headers.origin
  if (
    origin !== undefined &&
    origin.toLowerCase() !== `http://${request.headers.host ?? ''}`.toLowerCase()
  )
    return { status: 403, message: 'only pages of this dev server may add checks' }
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin')
    return { status: 403, message: 'only pages of this dev server may add checks' }
  const length = Number(request.headers['content-length'] ?? 0)
  if (length > maxAddCheckBody)
    return { status: 413, message: `the request is over ${maxAddCheckBody} bytes` }
  return undefined
}

/** The body as text, or undefined once it passes the limit (the rest is read and dropped). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      // Settled once: past the limit, the answer need not wait for the rest.
      if (size <= maxAddCheckBody) chunks.push(chunk)
      else resolve(undefined)
    })
    request.on('end', () =>
      resolve(size > maxAddCheckBody ? undefined : Buffer.concat(chunks).toString('utf8'))
    )
    request.on('error', reject)
  })
}

interface Asked {
  file: string
  figure: string
  expr: string
  occurrence: number | undefined
}

/** The suggestion a body names, or what is wrong with it. */
function suggestionAsked(body: string): Asked | string {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return 'the request is not valid JSON'
  }
  const shape =
    'the request must be {"file", "figure", "expr"} strings, with "occurrence" a whole number or left out'
  if (typeof value !== 'object' || value === null) return shape
  const { file, figure, expr, occurrence } = value as Record<string, unknown>
  if (typeof file !== 'string' || typeof figure !== 'string' || typeof expr !== 'string')
    return shape
  if (occurrence !== undefined && occurrence !== null && !Number.isSafeInteger(occurrence))
    return shape
  return { file, figure, expr, occurrence: typeof occurrence === 'number' ? occurrence : undefined }
}

/**
 * Adds the check to the article at site-relative `file`: read, edited, written to a temporary
 * file beside it and renamed over it, so the watcher and the build see the old file or the new
 * one, never half of one. The temporary's name starts with a dot: the watcher ignores it.
 */
async function writeCheck(
  root: string,
  file: string,
  figure: string,
  suggestion: Suggestion
): Promise<string | undefined> {
  const bytes = await readSiteFile(root, file, sizeLimits.article)
  if (!Buffer.isBuffer(bytes)) return `it could not be read: ${describeRefusal(bytes)}`
  const entry = { figure, expr: suggestion.expr }
  const edited = addCheck(bytes.toString('utf8'), {
    ...entry,
    ...(suggestion.occurrence === undefined ? {} : { occurrence: suggestion.occurrence }),
    ...(suggestion.data === undefined ? {} : { data: suggestion.data })
  })
  if (!edited.ok) return edited.message
  const target = await realpath(join(root, file))
  if (!isInside(target, await realpath(root))) return 'it leads outside the site'
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`
  )
  try {
    const { mode } = await stat(target)
    await writeFile(temporary, edited.text, { encoding: 'utf8', mode, flag: 'wx' })
    await rename(temporary, target)
    return undefined
  } catch (error) {
    await rm(temporary, { force: true })
    return `it could not be written: ${error instanceof Error ? error.message : String(error)}`
  }
}

function reply(
  response: ServerResponse,
  status: number,
  ok: boolean,
  message: string,
  headers: Readonly<Record<string, string>> = {}
): void {
  const body = JSON.stringify({ ok, message })
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers
  })
  response.end(body)
}
