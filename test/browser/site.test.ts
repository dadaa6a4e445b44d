import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { collapseWhitespace, cutLine } from '../../src/render/excerpt.js'
import { describeInBrowser, launchChromium } from './chromium.js'
import { buildSample, sampleRoot, serveFolder } from './sample-site.js'
import type { Browser, Page } from 'playwright-core'
import type { ArticleSummary } from '../../src/article/article-records.js'
import type { BuiltSample } from './sample-site.js'

const require = createRequire(import.meta.url)
const axePath = require.resolve('axe-core/axe.min.js')
const screenshots = join(sampleRoot, 'test-output', 'screenshots')
const cryptoSlug = 'crypto-day-of-terror'

describeInBrowser('the built sample site in Chromium', () => {
  let browser: Browser
  let sample: BuiltSample
  let server: { origin: string; close(): Promise<void> }
  let page: Page
  /** Newest first, as listings and the seed feed order them (SPEC 8). */
  let stories: ArticleSummary[]

  beforeAll(async () => {
    sample = await buildSample()
    server = await serveFolder(sample.out)
    browser = await launchChromium()
    stories = [...sample.result.articles].sort(
      (a, b) => b.frontmatter.date.toMillis() - a.frontmatter.date.toMillis()
    )
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await sample?.remove()
  })

  async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    await page?.close()
    page = await browser.newPage({ viewport })
    const response = await page.goto(`${server.origin}${path}`)
    expect(response?.status(), `status of ${path}`).toBe(200)
    return page
  }

  function brief(slug: string): ArticleSummary {
    const found = stories.find((story) => story.frontmatter.slug === slug)
    if (!found) throw new Error(`the sample site has no article ${slug}`)
    return found
  }

  it('lists the stories on the home page: the lead in full, then each other headline over its cut line', async () => {
    const home = await open('/')
    const text = collapseWhitespace(await home.locator('body').innerText())
    const { excerpt_length: length } = sample.result.settings
    const [lead, ...others] = stories
    if (!lead) throw new Error('the sample site has no stories')
    const leadParagraph = collapseWhitespace(lead.lead)
    expect(text).toContain(leadParagraph)
    // The lead story is shown in full once, and not cut again under itself (SPEC 8).
    expect(text).not.toContain(cutLine(lead.lead, length))
    let cursor = text.indexOf(leadParagraph) + leadParagraph.length
    for (const story of others) {
      const line = cutLine(story.lead, length)
      expect(line.endsWith('…'), `the sample lead of ${story.file} is longer than a line`).toBe(
        true
      )
      const headline = collapseWhitespace(story.frontmatter.title)
      const titled = text.indexOf(headline, cursor)
      expect(titled, `"${headline}" after the stories before it`).toBeGreaterThan(-1)
      const at = text.indexOf(line, titled + headline.length)
      expect(at, `"${line}" under its headline`).toBeGreaterThan(-1)
      cursor = at + line.length
    }
    const latest = await (await fetch(`${server.origin}/latest.txt`)).text()
    expect(latest).toBe(
      `${[leadParagraph, ...stories.map((story) => cutLine(story.lead, length))].join('\n')}\n`
    )
  })

  it('opens its brief from every listing link on the home page', async () => {
    const home = await open('/')
    const hrefs = await home
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
    const origin = server.origin
    for (const story of stories) {
      const links = [
        ...new Set(hrefs.filter((href) => new URL(href, `${origin}/`).pathname === story.url))
      ]
      expect(links.length, `links to ${story.url} on the home page`).toBeGreaterThan(0)
      for (const href of links) {
        await open('/')
        await Promise.all([
          page.waitForURL(`${origin}${story.url}`),
          page.locator(`a[href="${href}"]`).first().click()
        ])
        expect(collapseWhitespace(await page.locator('h1').first().innerText())).toBe(
          collapseWhitespace(story.frontmatter.title)
        )
      }
    }
  })

  it("keeps a hover text on every mark in the HTML (SPEC 8), in the data dictionary's words", async () => {
    const html = await (await fetch(`${server.origin}${brief(cryptoSlug).url}`)).text()
    const titles = [...html.matchAll(/class="fd-fig[^"]*"[^>]*title="([^"]*)"/g)].map(
      (match) => match[1] ?? ''
    )
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.filter((title) => title.trim() === '')).toEqual([])
    expect(
      titles.some(
        (title) => title.includes('7.3') && title.includes('Source: Bitcoin daily prices')
      )
    ).toBe(true)
  })

  it('makes every mark a button that opens its popover by keyboard and closes it with Escape', async () => {
    const page = await open(brief(cryptoSlug).url)
    const marks = page.locator('.fd-fig')
    expect(await marks.count()).toBeGreaterThan(0)
    // No reliance on `title`: every mark is a focusable button, its explanation in the popover.
    const states = await marks.evaluateAll((elements) =>
      elements.map((mark) => [
        mark.getAttribute('role'),
        mark.getAttribute('tabindex'),
        mark.hasAttribute('title')
      ])
    )
    expect(new Set(states.map((state) => JSON.stringify(state)))).toEqual(
      new Set([JSON.stringify(['button', '0', false])])
    )
    // Reached with Tab alone, from the top of the page.
    let focused = ''
    for (let press = 0; press < 60 && !focused.startsWith('fd-fig'); press++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate<string>('document.activeElement?.className ?? ""')
    }
    expect(focused).toMatch(/^fd-fig/)
    const mark = page.locator('.fd-fig--verified', { hasText: 'over 7%' }).first()
    await mark.focus()
    await page.keyboard.press('Enter')
    const popover = page.locator('#fd-pop')
    await expect.poll(() => popover.isVisible()).toBe(true)
    expect(await mark.getAttribute('aria-expanded')).toBe('true')
    const said = collapseWhitespace(await popover.innerText())
    expect(said).toMatch(/^Matches our data /)
    expect(said).toContain('7.3%')
    expect(said).toContain('Source: Bitcoin daily prices')
    await page.keyboard.press('Escape')
    await expect.poll(() => popover.isVisible()).toBe(false)
    expect(await mark.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('over 7%')
    await page.keyboard.press(' ')
    await expect.poll(() => popover.isVisible()).toBe(true)
  })

  it("opens a mark's popover with a tap on a phone, inside the screen, and closes it with a tap elsewhere", async () => {
    await page?.close()
    page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true
    })
    await page.goto(`${server.origin}${brief(cryptoSlug).url}`)
    const mark = page.locator('.fd-fig--verified', { hasText: 'over 7%' }).first()
    await mark.tap()
    const popover = page.locator('#fd-pop')
    await expect.poll(() => popover.isVisible()).toBe(true)
    const box = await popover.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    // Elsewhere is a line with no mark in it: the headline holds marks of its own (its figures are
    // checked), and where its middle falls depends on how the browser wraps it.
    await page.locator('.brief__byline').first().tap()
    await expect.poll(() => popover.isVisible()).toBe(false)
  })

  it('folds the panel: one line on top links to it, closed under one phone screen, open under half its old length', async () => {
    const story = brief(cryptoSlug)
    const page = await open(story.url, { width: 390, height: 844 })
    const line = page.locator('.fact-line a')
    expect(collapseWhitespace(await line.innerText())).toMatch(
      /^\d+ figures checked against our data$/
    )
    expect(await line.getAttribute('href')).toBe('#fact-check')
    const panel = page.locator('aside.fact-panel')
    const height = async () => (await panel.boundingBox())?.height ?? Infinity
    const list = page.locator('details.fact-panel__list')
    expect(await list.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(
      false
    )
    const closed = await height()
    expect(closed).toBeLessThan(844)
    await page.locator('details.fact-panel__list > summary').click()
    // 6,233 px: the panel of this story on a phone before issue 19, every check unfolded.
    const unfolded = await height()
    expect(unfolded).toBeLessThan(6233 / 2)
    const text = collapseWhitespace(await panel.innerText())
    // The sample builds clean, so each check bound a figure: the panel lists exactly those.
    for (const figure of story.figures.filter((result) => result.expr !== null))
      expect(text).toContain(figure.text)
    expect(text).not.toContain('pct_change')
    const dataLinks = await panel
      .locator('a[href*="data/"]')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as unknown as { href: string }).href)
      )
    expect(dataLinks.some((href) => href.endsWith('/data/markets/btc-usd.csv'))).toBe(true)
    for (const href of new Set(dataLinks)) expect((await fetch(href)).status, href).toBe(200)
  })

  it('renders /factcheck/ with every article and the verdict of its figures in plain words', async () => {
    const page = await open('/factcheck/')
    expect(await page.locator('h1').count()).toBeGreaterThan(0)
    const paths = await page
      .locator('a[href]')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as unknown as { href: string }).href)
      )
    for (const story of stories) {
      expect(
        paths.map((href) => new URL(href).pathname),
        `a link to ${story.url}`
      ).toContain(story.url)
    }
    const text = collapseWhitespace(await page.locator('body').innerText())
    expect(text).toContain(
      "over 7% Matches our data — Bitcoin's closing price fell 7.3% from 3 to 4 November 2025."
    )
    expect(text).not.toMatch(/pct_change|standard mode|Warnings/)
  })

  it.each([
    ['the home page', '/'],
    ['a brief', `/2025/11/04/${cryptoSlug}/`],
    ['the fact-check report', '/factcheck/']
  ])('has no serious or critical accessibility violation on %s (axe-core)', async (_name, path) => {
    const page = await open(path)
    await page.addScriptTag({ path: axePath })
    const violations = await page.evaluate<
      { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
    >('axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)')
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
      )
    expect(serious).toEqual([])
  })

  it.each(['/', `/2025/11/04/${cryptoSlug}/`, '/factcheck/'])(
    'reads in the dark palette too: no accessibility violation on %s with prefers-color-scheme dark',
    async (path) => {
      await page?.close()
      page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' })
      await page.goto(`${server.origin}${path}`)
      // The dark palette is in force: the page background is not white.
      expect(
        await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')
      ).not.toBe('rgb(255, 255, 255)')
      await page
        .locator('details')
        .evaluateAll((folds) =>
          folds.forEach((fold) => ((fold as unknown as { open: boolean }).open = true))
        )
      await page.addScriptTag({ path: axePath })
      const violations = await page.evaluate<{ id: string; nodes: { target: unknown[] }[] }[]>(
        'axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)'
      )
      expect(
        violations.map(
          (found) => `${found.id} at ${found.nodes.map((node) => node.target.join(' ')).join(', ')}`
        )
      ).toEqual([])
    }
  )

  it.each([
    ['phone', 390, 844],
    ['desktop', 1280, 800]
  ])(
    'saves screenshots of the home page and a brief at %s width, without sideways scrolling',
    async (_name, width, height) => {
      await mkdir(screenshots, { recursive: true })
      for (const [name, path] of [
        ['home', '/'],
        ['brief', `/2025/11/04/${cryptoSlug}/`]
      ] as const) {
        const page = await open(path, { width, height })
        const file = join(screenshots, `${name}-${width}x${height}.png`)
        await page.screenshot({ path: file, fullPage: true })
        const png = await readFile(file)
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
        // The IHDR chunk holds the image width: a page wider than the window scrolls sideways.
        expect(png.readUInt32BE(16), `${name} at ${width}px`).toBe(width)
      }
    }
  )
})
