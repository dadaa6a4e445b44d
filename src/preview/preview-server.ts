/**
 * `factdesk preview` (SPEC 7, issue 18 item 3): serves the built output folder as a static host
 * would, so an editor can look at what will be published before publishing it. Nothing is built
 * or watched; the folder is read on every request, so a `factdesk build` in another terminal
 * shows on the next reload. Like the dev server it listens on loopback unless told `--host`,
 * answers only requests addressed to itself, and moves to the next port when its own is taken.
 */
import { createServer } from 'node:http'
import { ownHosts, refusedOtherHost } from '../dev/host-check.js'
import { listenOnFreePort } from '../dev/listen-on-free-port.js'
import { isWildcard, listenHost, serverUrls, urlLines } from '../dev/server-urls.js'
import { escapeControls } from '../report/terminal-safe.js'
import { loadSettings, settingsFile } from '../settings/load-settings.js'
import { builtFolder } from './built-folder.js'
import { serveFolder } from './serve-folder.js'
import type { ServedFolder } from './serve-folder.js'

/** Options of `startPreview`. */
export interface PreviewOptions {
  /** The site folder; its `data/site.yaml` gives the `base` the site lives under. */
  root: string
  /** The built folder to serve (the CLI's default: ROOT/dist). */
  out: string
  /** TCP port; if taken, the next free one of the 20 after it; 0 lets the system pick one. */
  port: number
  /** Interface to listen on; undefined is loopback only. `0.0.0.0` opens it to the network. */
  host: string | undefined
  /** Where lines go, one per call, without a newline. */
  log: (line: string) => void
}

/** A running preview. */
export interface PreviewServer {
  /** The address of the site's home page on this machine, `base` included. */
  url: string
  /** Settles when the server has stopped, by `close()` or Ctrl-C; the CLI waits on it. */
  closed: Promise<void>
  /** Closes the server and its connections. Safe to call twice. */
  close(): Promise<void>
}

const label = 'factdesk preview'

/**
 * Serves `options.out`; throws `RefusedInput` ("run factdesk build first") when it is not a
 * factdesk build, before a port is opened.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = (line: string): void => options.log(escapeControls(line))
  const folder = builtFolder(options.out)
  const { settings, problems } = await loadSettings(options.root)
  if (problems.some((problem) => problem.severity === 'error'))
    log(
      `${label}: ${settingsFile} has errors (see factdesk check); serving under base ${settings.base}`
    )
  const site: ServedFolder = { folder, base: settings.base }
  const host = listenHost(options.host)
  // Filled in once the port is known; no request is answered before that.
  let hosts: ReadonlySet<string> = new Set()
  const server = createServer((request, response) => {
    // A preview may hold drafts built with --drafts: the same DNS-rebinding guard as dev.
    if (refusedOtherHost(request, response, hosts)) return
    serveFolder(site, request, response).catch((error: unknown) => {
      log(
        `${label}: could not answer ${request.url ?? '/'}: ${error instanceof Error ? error.message : String(error)}`
      )
      if (!response.headersSent)
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('the preview could not answer this request; see its terminal\n')
    })
  })
  const port = await listenOnFreePort(server, { port: options.port, host, log, label })
  hosts = ownHosts(host, port)
  const urls = serverUrls(options.host, port, site.base)
  for (const line of urlLines(label, urls, isWildcard(host))) log(line)

  let resolveClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve
  })
  let closing: Promise<void> | undefined
  const onSigint = (): void => {
    log(`${label}: stopping`)
    void close()
  }
  process.once('SIGINT', onSigint)
  function close(): Promise<void> {
    closing ??= (async () => {
      process.off('SIGINT', onSigint)
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive sockets would hold `close` open until they time out.
      server.closeAllConnections()
      await serverClosed
      resolveClosed()
    })()
    return closing
  }
  return { url: urls.local, closed, close }
}
