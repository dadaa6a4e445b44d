/**
 * A stylesheet edit in `factdesk dev` restyles the open page without reloading it (issue 21,
 * item 3): the page keeps its scroll position and its state, and shows the new style.
 */
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from './chromium.js'
import { startSampleDevServer } from './sample-dev-server.js'
import { openEventStream } from '../dev/event-stream.js'
import type { SampleDevServer } from './sample-dev-server.js'

const briefPath = '2025/11/04/crypto-day-of-terror/'

describeInBrowser('a stylesheet edit in the dev server, in Chromium', () => {
  let dev: SampleDevServer

  beforeAll(async () => {
    dev = await startSampleDevServer()
  })

  afterAll(async () => {
    await dev?.stop()
  })

  it('restyles the open brief in place: no reload, the scroll position kept', async () => {
    const page = await dev.browser.newPage({ viewport: { width: 390, height: 700 } })
    await page.goto(dev.address(briefPath))
    await page.evaluate('window.scrollTo(0, 900); window.__factdeskBeforeEdit = true')
    // The page is restyled twice: at once, and when the rebuild of every page is done.
    const events = await openEventStream(dev.address('__factdesk/events'))
    await appendFile(
      join(dev.root, 'templates', 'style.css'),
      '\nbody { background: rgb(1, 2, 3) }\n'
    )
    await page.waitForFunction(
      "getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'",
      undefined,
      { timeout: 20_000 }
    )
    expect(await page.evaluate('window.__factdeskBeforeEdit')).toBe(true)
    await events.next('restyle', 20_000)
    const rebuilt = JSON.parse(await events.next('restyle', 60_000)) as { build: string }
    events.close()
    // The page took the rebuild's build as its own without reloading.
    expect(await page.evaluate('window.__factdeskBeforeEdit')).toBe(true)
    expect(await page.evaluate('window.scrollY')).toBe(900)
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe(
      'rgb(1, 2, 3)'
    )
    const served = await (await fetch(dev.address(briefPath))).text()
    expect(served).toContain(`data-factdesk-build="${rebuilt.build}"`)
    await page.close()
  })
})
