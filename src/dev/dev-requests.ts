/**
 * What the dev server answers (SPEC 7): the event stream, "Add this check", the live-reload
 * client, and otherwise the site being served, each request checked first for its Host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { addCheckPath, answerAddCheck } from './add-check-endpoint.js'
import { refusedOtherHost } from './host-check.js'
import { clientPath, clientScript, eventsPath } from './live-reload.js'
import type { LiveReload } from './live-reload.js'
import { serveSite } from './serve-site.js'
import type { DevSite } from './next-site.js'

/** What answering needs of the running server; `site()` is the build served at that moment. */
export interface DevRequestContext {
  root: string
  site: () => DevSite
  hosts: () => ReadonlySet<string>
  liveReload: LiveReload
  log: (line: string) => void
}

/** Answers one request to the dev server. */
export function answerDevRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: DevRequestContext
): void {
  // Before anything else, the event stream included: a page on another site must not read
  // drafts through DNS rebinding (see host-check.ts).
  if (refusedOtherHost(request, response, context.hosts())) return
  const site = context.site()
  const path = (request.url ?? '/').split('?')[0]
  if (path === eventsPath) {
    context.liveReload.connect(request, response, site.buildId)
    return
  }
  if (path === addCheckPath) {
    // Answered from the build being served: its report names the files and suggestions allowed.
    const { root, log } = context
    void answerAddCheck(request, response, { root, suggested: site.suggested, log })
    return
  }
  if (path === clientPath) {
    response.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store'
    })
    response.end(clientScript)
    return
  }
  void serveSite(site, request, response).catch((error: unknown) => {
    context.log(
      `factdesk dev: could not answer ${request.url ?? '/'}: ${error instanceof Error ? error.message : String(error)}`
    )
    if (!response.headersSent)
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('the dev server could not answer this request; see its terminal\n')
  })
}
