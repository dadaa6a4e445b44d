import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { startDevServer } from '../../src/dev/dev-server.js'
import { describeInBrowser, launchChromium } from './chromium.js'
import { copySample, sampleNow, sampleRoot } from './sample-site.js'
import type { Browser, Page } from 'playwright-core'
import type { DevServer } from '../../src/dev/dev-server.js'

const article = 'content/2025/11/04/crypto-day-of-terror.md'
const briefPath = '2025/11/04/crypto-day-of-terror/'
/** A rebuild of the sample site takes well under a second; this leaves room for a busy machine. */
const reloadTimeout = 20_000

describeInBrowser('the dev server in Chromium', () => {
  let browser: Browser
  let site: { root: string; remove(): Promise<void> }
  let server: DevServer
  let original: string
  const log: string[] = []

  beforeAll(async () => {
    site = await copySample()
    original = await readFile(join(site.root, article), 'utf8')
    server = await startDevServer({
      root: site.root,
      port: 0,
      strict: false,
      drafts: false,
      now: sampleNow,
      log: (line) => log.push(line),
      stopOnSigint: false
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.remove()
  })

  /** The dev server's address on 127.0.0.1, whatever `localhost` resolves to here. */
  function address(path: string): string {
    const url = new URL(server.url)
    return `http://127.0.0.1:${url.port}${url.pathname}${path}`
  }

  async function edit(change: (text: string) => string): Promise<void> {
    const path = join(site.root, article)
    await writeFile(path, change(await readFile(path, 'utf8')))
  }

  /** Marks the page's window; after a real reload the mark is gone. */
  async function markWindow(page: Page): Promise<void> {
    await page.evaluate('window.__factdeskBeforeEdit = true')
  }

  async function reloaded(page: Page): Promise<boolean> {
    return (await page.evaluate('window.__factdeskBeforeEdit === undefined')) === true
  }

  it('serves the 404 page with status 404 for a missing path', async () => {
    const page = await browser.newPage()
    const response = await page.goto(address('no/such/story/'))
    expect(response?.status()).toBe(404)
    expect(await page.title()).not.toBe('')
    await page.close()
  })

  it('reloads an open brief after its article is edited', async () => {
    const page = await browser.newPage()
    await page.goto(address(briefPath))
    expect(await page.locator('body').innerText()).toContain('a day of terror')
    await markWindow(page)
    await edit((text) => text.replace('turned into a day of terror', 'turned into a day of dread'))
    await page.waitForFunction("document.body.innerText.includes('a day of dread')", undefined, {
      timeout: reloadTimeout
    })
    expect(await reloaded(page)).toBe(true)
    await page.close()
  })

  it('shows, then clears, the overlay for a contradicted figure', async () => {
    const page = await browser.newPage()
    await page.goto(address(briefPath))
    expect(await page.locator('#factdesk-overlay').count()).toBe(0)

    await markWindow(page)
    await edit((text) => text.replaceAll('over 7%', 'over 9%'))
    const overlay = page.getByRole('dialog', { name: /^factdesk: / })
    await overlay.waitFor({ state: 'visible', timeout: reloadTimeout })
    expect(await reloaded(page)).toBe(true)

    const edited = await readFile(join(site.root, article), 'utf8')
    const offset = edited.indexOf('over 9%', edited.indexOf('\n---', 4))
    const line = edited.slice(0, offset).split('\n').length
    const column = offset - edited.lastIndexOf('\n', offset - 1)
    const items = await overlay.locator('li').allInnerTexts()
    expect(
      items.some(
        (item) =>
          item.startsWith(`${article}:${line}:${column}  error  `) &&
          item.endsWith('  figure-contradicted')
      )
    ).toBe(true)
    // The page under the overlay still renders, with the figure flagged.
    expect(await page.locator('.fd-fig--contradicted', { hasText: 'over 9%' }).count()).toBe(1)
    const screenshots = join(sampleRoot, 'test-output', 'screenshots')
    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, 'dev-overlay-1280x720.png') })

    await page.getByRole('button', { name: 'Close the problem list' }).click()
    expect(await page.locator('#factdesk-overlay').count()).toBe(0)

    await markWindow(page)
    await writeFile(
      join(site.root, article),
      original.replace('turned into a day of terror', 'turned into a day of dread')
    )
    await page.waitForFunction(
      "document.body.innerText.includes('a day of dread') && !document.body.innerText.includes('over 9%')",
      undefined,
      {
        timeout: reloadTimeout
      }
    )
    expect(await reloaded(page)).toBe(true)
    expect(await page.locator('#factdesk-overlay').count()).toBe(0)
    expect(await page.locator('.fd-fig--verified', { hasText: 'over 7%' }).count()).toBe(1)
    expect(log.some((line) => line.includes('figure-contradicted'))).toBe(true)
    await page.close()
  })
})

