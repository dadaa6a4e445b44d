/**
 * The addresses a running server is opened at, for the lines `dev` and `preview` print. On the
 * default loopback there is one, `localhost`. With `--host 0.0.0.0` the server is reachable at
 * every address of this machine, and the IPv4 ones of its network interfaces are what a phone on
 * the same Wi-Fi types in; link-local and internal addresses are left out, since no phone can
 * reach them.
 */
import { networkInterfaces } from 'node:os'

/** Where to open a server listening on `host`, `port`, serving a site under `base`. */
export interface ServerUrls {
  /** The address on this machine: `http://localhost:4321/`, or the host it was told. */
  local: string
  /** Addresses other devices on the network can open; empty on loopback. */
  network: string[]
}

/** The URLs of a server on `host` (undefined: loopback), `port`, with the site at `base`. */
export function serverUrls(given: string | undefined, port: number, base: string): ServerUrls {
  const url = (name: string): string => `http://${name}:${port}${base}`
  const host = given === undefined ? undefined : unbracketed(given)
  if (host === undefined || isLoopback(host)) return { local: url('localhost'), network: [] }
  if (!isWildcard(host)) {
    const shown = host.includes(':') ? `[${host}]` : host
    return { local: url(shown), network: [url(shown)] }
  }
  const network: string[] = []
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family !== 'IPv4' || address.internal) continue
      if (address.address.startsWith('169.254.')) continue
      network.push(url(address.address))
    }
  }
  return { local: url('localhost'), network: [...new Set(network)] }
}

/** The lines that say where a server is, under `label` (`factdesk dev`). */
export function urlLines(label: string, urls: ServerUrls, listensWide: boolean): string[] {
  const lines = [`${label}: serving ${urls.local}`]
  for (const url of urls.network) if (url !== urls.local) lines.push(`  on your network: ${url}`)
  if (listensWide && urls.network.length === 0)
    lines.push(`  on your network: no network address found (is this machine on Wi-Fi?)`)
  return lines
}

/** The address a server listens on for `--host` (undefined: loopback only). */
export function listenHost(given: string | undefined): string {
  const host = given === undefined ? '' : unbracketed(given)
  // `localhost` may resolve to ::1 or 127.0.0.1 depending on the system; one is chosen here so
  // that the port check and the Host check agree with what was bound.
  return host === '' || host === 'localhost' ? '127.0.0.1' : host
}

/** `::1` for `[::1]`: an IPv6 address as written in URLs is listened on without its brackets. */
function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

/** Whether `host` is every interface (`--host 0.0.0.0` or `--host ::`). */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::'
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === ''
}

/**
 * Logs where the dev server serves (`--host` as `given`, listening on `host`), and, when that is
 * on the network, that drafts and embargoed stories are visible to anyone on it.
 */
export function logServing(
  log: (line: string) => void,
  given: string | undefined,
  host: string,
  port: number,
  base: string
): void {
  const urls = serverUrls(given, port, base)
  for (const line of urlLines('factdesk dev', urls, isWildcard(host))) log(line)
  if (urls.network.length > 0)
    log('factdesk dev: drafts and embargoed stories are visible to anyone on this network')
}
