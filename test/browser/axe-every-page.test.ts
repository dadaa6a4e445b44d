/**
 * Issue 19, item 8: axe-core reports no violation, of every impact, on every HTML page of the
 * built sample site, the search page included with a query typed and its results shown. One
 * browser and one tab serve every page, so the whole site is checked in seconds.
 */
import { readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, launchChromium } from './chromium.js'
import { buildSample, serveFolder } from './sample-site.js'
import type { Browser, Page } from 'playwright-core'
import type { BuiltSample } from './sample-site.js'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
/** A word only one sample story has: the town of the Enga landslide. */
const query = 'Wapenamanda'

interface Violation {
  id: string
  impact: string | null
  nodes: { target: unknown[] }[]
}

describeInBrowser('axe-core on every page of the built sample site', () => {
  let browser: Browser
  let sample: BuiltSample
  let server: { origin: string; close(): Promise<void> }
  let page: Page

  beforeAll(async () => {
    sample = await buildSample()
    server = await serveFolder(sample.out)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await sample?.remove()
  })

  /** Every `.html` file of the output as the URL path a host serves it at, sorted. */
  async function htmlPaths(): Promise<string[]> {
    const entries = await readdir(sample.out, { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => {
        const folder = (entry.parentPath ?? entry.path).slice(sample.out.length)
        const path = `${folder.replaceAll('\\', '/')}/${entry.name}`
        return path.replace(/(^|\/)index\.html$/, '$1') || '/'
      })
      .sort()
  }

  /** The violations of the page open in the tab, one line each: page, rule, impact, nodes. */
  async function violationsOf(path: string): Promise<string[]> {
    await page.addScriptTag({ path: axePath })
    const violations = await page.evaluate<Violation[]>(
      'axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)'
    )
    return violations.map(
      (violation) =>
        `${path}: ${violation.id} (${violation.impact ?? 'no impact'}) at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`
    )
  }

  it(
    'finds no violation, whatever its impact, on every page and on search results',
    { timeout: 300_000 },
    async () => {
      const paths = await htmlPaths()
      // The sample has briefs, listings, the report page, 404 and search: a folder read wrong is
      // never a pass.
      expect(paths).toContain('/')
      expect(paths).toContain('/404.html')
      expect(paths).toContain('/factcheck/')
      expect(paths).toContain('/search/')
      const found: string[] = []
      for (const path of paths) {
        const response = await page.goto(`${server.origin}${path}`)
        expect(response?.status(), `status of ${path}`).toBe(200)
        if (path === '/search/') continue
        found.push(...(await violationsOf(path)))
      }
      // The search page is checked as a reader sees it: a query typed, its results shown.
      await page.goto(`${server.origin}/search/?q=${query}`)
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
      found.push(...(await violationsOf(`/search/?q=${query}`)))
      expect(found).toEqual([])
    }
  )
})