describeInBrowser('the dev server on a phone-sized screen while a story breaks', () => {
  let browser: Browser
  let site: { root: string; remove(): Promise<void> }
  let server: DevServer
  let original: string
  // While set, builds wait for it: the test looks at the page in the middle of a rebuild.
  let held: Promise<void> | undefined

  beforeAll(async () => {
    site = await copySample()
    original = await readFile(join(site.root, article), 'utf8')
    server = await startDevServer({
      root: site.root,
      port: 0,
      strict: false,
      drafts: false,
      now: sampleNow,
      log: () => undefined,
      buildSite: async (options) => {
        await held
        return build(options)
      },
      stopOnSigint: false
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.remove()
  })

  it('shows "Rebuilding…", then keeps the last good page with its YAML problem listed first', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    const { port, pathname } = new URL(server.url)
    await page.goto(`http://127.0.0.1:${port}${pathname}${briefPath}`)
    const headline = await page.locator('h1').first().innerText()
    expect(headline).toContain('Bitcoin')
    await page.evaluate('window.__factdeskBeforeEdit = true')

    let release: () => void = () => undefined
    held = new Promise<void>((resolve) => {
      release = resolve
    })
    // An unclosed flow sequence: the frontmatter is no longer YAML.
    await writeFile(join(site.root, article), original.replace(/^title: /m, 'title: ['))
    const status = page.getByRole('status')
    await page.waitForFunction(
      "document.getElementById('factdesk-status')?.textContent === 'Rebuilding…'",
      undefined,
      { timeout: reloadTimeout }
    )
    const box = await status.boundingBox()
    expect(box !== null && box.width > 0 && box.x + box.width <= 390).toBe(true)
    const screenshots = join(sampleRoot, 'test-output', 'screenshots')
    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, 'dev-rebuilding-390x844.png') })

    held = undefined
    release()
    const overlay = page.getByRole('dialog', { name: /^factdesk: / })
    await overlay.waitFor({ state: 'visible', timeout: reloadTimeout })
    expect(await page.evaluate('window.__factdeskBeforeEdit === undefined')).toBe(true)
    // The story's last good page, under the overlay that says why it is not the new one.
    expect(await page.locator('h1').first().innerText()).toBe(headline)
    const [first] = await overlay.locator('li').allInnerTexts()
    expect(first?.startsWith(`${article}:`)).toBe(true)
    expect(first?.endsWith('  frontmatter')).toBe(true)
    expect(await overlay.getByRole('heading', { level: 3 }).first().innerText()).toBe(
      `On this page, ${article}`
    )
    // Readable at 390px: nothing in the overlay runs off the side of the screen.
    const overflow = await overlay.evaluate((element) => element.scrollWidth - element.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const overlayBox = await overlay.boundingBox()
    expect(overlayBox !== null && overlayBox.width <= 390).toBe(true)
    await page.screenshot({ path: join(screenshots, 'dev-last-good-390x844.png') })

    // The next rebuild is announced inside the overlay, which is marked busy until the reload.
    held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.evaluate('window.__factdeskBeforeEdit = true')
    await writeFile(join(site.root, article), original)
    await page.waitForFunction(
      "document.querySelector('#factdesk-overlay #factdesk-status')?.textContent === 'Rebuilding…'",
      undefined,
      { timeout: reloadTimeout }
    )
    expect(await overlay.getAttribute('aria-busy')).toBe('true')
    await page.screenshot({ path: join(screenshots, 'dev-overlay-rebuilding-390x844.png') })
    held = undefined
    release()
    await overlay.waitFor({ state: 'detached', timeout: reloadTimeout })
    expect(await page.locator('h1').first().innerText()).toBe(headline)
    await page.close()
  })
})
