import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, launchChromium } from './chromium.js'
import { buildSample, sampleRoot, serveFolder } from './sample-site.js'
import type { Browser, Page } from 'playwright-core'
import type { BuiltSample } from './sample-site.js'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const screenshots = join(sampleRoot, 'test-output', 'screenshots')
/** A word only one sample story has: the town of the Enga landslide. */
const query = 'Wapenamanda'

describeInBrowser('search on the built sample site, served as a static host would', () => {
  let browser: Browser
  let sample: BuiltSample
  let server: { origin: string; close(): Promise<void> }

  beforeAll(async () => {
    sample = await buildSample()
    server = await serveFolder(sample.out)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await sample?.remove()
  })

  async function searchFromHome(width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } })
    await page.goto(`${server.origin}/`)
    await page.getByRole('searchbox', { name: 'Search the news' }).fill(query)
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/search/?q=${query}`)
    return page
  }

  it('finds the story a word of it is typed for in the header box, and opens it', async () => {
    const story = sample.result.articles.find((article) => article.lead.includes(query))
    if (!story) throw new Error(`no sample story mentions ${query}`)
    const page = await searchFromHome(1280)
    const results = page.locator('.pagefind-ui__result-link')
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(1)
    expect(await results.first().innerText()).toBe(story.frontmatter.title)
    await results.first().click()
    await page.waitForURL(`${server.origin}${story.url}`)
    expect(await page.locator('h1').first().innerText()).toBe(story.frontmatter.title)
    await page.close()
  })

  it('shows its results with no accessibility violation (axe-core)', async () => {
    const page = await searchFromHome(1280)
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    await page.addScriptTag({ path: axePath })
    const violations = await page.evaluate<{ id: string; nodes: { target: unknown[] }[] }[]>(
      'axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)'
    )
    expect(
      violations.map(
        (violation) =>
          `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
      )
    ).toEqual([])
    await page.close()
  })

  it('saves a screenshot of the search page at 390 px, without sideways scrolling', async () => {
    const page = await searchFromHome(390)
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth'
    )
    expect(overflow).toBe(0)
    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, 'search-390x800.png'), fullPage: true })
    await page.close()
  })
})
