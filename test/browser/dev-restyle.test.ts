/**
 * A stylesheet edit in `factdesk dev` restyles the open page without reloading it (issue 21,
 * item 3): the page keeps its scroll position and its state, and shows the new style.
 */
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { describeInBrowser, launchChromium } from './chromium.js'
import { copySample, sampleNow } from './sample-site.js'
import type { Browser } from 'playwright-core'
import type { DevServer } from '../../src/dev/dev-server.js'

const briefPath = '2025/11/04/crypto-day-of-terror/'

describeInBrowser('a stylesheet edit in the dev server, in Chromium', () => {
  let browser: Browser
  let site: { root: string; remove(): Promise<void> }
  let server: DevServer

  beforeAll(async () => {
    site = await copySample()
    server = await startDevServer({
      root: site.root,
      port: 0,
      strict: false,
      drafts: false,
      now: sampleNow,
      log: () => undefined,
      stopOnSigint: false
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.remove()
  })

  it('restyles the open brief in place: no reload, the scroll position kept', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    const { port, pathname } = new URL(server.url)
    await page.goto(`http://127.0.0.1:${port}${pathname}${briefPath}`)
    await page.evaluate('window.scrollTo(0, 900); window.__factdeskBeforeEdit = true')
    await appendFile(
      join(site.root, 'templates', 'style.css'),
      '\nbody { background: rgb(1, 2, 3) }\n'
    )
    await page.waitForFunction(
      "getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'",
      undefined,
      { timeout: 20_000 }
    )
    expect(await page.evaluate('window.__factdeskBeforeEdit')).toBe(true)
    expect(await page.evaluate('window.scrollY')).toBe(900)
    await page.close()
  })
})
