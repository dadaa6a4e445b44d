/**
 * `factdesk dev` over a copy of the sample site, with Chromium, for the browser tests of the dev
 * loop: started once per file, stopped (server, browser, copy) after it.
 */
import { startDevServer } from '../../src/dev/dev-server.js'
import { launchChromium } from './chromium.js'
import { copySample, sampleNow } from './sample-site.js'
import type { Browser } from 'playwright-core'
import type { DevServer } from '../../src/dev/dev-server.js'

/** A running dev server over a copy of the sample site, and a browser to open its pages in. */
export interface SampleDevServer {
  root: string
  server: DevServer
  browser: Browser
  /** The address of `path` (e.g. `2025/11/04/story/`) on 127.0.0.1. */
  address(path: string): string
  stop(): Promise<void>
}

/** Copies the sample site, lets `prepare` edit the copy, then starts the server and Chromium. */
export async function startSampleDevServer(
  prepare: (root: string) => Promise<void> = async () => undefined
): Promise<SampleDevServer> {
  const site = await copySample()
  await prepare(site.root)
  const server = await startDevServer({
    root: site.root,
    port: 0,
    strict: false,
    drafts: false,
    now: sampleNow,
    log: () => undefined,
    stopOnSigint: false
  })
  const browser = await launchChromium()
  const { port, pathname } = new URL(server.url)
  return {
    root: site.root,
    server,
    browser,
    address: (path) => `http://127.0.0.1:${port}${pathname}${path}`,
    async stop() {
      await browser.close()
      await server.close()
      await site.remove()
    }
  }
}
