import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { fakeBuild, page } from './fake-build.js'
import type { DevServer } from '../../src/dev/dev-server.js'
import type { FakeBuild, FakeOutcome } from './fake-build.js'

const now = DateTime.fromISO('2025-11-05T00:00:00Z')
const started: DevServer[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

const site: FakeOutcome = {
  files: {
    'index.html': page('Home'),
    '2025/11/04/story/index.html': page('Story'),
    '404.html': page('Page not found'),
    'assets/style.3f2a.css': 'body{margin:0}',
    'feed.xml': '<?xml version="1.0"?><rss version="2.0"></rss>',
    'data/markets/btc-usd.csv': 'date,close\n2025-11-04,99420\n'
  }
}

interface Running {
  server: DevServer
  fake: FakeBuild
  root: string
  /** The server's origin on 127.0.0.1. */
  origin: string
  lines: string[]
}

async function start(outcome: FakeOutcome = site): Promise<Running> {
  const root = await tempSite({ 'data/site.yaml': siteYaml, 'content/2025/11/04/story.md': '---\ntitle: x\n---\n' })
  const fake = fakeBuild(outcome)
  const lines: string[] = []
  const server = await startDevServer({
    root,
    port: 0,
    strict: false,
    drafts: false,
    now,
    log: (line) => lines.push(line),
    buildSite: fake.buildSite,
    stopOnSigint: false
  })
  started.push(server)
  const { port } = new URL(server.url)
  return { server, fake, root, origin: `http://127.0.0.1:${port}`, lines }
}

/** Edits an article and waits for the rebuild it causes to reach open pages. */
async function editAndWaitForReload(running: Running): Promise<string> {
  const events = await openEventStream(`${running.origin}/__factdesk/events`)
  try {
    await events.next('build')
    await writeFile(join(running.root, 'content/2025/11/04/story.md'), `---\ntitle: edited ${Math.random()}\n---\n`)
    return await events.next('reload', 10_000)
  } finally {
    events.close()
  }
}

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
    expect(html).toContain('<p>Story</p><script src="/__factdesk/client.js" data-factdesk-build="1"></script></body>')
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

  it('rebuilds after a change in content/ and sends a reload event with the new build', async () => {
    const running = await start()
    running.fake.set({ ...site, files: { ...site.files, '2025/11/04/story/index.html': page('Story, edited') } })
    expect(await editAndWaitForReload(running)).toBe('2')
    const html = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(html).toContain('<p>Story, edited</p>')
    expect(html).toContain('data-factdesk-build="2"')
    expect(running.lines).toContain('factdesk dev: content/2025/11/04/story.md changed, rebuilding')
  })

  it('keeps serving a failing build with an overlay of its problems, and drops it when the build passes', async () => {
    const running = await start()
    running.fake.set({
      ...site,
      exit: 1,
      problems: [
        { severity: 'error', line: 22, column: 41, rule: 'figure-contradicted', message: 'stated over 9%, data <-7.30%> & "more"' },
        { severity: 'warning', line: 30, column: 5, rule: 'figure-unchecked', message: 'no check covers "38%"' }
      ]
    })
    await editAndWaitForReload(running)
    const failing = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(failing).toContain('<p>Story</p>')
    expect(failing).toContain('id="factdesk-overlay"')
    expect(failing).toContain(
      '<code>content/2025/11/04/story.md:22:41  error  stated over 9%, data &lt;-7.30%&gt; &amp; &quot;more&quot;  figure-contradicted</code>'
    )
    expect(failing).not.toContain('data <-7.30%>')
    expect(running.lines).toContain(
      '  content/2025/11/04/story.md:22:41  error  stated over 9%, data <-7.30%> & "more"  figure-contradicted'
    )

    running.fake.set(site)
    await editAndWaitForReload(running)
    const fixed = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(fixed).not.toContain('factdesk-overlay')
  })

  it('keeps the last good pages when a build makes none', async () => {
    const running = await start()
    running.fake.set({
      files: {},
      exit: 2,
      problems: [{ severity: 'error', line: 2, column: 8, rule: 'frontmatter', message: 'title must not be empty' }]
    })
    await editAndWaitForReload(running)
    const html = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(html).toContain('<p>Story</p>')
    expect(html).toContain('content/2025/11/04/story.md:2:8  error  title must not be empty  frontmatter')
    expect(html).toContain('the build has input errors')
  })

  it('keeps serving when the build itself crashes, and says why on the page', async () => {
    const running = await start()
    running.fake.set({ files: {}, crash: 'templates/layouts/base.hbs vanished' })
    await editAndWaitForReload(running)
    const html = await (await fetch(`${running.origin}/`)).text()
    expect(html).toContain('<p>Home</p>')
    expect(html).toContain('the build stopped on an unexpected error: templates/layouts/base.hbs vanished')
  })

  it('serves a 404 page with the overlay when no build has made any page yet', async () => {
    const { origin } = await start({ files: {}, exit: 2, problems: [{ severity: 'error', line: 1, column: 1, rule: 'settings', message: 'bad', file: 'data/site.yaml' }] })
    const response = await fetch(`${origin}/`)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('data/site.yaml:1:1  error  bad  settings')
    expect(html).toContain('<script src="/__factdesk/client.js"')
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

  it('stops on Ctrl-C by listening for SIGINT until it is closed', async () => {
    const before = process.listenerCount('SIGINT')
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const server = await startDevServer({ root, port: 0, strict: false, drafts: false, now, log: () => undefined, buildSite: fakeBuild(site).buildSite })
    expect(process.listenerCount('SIGINT')).toBe(before + 1)
    await server.close()
    expect(process.listenerCount('SIGINT')).toBe(before)
  })

  it('refuses a port that is in use, naming it', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    const address = blocker.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    try {
      await expect(
        startDevServer({ root, port, strict: false, drafts: false, now, log: () => undefined, buildSite: fakeBuild(site).buildSite, stopOnSigint: false })
      ).rejects.toThrow(`port ${port} is in use`)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
