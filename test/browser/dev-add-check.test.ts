import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { describeInBrowser, launchChromium } from './chromium.js'
import { copySample, sampleNow, sampleRoot } from './sample-site.js'
import type { Browser } from 'playwright-core'
import type { DevServer } from '../../src/dev/dev-server.js'

const article = 'content/2025/11/04/crypto-day-of-terror.md'
const briefPath = '2025/11/04/crypto-day-of-terror/'
const expr = 'pct_change(btc.close, "2025-11-03", "2025-11-04")'
/** The sample story's check of "over 7%", which the test takes out and adds back by a click. */
const check = / {2}- figure: "over 7%"\n.*\n.*\n/
const reloadTimeout = 20_000

describeInBrowser('"Add this check" in the dev server, in Chromium', () => {
  let browser: Browser
  let site: { root: string; remove(): Promise<void> }
  let server: DevServer
  let unchecked: string

  beforeAll(async () => {
    site = await copySample()
    const original = await readFile(join(site.root, article), 'utf8')
    unchecked = original.replace(check, '')
    expect(unchecked).not.toBe(original)
    await writeFile(join(site.root, article), unchecked)
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
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.remove()
  })

  it('writes the suggested check into the article, and the reloaded page shows the figure verified', async () => {
    const page = await browser.newPage()
    const { port, pathname } = new URL(server.url)
    await page.goto(`http://127.0.0.1:${port}${pathname}${briefPath}`)
    expect(await page.locator('.fd-fig--unchecked', { hasText: 'over 7%' }).count()).toBe(1)

    await page.getByText(/^Suggested checks: /).click()
    const button = page.locator(
      `button[data-fd-add-check][data-figure="over 7%"][data-expr='${expr}']`
    )
    await button.scrollIntoViewIfNeeded()
    await mkdir(join(sampleRoot, 'test-output', 'screenshots'), { recursive: true })
    await page.screenshot({
      path: join(sampleRoot, 'test-output', 'screenshots', 'dev-suggested-checks-1280x720.png')
    })
    await page.evaluate('window.__factdeskBeforeAdd = true')
    await button.click()
    await page.waitForFunction('window.__factdeskBeforeAdd === undefined', undefined, {
      timeout: reloadTimeout
    })
    await page
      .locator('.fd-fig--verified', { hasText: 'over 7%' })
      .first()
      .waitFor({ timeout: reloadTimeout })

    const written = await readFile(join(site.root, article), 'utf8')
    const lines = written.split('\n')
    const added = lines.indexOf('  - figure: "over 7%"')
    expect(lines[added + 1]).toBe(`    expr: ${expr}`)
    // Every other line is the editor's, comments included, in its place.
    expect([...lines.slice(0, added), ...lines.slice(added + 2)]).toEqual(unchecked.split('\n'))
    await page.close()
  }, 60_000)
})
