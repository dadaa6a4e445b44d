import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from './chromium.js'
import { startSampleDevServer } from './sample-dev-server.js'
import type { SampleDevServer } from './sample-dev-server.js'
import { sampleRoot } from './sample-site.js'

const article = 'content/2025/11/04/crypto-day-of-terror.md'
const briefPath = '2025/11/04/crypto-day-of-terror/'
const expr = 'pct_change(btc.close, "2025-11-03", "2025-11-04")'
/** The sample story's check of "over 7%", which the test takes out and adds back by a click. */
const check = / {2}- figure: "over 7%"\n.*\n.*\n/
const reloadTimeout = 20_000

describeInBrowser('"Add this check" in the dev server, in Chromium', () => {
  let dev: SampleDevServer
  let unchecked: string

  beforeAll(async () => {
    dev = await startSampleDevServer(async (root) => {
      const original = await readFile(join(root, article), 'utf8')
      unchecked = original.replace(check, '')
      expect(unchecked).not.toBe(original)
      await writeFile(join(root, article), unchecked)
    })
  }, 60_000)

  afterAll(async () => {
    await dev?.stop()
  })

  it('writes the suggested check into the article, and the reloaded page shows the figure verified', async () => {
    const page = await dev.browser.newPage()
    await page.goto(dev.address(briefPath))
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

    const written = await readFile(join(dev.root, article), 'utf8')
    const lines = written.split('\n')
    const added = lines.indexOf('  - figure: "over 7%"')
    expect(lines[added + 1]).toBe(`    expr: ${expr}`)
    // Every other line is the editor's, comments included, in its place.
    expect([...lines.slice(0, added), ...lines.slice(added + 2)]).toEqual(unchecked.split('\n'))
    await page.close()
  }, 60_000)
})
