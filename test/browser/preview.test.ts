/**
 * `factdesk preview` in a real browser: the built sample site as a phone would see it from the
 * preview, with the stylesheet applied (served with the wrong type under `nosniff`, a browser
 * would refuse it and the page would be unstyled), links followed, and the 404 page.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startPreview } from '../../src/preview/preview-server.js'
import { describeInBrowser, launchChromium } from './chromium.js'
import { buildSample, sampleRoot } from './sample-site.js'
import type { Browser } from 'playwright-core'
import type { BuiltSample } from './sample-site.js'

describeInBrowser('factdesk preview in Chromium', () => {
  let browser: Browser
  let sample: BuiltSample
  let preview: Awaited<ReturnType<typeof startPreview>>
  let origin: string

  beforeAll(async () => {
    sample = await buildSample()
    preview = await startPreview({
      root: sampleRoot,
      out: sample.out,
      port: 0,
      host: undefined,
      log: () => undefined
    })
    origin = `http://127.0.0.1:${new URL(preview.url).port}`
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await preview?.close()
    await sample?.remove()
  })

  it('shows the home page styled, and follows a link to a brief', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    const stylesheets: number[] = []
    page.on('response', (response) => {
      if (response.url().endsWith('.css')) stylesheets.push(response.status())
    })
    const response = await page.goto(`${origin}/`)
    expect(response?.status()).toBe(200)
    expect(stylesheets).toEqual([200])
    // A stylesheet the browser refused (a wrong type under nosniff) has no rules to apply.
    const applied = await page.evaluate(
      '[...document.styleSheets].some((sheet) => sheet.href !== null && sheet.cssRules.length > 0)'
    )
    expect(applied).toBe(true)
    const link = page.locator('main a[href*="/2025/11/04/"]').first()
    const href = await link.getAttribute('href')
    await link.click()
    await page.waitForURL((url) => url.pathname === new URL(href ?? '/', origin).pathname)
    expect(await page.locator('h1').first().innerText()).not.toBe('')
    const screenshots = join(sampleRoot, 'test-output', 'screenshots')
    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, 'preview-brief-390x844.png') })
    await page.close()
  })

  it('shows the site 404 page with status 404', async () => {
    const page = await browser.newPage()
    const response = await page.goto(`${origin}/no/such/story/`)
    expect(response?.status()).toBe(404)
    expect(await page.title()).not.toBe('')
    await page.close()
  })
})
