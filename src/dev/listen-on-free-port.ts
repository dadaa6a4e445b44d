/**
 * Binds a server to its port before anything slow happens (issue 18: "a taken port is found
 * before building"). A taken port is not an error: like Vite and Astro, the next ports are tried
 * and the one used is said, because an editor who runs `factdesk dev` twice wants two servers,
 * not a stack trace. The rule is the same whether the port was asked for or is the default: the
 * line saying which port is used stands out in the terminal, and the URL printed under it is
 * the one to open.
 */
import { createServer as createProbe } from 'node:net'
import type { Server } from 'node:net'
import type { AddressInfo } from 'node:net'

/** How many ports after the asked one are tried, Vite's habit: 4321 to 4341. */
export const sparePorts = 20

/** Options of `listenOnFreePort`. */
export interface ListenOptions {
  /** The port asked for; 0 lets the system pick one, which is never taken. */
  port: number
  /** The address listened on. */
  host: string
  /** Where the "port is in use" line goes. */
  log: (line: string) => void
  /** What the line starts with: `factdesk dev` or `factdesk preview`. */
  label: string
}

/** Starts `server` listening on the first free port from `options.port`; resolves to that port. */
export async function listenOnFreePort(server: Server, options: ListenOptions): Promise<number> {
  const { port, host } = options
  const last = port === 0 ? 0 : Math.min(port + sparePorts, 65_535)
  for (let candidate = port; candidate <= last; candidate++) {
    const taken =
      (await loopbackTwinTaken(host, candidate)) || !(await tryListen(server, candidate, host))
    if (taken) continue
    const bound = (server.address() as AddressInfo).port
    if (port !== 0 && bound !== port)
      options.log(`${options.label}: port ${port} is in use, using ${bound}`)
    return bound
  }
  throw new Error(
    `ports ${port} to ${last} are all in use on ${host}; stop the other servers or choose a port with --port`
  )
}

/** Listens on `port`; false when the port is taken, an error for every other failure. */
function tryListen(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE') resolve(false)
      else if (error.code === 'EACCES')
        reject(
          new Error(
            `port ${port} on ${host} needs privileges this user lacks; choose a port above 1023 with --port`
          )
        )
      else reject(error)
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve(true)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

/**
 * Whether another server holds `port` on IPv6 loopback while we would take IPv4 loopback. The
 * URL printed says `localhost`, which a browser may resolve to `::1` first: it would then open
 * the other server's pages under our address. So on the default loopback, a port is free only
 * when it is free on both. A machine without IPv6 answers with another error, which means free.
 */
function loopbackTwinTaken(host: string, port: number): Promise<boolean> {
  if (host !== '127.0.0.1' || port === 0) return Promise.resolve(false)
  return new Promise((resolve) => {
    const probe = createProbe()
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'))
    probe.listen({ port, host: '::1', ipv6Only: true }, () => probe.close(() => resolve(false)))
  })
}
