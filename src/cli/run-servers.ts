/**
 * `factdesk dev` and `factdesk preview` (SPEC 7): each server runs until Ctrl-C. Both are loaded
 * only here, so a build never pays for the watcher and the HTTP server. `--host` alone opens them
 * to the network (0.0.0.0), so a phone on the same network can open the site.
 */
import { resolve } from 'node:path'
import type { DateTime } from 'luxon'
import { assertSiteRoot } from '../output/output-target.js'
import type { ParsedOptions } from './arguments.js'
import type { Io } from './io.js'

/** The port both servers try first, unless `--port` says otherwise. */
export const defaultPort = 4321

/** `factdesk dev`: builds in memory, serves with live reload, rebuilds on changes. */
export async function runDev(
  io: Io,
  options: ParsedOptions,
  root: string,
  now: DateTime
): Promise<number> {
  assertSiteRoot(root)
  const host = options.value('host')
  const { startDevServer } = await import('../dev/dev-server.js')
  const server = await startDevServer({
    root,
    port: portOf(options),
    ...(host === undefined ? {} : { host }),
    strict: options.flag('strict'),
    drafts: options.flag('drafts'),
    now,
    log: (line) => io.stderr(`${line}\n`)
  })
  await server.closed
  return 0
}

/** `factdesk preview`: serves the built output folder as a static host would. */
export async function runPreview(io: Io, options: ParsedOptions, root: string): Promise<number> {
  assertSiteRoot(root)
  const out = options.value('out')
  const { startPreview } = await import('../preview/preview-server.js')
  const server = await startPreview({
    root,
    out: out === undefined ? resolve(root, 'dist') : resolve(out),
    port: portOf(options),
    host: options.value('host'),
    log: (line) => io.stderr(`${line}\n`)
  })
  await server.closed
  return 0
}

/** `--port`, checked by the arguments to be a number from 0 to 65535. */
function portOf(options: ParsedOptions): number {
  const port = options.value('port')
  return port === undefined ? defaultPort : Number(port)
}
