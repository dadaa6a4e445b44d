/**
 * The dev server answers while its first build runs (issue 21, item 4): the briefs built so far
 * are served, any other page says it is being built (503, and reloads itself once it is), and
 * the server is not held up waiting for the whole site.
 */
import { describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import type { BuildOptions } from '../../src/build.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { fakeBuild } from './fake-build.js'
import { freePort, now, site } from './running-server.js'

async function untilAnswered(url: string): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url)
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

describe('the dev server while its first build runs', () => {
  it('serves the briefs built so far, and says the rest is being built', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const port = await freePort()
    const fake = fakeBuild(site)
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const brief = '<!doctype html><html><body><p>Early story</p></body></html>'
    const starting = startDevServer({
      root,
      port,
      strict: false,
      drafts: false,
      now,
      log: () => {},
      stopOnSigint: false,
      buildSite: async (options: BuildOptions) => {
        options.onBrief?.('2025/11/04/early/index.html', Buffer.from(brief))
        await held
        return fake.buildSite(options)
      }
    })
    const origin = `http://127.0.0.1:${port}`
    const early = await untilAnswered(`${origin}/2025/11/04/early/`)
    expect(early.status).toBe(200)
    const page = await early.text()
    expect(page).toContain('<p>Early story</p>')
    // The page names no build yet: the live-reload client reloads it when the first is ready.
    expect(page).toContain('data-factdesk-build="0"')
    const home = await fetch(`${origin}/`)
    expect(home.status).toBe(503)
    expect(home.headers.get('retry-after')).toBe('1')
    expect(await home.text()).toContain('Building the site')
    release()
    const server = await starting
    try {
      expect((await fetch(`${origin}/`)).status).toBe(200)
      // A brief of the first build's making that the finished build does not hold is gone.
      expect((await fetch(`${origin}/2025/11/04/early/`)).status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
