/**
 * Live reload over server-sent events (SPEC 7): open pages keep one event stream to the dev
 * server and reload when a newer build is ready; nothing polls. Each page knows the build it was
 * served from, and the stream names the current build as soon as it opens, so a rebuild that
 * finishes between a page load and its stream connecting is not missed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { addCheckPath } from './add-check-endpoint.js'
import { overlayCloseId, overlayId, suggestionsCloseId, suggestionsPanelId } from './overlay.js'
import { badgeClass, rebuildingText, statusId } from './rebuild-status.js'
import { addCheckAttribute, addCheckStatusId } from './suggest-overlay.js'

/** Path of the event stream; outside any site `base`, so it never shadows a page. */
export const eventsPath = '/__factdesk/events'

/** Path of the client script the dev server injects into pages. */
export const clientPath = '/__factdesk/client.js'

/** Open event streams and what is sent on them. */
export interface LiveReload {
  /** Answers a request for `eventsPath`: the response stays open as an event stream. */
  connect(request: IncomingMessage, response: ServerResponse, buildId: number): void
  /**
   * Tells every open page that a rebuild of build `buildId` (the one served) has started, so
   * that it shows "Rebuilding…"; a page that connects while it runs is told too.
   */
  rebuilding(buildId: number): void
  /** Tells every open page that build `buildId` is ready, so that it reloads. */
  reload(buildId: number): void
  /**
   * Tells every open page how far the rebuild has come: `done` of `total` articles (issue 21),
   * at most once per `progressMs`.
   */
  progress(done: number, total: number): void
  /**
   * Tells every open page that build `buildId` differs from theirs only in its stylesheets, each
   * `[from, to]` an output path: they swap their `<link>`s and stay where they are.
   */
  restyle(buildId: number, swaps: readonly (readonly [string, string])[]): void
  /** How many streams are open. */
  readonly clients: number
  /** Ends every stream; later `connect` calls are refused with 503. */
  close(): void
}

/** Options of `createLiveReload`. */
export interface LiveReloadOptions {
  /**
   * Milliseconds between keep-alive comments, which stop proxies and idle timers from cutting a
   * quiet stream. Default: 25000.
   */
  heartbeatMs?: number
}

/** A live-reload hub with no stream open. */
export function createLiveReload(options: LiveReloadOptions = {}): LiveReload {
  const streams = new Set<ServerResponse>()
  let closed = false
  // The build being replaced while a rebuild runs, else undefined.
  let rebuildingFrom: number | undefined
  // When the last progress event went out: a large site's rebuild counts thousands of articles.
  let lastProgress = -Infinity
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n')
  }, options.heartbeatMs ?? 25_000)
  // The heartbeat alone must not keep a process alive after the server is gone.
  heartbeat.unref()

  return {
    connect(request, response, buildId) {
      if (closed) {
        response
          .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('the dev server is stopping\n')
        return
      }
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no'
      })
      // `retry` makes browsers reconnect quickly after a restart; the `build` event that
      // follows then reloads the page if it came from an older build.
      response.write(`retry: 1000\n\n${event('build', buildId)}`)
      if (rebuildingFrom !== undefined) response.write(event('rebuilding', rebuildingFrom))
      streams.add(response)
      request.on('close', () => streams.delete(response))
    },
    rebuilding(buildId) {
      rebuildingFrom = buildId
      // A rebuild's first count goes out at once, however soon after the last one's.
      lastProgress = -Infinity
      for (const stream of streams) stream.write(event('rebuilding', buildId))
    },
    reload(buildId) {
      rebuildingFrom = undefined
      for (const stream of streams) stream.write(event('reload', buildId))
    },
    progress(done, total) {
      const now = performance.now()
      if (rebuildingFrom === undefined || (now - lastProgress < progressMs && done < total)) return
      lastProgress = now
      for (const stream of streams) stream.write(event('progress', `${done} ${total}`))
    },
    restyle(buildId, swaps) {
      rebuildingFrom = undefined
      const data = JSON.stringify({ build: String(buildId), swaps })
      for (const stream of streams) stream.write(event('restyle', data))
    },
    get clients() {
      return streams.size
    },
    close() {
      closed = true
      clearInterval(heartbeat)
      for (const stream of streams) stream.end()
      streams.clear()
    }
  }
}

