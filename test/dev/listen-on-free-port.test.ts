import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { listenOnFreePort, sparePorts } from '../../src/dev/listen-on-free-port.js'
import type { Server } from 'node:net'

const opened: Server[] = []

afterEach(async () => {
  await Promise.all(
    opened.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))
  )
})

/** Listens on `port` of `host` and keeps it until the test ends; false when it cannot. */
function occupy(port: number, host = '127.0.0.1', ipv6Only = false): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host, ipv6Only }, () => {
      opened.push(server)
      resolve(true)
    })
  })
}

/** A port that was free a moment ago, now held by a blocker. */
async function takenPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  opened.push(server)
  const address = server.address()
  if (address === null || typeof address === 'string') throw new TypeError('no port')
  return address.port
}

async function listen(port: number, lines: string[]): Promise<number> {
  const server = createServer()
  opened.push(server)
  return listenOnFreePort(server, {
    port,
    host: '127.0.0.1',
    log: (line) => lines.push(line),
    label: 'factdesk dev'
  })
}

describe('listenOnFreePort', () => {
  it('takes the port asked for when it is free, saying nothing', async () => {
    const port = await takenPort()
    await new Promise((resolve) => opened.pop()?.close(resolve))
    const lines: string[] = []
    expect(await listen(port, lines)).toBe(port)
    expect(lines).toEqual([])
  })

  it('moves to the next free port when the one asked for is taken, and says which', async () => {
    const port = await takenPort()
    const lines: string[] = []
    const used = await listen(port, lines)
    expect(used).toBeGreaterThan(port)
    expect(used).toBeLessThanOrEqual(port + sparePorts)
    expect(lines).toEqual([`factdesk dev: port ${port} is in use, using ${used}`])
  })

  it('lets the system pick with port 0, saying nothing', async () => {
    const lines: string[] = []
    expect(await listen(0, lines)).toBeGreaterThan(0)
    expect(lines).toEqual([])
  })

  it(`gives up after the ${sparePorts} ports after the one asked for, naming them`, async () => {
    let first = 0
    // Find a run of free ports and hold all of them.
    for (let attempt = 0; attempt < 20 && first === 0; attempt++) {
      const candidate = 20_000 + Math.floor(Math.random() * 30_000)
      const held = []
      for (let port = candidate; port <= candidate + sparePorts; port++)
        held.push(await occupy(port))
      if (held.every(Boolean)) first = candidate
      else
        await Promise.all(
          opened.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))
        )
    }
    expect(first).not.toBe(0)
    await expect(listen(first, [])).rejects.toThrow(
      `ports ${first} to ${first + sparePorts} are all in use on 127.0.0.1`
    )
  })

  it('counts a port held on IPv6 loopback as taken, since localhost may mean ::1', async () => {
    const port = await takenPort()
    await new Promise((resolve) => opened.pop()?.close(resolve))
    if (!(await occupy(port, '::1', true))) return // no IPv6 loopback on this machine
    const lines: string[] = []
    const used = await listen(port, lines)
    expect(used).not.toBe(port)
    expect(lines).toEqual([`factdesk dev: port ${port} is in use, using ${used}`])
  })
})
