/**
 * Hostile content (issue 6, SPEC 9): `test/fixtures/hostile/` puts scripts, event handlers,
 * `javascript:` and `data:` URLs, frames, SVG with script, `</script>`, `{{` and `<!--` into the
 * body, the frontmatter, the settings and a data file. The built site is read back file by file
 * (pages, feeds, JSON-LD, sitemap, latest.txt, factcheck.json) and, where Chromium is installed,
 * every page is opened in a browser: nothing may run and every string must read back as written.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readTree } from '../helpers/read-tree.js'
import { parseReport, runCli, runJson } from '../helpers/run-cli.js'
import { describeInBrowser, launchChromium } from '../browser/chromium.js'
import { serveFolder } from '../browser/sample-site.js'
import {
  hasElements,
  jsonLdOf,
  parsePage,
  plainText,
  textOfFirst,
  unsafeParts
} from './html-safety.js'

const fixture = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url))
const hostileFile = 'content/2025/11/04/hostile-body.md'
const hostilePage = '2025/11/04/hostile-body/index.html'
const searchPage = 'search/index.html'

/** The frontmatter keys the test reads back from the output. */
interface Frontmatter {
  title: string
  tags: string[]
  byline: string
  summary: string
  sources: { name: string; url?: string }[]
  corrections: { text: string }[]
}

let scratch: string
let root: string
let out: string
let site: Map<string, Buffer>
let hostile: Frontmatter
let siteTitle: string
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'category', 'url'].includes(name)
})

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'factdesk-hostile-'))
  // Built from a copy: the build keeps a cache under the site root, which must not land in test/.
  root = join(scratch, 'site')
  await cp(fixture, root, { recursive: true })
  out = join(scratch, 'dist')
  const built = await runCli(['build', '--root', root, '--out', out])
  expect(built.exit, built.stdout + built.stderr).toBe(0)
  site = await readTree(out)
  hostile = frontmatterOf(await readFile(join(fixture, hostileFile), 'utf8'))
  siteTitle = (
    parseYaml(await readFile(join(fixture, 'data/site.yaml'), 'utf8')) as { title: string }
  ).title
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

const text = (path: string): string => {
  const content = site.get(path)
  if (content === undefined)
    throw new Error(`no ${path} in the built site: ${[...site.keys()].join(', ')}`)
  return content.toString('utf8')
}

