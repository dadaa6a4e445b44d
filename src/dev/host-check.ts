/**
 * The dev server answers only requests addressed to itself (issue 15, item 7). It serves drafts
 * and embargoed stories, and a web page the editor happens to have open can reach it by DNS
 * rebinding: its own domain is re-pointed at 127.0.0.1, and the browser then lets the page read
 * the answers, since to the browser they come from that page's own origin. What gives such a
 * request away is its `Host` header, which still names the attacker's domain; so any `Host` that
 * is not one of the server's own addresses with its port is refused.
 */
import { networkInterfaces } from 'node:os'

/** The `host:port` values a server listening on `host`, `port` answers to, lower case. */
export function ownHosts(host: string, port: number): ReadonlySet<string> {
  const names = ['localhost', '127.0.0.1', '::1', host]
  // Listening on every interface means being reachable at each of them, from this network.
  if (isWildcard(host)) {
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.push(address.address)
  }
  const hosts = new Set<string>()
  for (const name of names) {
    if (isWildcard(name)) continue
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
  'factdesk dev answers only requests for its own address (such as http://localhost:<port>/)\n'

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === ''
}
