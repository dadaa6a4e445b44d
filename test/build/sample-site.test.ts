/**
 * The repository's sample newsroom, built once: it passes, every internal link resolves, the
 * feeds parse with absolute URLs, and the listing reads like the seed feed.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { beforeAll, describe, expect, it } from 'vitest'
import { readTree } from '../helpers/read-tree.js'
import { parseReport, runCli } from '../helpers/run-cli.js'
import { copySample } from '../helpers/sample-site.js'
import type { Element } from 'hast'

let site: Map<string, Buffer>
let exit: number
let output = ''

async function buildSample(
  base: string
): Promise<{ exit: number; tree: Map<string, Buffer>; stdout: string }> {
  const root = await copySample()
  if (base !== '/') {
    const yaml = await readFile(join(root, 'data/site.yaml'), 'utf8')
    await writeFile(join(root, 'data/site.yaml'), yaml.replace(/^base: .*$/m, `base: ${base}`))
  }
  const run = await runCli(['build', '--root', root])
  return {
    exit: run.exit,
    tree: run.exit === 0 ? await readTree(join(root, 'dist')) : new Map(),
    stdout: run.stdout
  }
}

function internalLinks(tree: Map<string, Buffer>): { page: string; link: string }[] {
  const links: { page: string; link: string }[] = []
  for (const [path, content] of tree) {
    if (!path.endsWith('.html')) continue
    const document = fromHtml(content.toString('utf8'))
    for (const element of selectAll('[href], [src]', document) as Element[]) {
      const value = String(element.properties.href ?? element.properties.src ?? '')
      if (value.startsWith('/') && !value.startsWith('//')) links.push({ page: path, link: value })
    }
  }
  return links
}

function resolves(tree: Map<string, Buffer>, link: string, base: string): boolean {
  if (!link.startsWith(base)) return false
  const path = decodeURIComponent(link.slice(base.length).split(/[?#]/)[0] ?? '')
  return tree.has(path === '' || path.endsWith('/') ? `${path}index.html` : path)
}

beforeAll(async () => {
  const built = await buildSample('/')
  exit = built.exit
  site = built.tree
  output = built.stdout
}, 120_000)

describe('the sample newsroom', () => {
  it('builds with exit 0, the crypto report strict and fully checked', () => {
    expect(exit, output).toBe(0)
    const report = parseReport(site.get('factcheck.json')?.toString() ?? '{}')
    const crypto = report.articles.find((entry) => entry.slug === 'crypto-day-of-terror')
    expect(crypto?.mode).toBe('strict')
    expect(crypto?.figures.length).toBeGreaterThan(15)
    expect(crypto?.figures.every((figure) => figure.status === 'verified')).toBe(true)
  })

  it('publishes latest.txt in the seed feed form: lead paragraph, then one cut line per story', () => {
    const lines = site.get('latest.txt')?.toString('utf8').split('\n') ?? []
    expect(lines.at(-1)).toBe('')
    const stories = lines.slice(1, -1)
    expect(stories).toHaveLength(6)
    for (const line of stories) {
      expect(line.endsWith('…')).toBe(true)
      expect([...new Intl.Segmenter().segment(line)]).toHaveLength(60)
    }
    expect(stories[0]?.slice(0, 59)).toBe(lines[0]?.slice(0, 59))
    expect(stories[0]).toMatch(/^A landslide/)
  })

  it('has no internal link that does not resolve inside dist/', () => {
    const links = internalLinks(site)
    expect(links.length).toBeGreaterThan(100)
    const broken = links.filter(({ link }) => !resolves(site, link, '/'))
    expect(broken).toEqual([])
  })

  it('keeps every link inside a sub-path when base is /news/', async () => {
    const built = await buildSample('/news/')
    expect(built.exit).toBe(0)
    const links = internalLinks(built.tree)
    expect(links.filter(({ link }) => !resolves(built.tree, link, '/news/'))).toEqual([])
  })

  it('publishes RSS, Atom and JSON feeds that parse and carry absolute URLs', () => {
    const parser = new XMLParser({ ignoreAttributes: false })
    const rss = parser.parse(site.get('feed.xml')?.toString() ?? '') as {
      rss: { channel: { item: { link: string }[] } }
    }
    const items = rss.rss.channel.item
    expect(items).toHaveLength(6)
    for (const item of items)
      expect(item.link).toMatch(/^https:\/\/news\.example\.org\/2025\/11\/04\/[a-z0-9-]+\/$/)
    const atom = parser.parse(site.get('atom.xml')?.toString() ?? '') as {
      feed: { entry: unknown[] }
    }
    expect(atom.feed.entry).toHaveLength(6)
    const json = JSON.parse(site.get('feed.json')?.toString() ?? '') as {
      version: string
      items: { url: string }[]
    }
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    for (const item of json.items) expect(item.url).toMatch(/^https:\/\//)
  })

  it('copies the data files the checks used and links them from the fact-check panel', () => {
    expect(site.has('data/markets/btc-usd.csv')).toBe(true)
    const brief = fromHtml(site.get('2025/11/04/crypto-day-of-terror/index.html')?.toString() ?? '')
    const dataLinks = (selectAll('a[href]', brief) as Element[])
      .map((element) => String(element.properties.href))
      .filter((href) => href.startsWith('/data/'))
    expect(dataLinks).toContain('/data/markets/btc-usd.csv')
  })
})