describe('hostile content in the built site', () => {
  it('builds every output the issue names', () => {
    for (const path of [
      hostilePage,
      'index.html',
      'feed.xml',
      'atom.xml',
      'feed.json',
      'sitemap.xml',
      'latest.txt',
      'factcheck.json',
      'factcheck/index.html'
    ]) {
      expect(site.has(path), path).toBe(true)
    }
  })

  it('leaves no script, event handler, script URL, frame or inline style in any page', () => {
    const pages = [...site.keys()].filter((path) => path.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(5)
    // The search page runs pagefind: its scripts are factdesk's own and hold no article content
    // (the template passes words through escaped data attributes), checked below.
    for (const path of pages.filter((page) => page !== searchPage))
      expect(unsafeParts(parsePage(text(path))), path).toEqual([])
    const search = text(searchPage)
    for (const value of [hostile.title, hostile.summary, hostile.byline])
      expect(search.includes(String(value)), `the search page holds ${String(value)}`).toBe(false)
    expect(
      unsafeParts(parsePage(search)).filter((part) => !part.startsWith('<script>'))
    ).toEqual([])
  })

  it('writes the JSON-LD of a brief so that it parses back to exactly the frontmatter strings', () => {
    const data = jsonLdOf(parsePage(text(hostilePage)))
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({
      '@type': 'NewsArticle',
      headline: hostile.title,
      description: hostile.summary,
      keywords: hostile.tags,
      author: { name: hostile.byline },
      publisher: { name: siteTitle }
    })
  })

  it('shows every frontmatter string as the text it is: escaped once, with no template run', () => {
    const page = parsePage(text(hostilePage))
    expect(textOfFirst(page, 'h1')).toBe(hostile.title)
    expect(textOfFirst(page, 'p', 'brief__byline')).toBe(`By ${hostile.byline}`)
    expect(textOfFirst(page, 'title')).toContain(hostile.title)
    const body = text(hostilePage)
    for (const source of hostile.sources)
      expect(textOfFirst(parsePage(body), 'section', 'brief__sources')).toContain(source.name)
    expect(textOfFirst(page, 'section', 'corrections')).toContain(hostile.corrections[0]?.text)
    expect(textOfFirst(page, 'section', 'brief__tags')).toContain(hostile.tags[0])
    expect(textOfFirst(page, 'div', 'brief__body')).toContain(
      '{{title}}, {{{title}}} and {{#each this}}x{{/each}}'
    )
  })

  it('finds no figure inside a raw <script> or <style> element of the body, which is not prose', async () => {
    const { report } = await runJson(['check', '--root', root])
    const figures = report.articles.find((entry) => entry.file === hostileFile)?.figures ?? []
    expect(figures.map((figure) => figure.text)).toEqual(['7.5%'])
  })

  it('writes well-formed RSS whose titles, read as HTML, are the headlines and hold no markup', () => {
    const feed = text('feed.xml')
    expect(XMLValidator.validate(feed)).toBe(true)
    const items = (xml.parse(feed) as { rss: { channel: { item: Record<string, unknown>[] } } }).rss
      .channel.item
    const item = items.find((entry) => String(entry.link).endsWith('/hostile-body/'))
    expect(item).toBeDefined()
    const title = parsePage(String(item?.title), { fragment: true })
    expect(hasElements(title)).toBe(false)
    expect(plainText(title)).toBe(hostile.title)
    for (const field of ['description', 'content:encoded']) {
      expect(unsafeParts(parsePage(String(item?.[field]), { fragment: true })), field).toEqual([])
    }
  })

  it('writes well-formed Atom whose titles and categories read back as written', () => {
    const feed = text('atom.xml')
    expect(XMLValidator.validate(feed)).toBe(true)
    const entries = (xml.parse(feed) as { feed: { entry: Record<string, unknown>[] } }).feed.entry
    const entry = entries.find((candidate) =>
      String((candidate.link as Record<string, unknown>)['@href']).endsWith('/hostile-body/')
    )
    expect(entry).toBeDefined()
    const title = parsePage(String((entry?.title as Record<string, unknown>)['#text']), {
      fragment: true
    })
    expect(plainText(title)).toBe(hostile.title)
    expect(
      ((entry?.category ?? []) as Record<string, unknown>[]).map((category) => category['@label'])
    ).toEqual(hostile.tags)
    for (const field of ['summary', 'content']) {
      const html = String((entry?.[field] as Record<string, unknown>)['#text'])
      expect(unsafeParts(parsePage(html, { fragment: true })), field).toEqual([])
    }
  })

  it('writes a JSON Feed whose plain-text fields are the strings as written and whose HTML is safe', () => {
    const feed = JSON.parse(text('feed.json')) as {
      title: string
      items: { url: string; title: string; content_html: string; tags?: string[] }[]
    }
    expect(feed.title).toBe(siteTitle)
    const item = feed.items.find((entry) => entry.url.endsWith('/hostile-body/'))
    expect(item?.title).toBe(hostile.title)
    expect(unsafeParts(parsePage(item?.content_html ?? '', { fragment: true }))).toEqual([])
  })

  it('writes a well-formed sitemap of absolute URLs on the site', () => {
    const sitemap = text('sitemap.xml')
    expect(XMLValidator.validate(sitemap)).toBe(true)
    const urls = (xml.parse(sitemap) as { urlset: { url: { loc: string }[] } }).urlset.url
    expect(urls.length).toBeGreaterThan(3)
    for (const url of urls) expect(new URL(url.loc).origin).toBe('https://news.example.org')
  })

  it('writes latest.txt as plain text: the hostile lead verbatim on the first line, one line per story', () => {
    const lines = text('latest.txt').split('\n')
    expect(lines.at(-1)).toBe('')
    expect(lines[0]).toBe(hostile.summary)
    expect(lines).toHaveLength(4)
  })

  it('writes factcheck.json that parses and names the hostile article', () => {
    const report = parseReport(text('factcheck.json'))
    expect(report.articles.map((entry) => entry.file)).toContain(hostileFile)
  })
})

describeInBrowser('hostile content in Chromium', () => {
  it('runs no script on any page, even when every element gets pointer, focus and load events', async () => {
    const server = await serveFolder(out)
    const browser = await launchChromium()
    try {
      const pages = [...site.keys()].filter((path) => path.endsWith('.html'))
      for (const path of pages) {
        const page = await browser.newPage()
        const dialogs: string[] = []
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        const url = `${server.origin}/${path.replace(/index\.html$/, '')}`
        await page.goto(url, { waitUntil: 'load' })
        await page.evaluate(fireEveryEvent)
        const state = (await page.evaluate(pageState)) as {
          pwned: unknown
          title: string
          href: string
        }
        expect(state.pwned, path).toBeUndefined()
        expect(state.title, path).not.toBe('PWNED')
        expect(state.href, path).toBe(url)
        expect(dialogs, path).toEqual([])
        await page.close()
      }
    } finally {
      await browser.close()
      await server.close()
    }
  }, 120_000)

  it('parses every feed and the sitemap with a strict XML parser', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      for (const path of ['feed.xml', 'atom.xml', 'sitemap.xml']) {
        expect(await page.evaluate(xmlErrors(text(path))), path).toBe('')
      }
    } finally {
      await browser.close()
    }
  })
})

/**
 * Browser-side code, as source text: the test's TypeScript has no DOM types, and this must run in
 * the page. Dispatching each event runs any inline handler that survived sanitizing.
 */
const fireEveryEvent = `for (const element of document.querySelectorAll('*'))
  for (const type of ['mouseover', 'mouseenter', 'focus', 'blur', 'load', 'error', 'toggle', 'animationstart'])
    element.dispatchEvent(new Event(type))`
const pageState = '({ pwned: window.__pwned, title: document.title, href: location.href })'

/** Chromium's XML parser (libxml2) is strict where the JavaScript ones are lenient (`<` in attributes). */
function xmlErrors(source: string): string {
  return `(() => {
    const parsed = new DOMParser().parseFromString(${JSON.stringify(source)}, 'application/xml')
    const error = parsed.getElementsByTagName('parsererror')[0]
    return error ? error.textContent : ''
  })()`
}

function frontmatterOf(source: string): Frontmatter {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? ''
  return parseYaml(yaml) as Frontmatter
}
