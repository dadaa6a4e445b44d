/**
 * The dev and preview servers answer only requests addressed to themselves (issue 15, item 7).
 * The dev server serves drafts and embargoed stories, and a web page the editor happens to have
 * open can reach it by DNS rebinding: its own domain is re-pointed at 127.0.0.1, and the browser
 * then lets the page read the answers, since to the browser they come from that page's own
 * origin. What gives such a request away is its `Host` header, which still names the attacker's
 * domain; so a `Host` that is not one of the server's own addresses with its port is refused.
 *
 * With `--host` (issue 18), a phone on the same network opens the server by this machine's
 * address, so those are allowed too: the address listened on, and with `0.0.0.0` or `::` every
 * address of every interface, and the machine's own name (`desk`, `desk.local`) as mDNS and
 * the local resolver give it. None of them can be an attacker's domain: an IP address names only
 * this machine, and the machine's name resolves on the local network, where an attacker could as
 * well connect directly. A public domain that happens to resolve here is still refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hostname, networkInterfaces } from 'node:os'
import { isWildcard } from './server-urls.js'

/** The `host:port` values a server listening on `host`, `port` answers to, lower case. */
export function ownHosts(host: string, port: number): ReadonlySet<string> {
  const names = ['localhost', '127.0.0.1', '::1', host]
  // Listening on every interface means being reachable at each of them, from this network.
  if (isWildcard(host)) {
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.push(address.address)
    names.push(...machineNames())
  }
  const hosts = new Set<string>()
  for (const name of names) {
    if (isWildcard(name) || name === '') continue
    const shown = name.includes(':') ? `[${name.toLowerCase()}]` : name.toLowerCase()
    hosts.add(`${shown}:${port}`)
    // A browser leaves out the port when it is the scheme's default.
    if (port === 80) hosts.add(shown)
  }
  return hosts
}

/** Whether a request's `Host` header names one of `hosts`. */
export function isOwnHost(header: string | undefined, hosts: ReadonlySet<string>): boolean {
  return header !== undefined && hosts.has(header.trim().toLowerCase())
}

/** The short answer to a request for some other host. */
export const otherHostMessage =
  'factdesk answers only requests for its own address (such as http://localhost:<port>/)\n'

/** This machine's name as the network knows it: `desk` and its mDNS form `desk.local`. */
function machineNames(): string[] {
  const name = hostname().toLowerCase()
  // A name with a dot is already qualified; only a bare one has an mDNS form.
  if (name === '' || name === 'localhost') return []
  return name.includes('.') ? [name] : [name, `${name}.local`]
}

/**
 * Answers 403 to a request addressed to another host, telling whether it did: the first thing
 * both servers do with every request, the dev server's event stream included.
 */
export function refusedOtherHost(
  request: IncomingMessage,
  response: ServerResponse,
  hosts: ReadonlySet<string>
): boolean {
  if (isOwnHost(request.headers.host, hosts)) return false
  response
    .writeHead(403, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff'
    })
    .end(otherHostMessage)
  return true
}