/** How often progress goes out, in milliseconds: often enough to read as moving. */
const progressMs = 100

function event(name: string, data: number | string): string {
  return `event: ${name}\ndata: ${data}\n\n`
}

/** The tag injected before `</body>`: it loads the client and names the build the page is from. */
export function clientTag(buildId: number): string {
  return `<script src="${clientPath}" data-factdesk-build="${buildId}"></script>`
}

/**
 * The client: wires the close buttons of the overlay and of the suggestions panel, and each "Add
 * this check" button, which posts its suggestion to the server and shows the answer; shows
 * "Rebuilding…" while the server rebuilds, then reloads the page when the stream names a build
 * other than its own. Plain ES2017 so that every browser an editor uses runs it.
 */
export const clientScript = `(() => {
  const script = document.currentScript
  let build = script ? script.getAttribute('data-factdesk-build') : null
  const panels = [['${overlayId}', '${overlayCloseId}'], ['${suggestionsPanelId}', '${suggestionsCloseId}']]
  panels.forEach(([panelId, closeId]) => {
    const panel = document.getElementById(panelId)
    const close = document.getElementById(closeId)
    if (panel && close) close.addEventListener('click', () => panel.remove())
  })
  const said = document.getElementById('${addCheckStatusId}')
  const say = (text) => { if (said) said.textContent = text }
  document.querySelectorAll('[${addCheckAttribute}]').forEach((button) => {
    button.addEventListener('click', () => {
      const occurrence = button.getAttribute('data-occurrence')
      const asked = { file: button.dataset.file, figure: button.dataset.figure, expr: button.dataset.expr }
      if (occurrence !== null) asked.occurrence = Number(occurrence)
      button.disabled = true
      say('Adding the check…')
      fetch('${addCheckPath}', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(asked)
      })
        .then((response) => response.json())
        .then((answer) => {
          say(String(answer.message))
          if (!answer.ok) button.disabled = false
        })
        .catch(() => {
          say('The dev server did not answer; is it still running?')
          button.disabled = false
        })
    })
  })
  if (typeof EventSource !== 'function') return
  const events = new EventSource('${eventsPath}')
  const onBuild = (message) => {
    if (message.data === build) return
    events.close()
    location.reload()
  }
  const onRebuilding = () => {
    let status = document.getElementById('${statusId}')
    // The overlay that held the status line was closed: a corner badge says it instead.
    if (!status) {
      status = document.createElement('div')
      status.id = '${statusId}'
      status.className = '${badgeClass}'
      status.setAttribute('role', 'status')
      document.body.appendChild(status)
    }
    status.textContent = '${rebuildingText}'
    const shown = document.getElementById('${overlayId}')
    if (shown) shown.setAttribute('aria-busy', 'true')
  }
  const onProgress = (message) => {
    const parts = String(message.data).split(' ')
    const status = document.getElementById('${statusId}')
    if (status && parts.length === 2) status.textContent = '${rebuildingText} ' + parts[0] + ' of ' + parts[1]
  }
  // Only the stylesheets changed: each <link> to one that was replaced points to its successor,
  // fetched anew, and the page stays as it is (scroll, open panels, typed text).
  const onRestyle = (message) => {
    let news
    try { news = JSON.parse(message.data) } catch (error) { location.reload(); return }
    document.querySelectorAll('link[rel~="stylesheet"]').forEach((link) => {
      const url = new URL(link.href, location.href)
      news.swaps.forEach(([from, to]) => {
        if (url.pathname.endsWith('/' + from)) {
          link.href = url.pathname.slice(0, url.pathname.length - from.length) + to + '?build=' + news.build
        }
      })
    })
    build = news.build
    const status = document.getElementById('${statusId}')
    if (status) status.textContent = ''
    const shown = document.getElementById('${overlayId}')
    if (shown) shown.removeAttribute('aria-busy')
  }
  events.addEventListener('build', onBuild)
  events.addEventListener('rebuilding', onRebuilding)
  events.addEventListener('progress', onProgress)
  events.addEventListener('restyle', onRestyle)
  events.addEventListener('reload', onBuild)
})()
`
