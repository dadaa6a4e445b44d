import { request } from 'node:http'
import { createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import { describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { fakeBuild } from './fake-build.js'
import { networkAddress, statusFrom } from './network-address.js'
import { now, site, start } from './running-server.js'

describe('the dev server', () => {
  it('says where it serves the site', async () => {
    const { server, lines } = await start()
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(lines).toContain(`factdesk dev: serving ${server.url}`)
  })

  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/2025/11/04/story/', 200, 'text/html; charset=utf-8'],
    ['/assets/style.3f2a.css', 200, 'text/css; charset=utf-8'],
    ['/feed.xml', 200, 'application/xml; charset=utf-8'],
    ['/data/markets/btc-usd.csv', 200, 'text/csv; charset=utf-8'],
    ['/no/such/page/', 404, 'text/html; charset=utf-8']
  ])('answers %s with %i and %s', async (path, status, type) => {
    const { origin } = await start()
    const response = await fetch(`${origin}${path}`)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('serves files byte for byte, injecting the live-reload client into HTML only', async () => {
    const { origin } = await start()
    const css = await (await fetch(`${origin}/assets/style.3f2a.css`)).text()
    expect(css).toBe('body{margin:0}')
    const html = await (await fetch(`${origin}/2025/11/04/story/`)).text()
    const body = select('body', fromHtml(html))
    const elements = (body?.children ?? []).filter((node) => node.type === 'element')
    // The page's own content, then the empty "Rebuilding…" status region, then the client last.
    expect(elements.map((node) => node.tagName)).toEqual(['p', 'style', 'div', 'script'])
    expect(elements[2]?.properties).toMatchObject({ id: 'factdesk-status', role: 'status' })
    expect(elements[2]?.children).toEqual([])
    expect(elements[3]?.properties).toMatchObject({
      src: '/__factdesk/client.js',
      dataFactdeskBuild: '1'
    })
  })

  it('serves 404.html with status 404 for a missing path', async () => {
    const { origin } = await start()
    const response = await fetch(`${origin}/2025/11/04/no-such-story/`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('<p>Page not found</p>')
  })

  it('redirects a folder asked for without its slash', async () => {
    const { origin } = await start()
    const response = await fetch(`${origin}/2025/11/04/story?ref=feed`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/2025/11/04/story/?ref=feed')
  })

  it('serves a site with a base under that base, and sends the root there', async () => {
    const { server, origin } = await start({ ...site, base: '/ledger/' })
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/ledger\/$/)
    const root = await fetch(`${origin}/`, { redirect: 'manual' })
    expect([root.status, root.headers.get('location')]).toEqual([302, '/ledger/'])
    expect((await fetch(`${origin}/ledger/2025/11/04/story/`)).status).toBe(200)
    expect((await fetch(`${origin}/2025/11/04/story/`)).status).toBe(404)
  })

  it('serves the live-reload client script', async () => {
    const { origin } = await start()
    const response = await fetch(`${origin}/__factdesk/client.js`)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toContain("new EventSource('/__factdesk/events')")
  })

  it('names the current build as soon as an event stream opens', async () => {
    const { origin } = await start()
    const events = await openEventStream(`${origin}/__factdesk/events`)
    expect(events.response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(await events.next('build')).toBe('1')
    events.close()
  })

  it('close() ends the event streams and releases the port', async () => {
    const { server, origin } = await start()
    const events = await openEventStream(`${origin}/__factdesk/events`)
    await events.next('build')
    await server.close()
    await events.ended
    await server.closed
    const { port } = new URL(origin)
    await new Promise<void>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(Number(port), '127.0.0.1', () => probe.close(() => resolve()))
    })
  })

  it('stops cleanly on Ctrl-C: ends the streams, closes the server and lets SIGINT go', async () => {
    // Only the dev server listens for SIGINT in a test worker, so emitting it reaches no one else.
    expect(process.listenerCount('SIGINT')).toBe(0)
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const lines: string[] = []
    const server = await startDevServer({
      root,
      port: 0,
      strict: false,
      drafts: false,
      now,
      log: (line) => lines.push(line),
      buildSite: fakeBuild(site).buildSite
    })
    const { port } = new URL(server.url)
    const events = await openEventStream(`http://127.0.0.1:${port}/__factdesk/events`)
    await events.next('build')
    process.emit('SIGINT')
    await server.closed
    await events.ended
    expect(lines).toContain('factdesk dev: stopping')
    expect(process.listenerCount('SIGINT')).toBe(0)
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow()
  })

  it('moves to the next free port before building, and says so', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    const address = blocker.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const lines: string[] = []
    const fake = fakeBuild(site)
    // What had been said when the first build started.
    let saidBeforeBuilding: string[] = []
    try {
      const server = await startDevServer({
        root,
        port,
        strict: false,
        drafts: false,
        now,
        log: (line) => lines.push(line),
        buildSite: (options) => {
          if (fake.calls === 0) saidBeforeBuilding = [...lines]
          return fake.buildSite(options)
        },
        stopOnSigint: false
      })
      const used = Number(new URL(server.url).port)
      expect(used).toBeGreaterThan(port)
      expect(saidBeforeBuilding).toEqual([`factdesk dev: port ${port} is in use, using ${used}`])
      expect(lines).toContain(`factdesk dev: serving http://localhost:${used}/`)
      expect((await fetch(`http://127.0.0.1:${used}/`)).status).toBe(200)
      await server.close()
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('listens on loopback only by default', async () => {
    const { server } = await start()
    const { port } = new URL(server.url)
    if (networkAddress === undefined) return // no network here: nothing else to reach it from
    expect(await statusFrom(networkAddress, Number(port))).toBe('ECONNREFUSED')
  })

  it.skipIf(networkAddress === undefined)(
    'with a host of 0.0.0.0, listens on the network and logs each network URL',
    async () => {
      const root = await tempSite({ 'data/site.yaml': siteYaml })
      const lines: string[] = []
      const server = await startDevServer({
        root,
        port: 0,
        host: '0.0.0.0',
        strict: false,
        drafts: false,
        now,
        log: (line) => lines.push(line),
        buildSite: fakeBuild(site).buildSite,
        stopOnSigint: false
      })
      try {
        const port = Number(new URL(server.url).port)
        expect(server.url).toBe(`http://localhost:${port}/`)
        const expected = Object.values(networkInterfaces())
          .flat()
          .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
          .map((entry) => `  on your network: http://${entry?.address ?? ''}:${port}/`)
        expect(lines).toEqual(expect.arrayContaining(expected))
        expect(lines).toContain(
          'factdesk dev: drafts and embargoed stories are visible to anyone on this network'
        )
        // A phone opens it by this machine's address: that Host is its own, not a rebinding.
        expect(await statusFrom(networkAddress ?? '', port, '/2025/11/04/story/')).toBe(200)
      } finally {
        await server.close()
      }
    }
  )

  describe('answers only requests addressed to itself (DNS rebinding)', () => {
    it.each([
      ['a page', '/'],
      ['a brief', '/2025/11/04/story/'],
      ['a data copy', '/data/markets/btc-usd.csv'],
      ['the live-reload client', '/__factdesk/client.js'],
      ['the live-reload event stream', '/__factdesk/events'],
      ['a missing page', '/no/such/page/']
    ])('refuses %s asked for under another host name', async (_what, path) => {
      const { origin } = await start()
      const { port } = new URL(origin)
      for (const host of [
        `rebind.attacker.example:${port}`,
        'rebind.attacker.example',
        `localhost.attacker.example:${port}`,
        `localhost:${Number(port) + 1}`
      ]) {
        const answer = await get(origin, path, host)
        expect({ host, status: answer.status, type: answer.type }).toEqual({
          host,
          status: 403,
          type: 'text/plain; charset=utf-8'
        })
        expect(answer.body).toContain('only requests for its own address')
        expect(answer.body).not.toContain('Story')
      }
    })

    it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])(
      'answers requests for %s with its port',
      async (name) => {
        const { origin } = await start()
        const { port } = new URL(origin)
        const answer = await get(origin, '/2025/11/04/story/', `${name}:${port}`)
        expect(answer.status).toBe(200)
        expect(answer.body).toContain('<p>Story</p>')
      }
    )
  })
})

/** GETs `path` from the server at `origin` with `host` as the Host header (none if undefined). */
function get(
  origin: string,
  path: string,
  host: string | undefined
): Promise<{ status: number; type: string | undefined; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const sent = request(
      { hostname, port, path, setHost: false, headers: host === undefined ? {} : { host } },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          body += chunk
          // The event stream never ends by itself: its first event is enough to tell it answered.
          if (body.includes('\n\n')) response.destroy()
        })
        const done = (): void =>
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'],
            body
          })
        response.on('end', done)
        response.on('close', done)
      }
    )
    sent.on('error', reject)
    sent.end()
  })
}
