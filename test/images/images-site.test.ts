/**
 * Images through a real build (issue 18): a photo beside the article and a chart in `public/`
 * are published as responsive pictures with their size, lazily, each variant written in its
 * format; a titled image alone in its paragraph is a figure; the lead photo is under the
 * headline, in the social meta, the JSON-LD, the feeds and the listings; a second build takes
 * every variant from the cache.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import type { Element, Root } from 'hast'
import { DateTime } from 'luxon'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { variantCounts } from '../../src/images/make-variants.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { writeImagesSite } from './image-fixture.js'

const scratch = tempFolders('images-site')
const story = 'content/2025/11/04/harbour-day.md'

let root: string
let out: string
let cacheDir: string
let first: BuildResult
let made: number

function built(): Promise<BuildResult> {
  return build({
    root,
    out,
    cacheDir,
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2026-01-01T00:00:00Z'),
    write: true
  })
}

async function page(path: string): Promise<Root> {
  return fromHtml(await readFile(join(out, path), 'utf8'))
}

function prop(element: Element | undefined, name: string): string {
  const value = element?.properties[name]
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** The output paths of a `srcset` (`/news/a.webp 480w, ...`), without `base`. */
function srcsetPaths(srcset: string): string[] {
  return srcset.split(', ').map((entry) => (entry.split(' ')[0] ?? '').replace(/^\/news\//, ''))
}

beforeAll(async () => {
  root = await scratch()
  out = join(root, 'dist')
  cacheDir = join(root, 'cache')
  await writeImagesSite(root)
  const before = variantCounts.made
  first = await built()
  made = variantCounts.made - before
}, 120_000)

describe('images in an article', () => {
  it('passes, warning only of the image without alt text, at its place', () => {
    expect(first.exit).toBe(0)
    const entry = first.report.articles.find((article) => article.file === story)
    expect(entry?.problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.severity}`)).toEqual([
      '15:1 image-alt warning'
    ])
  })

  it('publishes a local photo as a picture with sources, srcset, size and lazy loading', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const figure = select('.brief__body figure', brief)
    const img = select('picture img', figure ?? brief)
    expect(prop(img, 'alt')).toBe('Cranes over the harbour')
    expect([prop(img, 'width'), prop(img, 'height')]).toEqual(['1600', '1066'])
    expect([prop(img, 'loading'), prop(img, 'decoding')]).toEqual(['lazy', 'async'])
    expect(selectAll('picture source', figure ?? brief).map((s) => prop(s, 'type'))).toEqual([
      'image/avif',
      'image/webp'
    ])
    expect(srcsetPaths(prop(img, 'srcSet')).map((path) => path.split('-').at(-1))).toEqual([
      '480.jpeg',
      '960.jpeg',
      '1600.jpeg'
    ])
    expect(prop(img, 'src')).toMatch(/^\/news\/assets\/images\/harbour-[0-9a-f]{10}-1600\.jpeg$/)
  })

  it('makes a titled image alone in its paragraph a figure with the title as caption', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const caption = select('.brief__body figure > figcaption', brief)
    expect(caption?.children).toEqual([
      expect.objectContaining({ value: 'Cranes at dawn, before the strike began' })
    ])
    expect(select('.brief__body figure img[title]', brief)).toBeUndefined()
  })

  it('keeps an image inside a sentence in its paragraph, never upscaled past its width', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const img = select('.brief__body p picture img[alt="Weekly volumes"]', brief)
    expect([prop(img, 'width'), prop(img, 'height')]).toEqual(['700', '400'])
    expect(srcsetPaths(prop(img, 'srcSet')).map((path) => path.split('-').at(-1))).toEqual([
      '480.png',
      '700.png'
    ])
  })

  it('keeps a remote image as written, loaded lazily, without variants', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const img = select('.brief__body img[src^="https:"]', brief)
    expect(prop(img, 'src')).toBe('https://images.example.com/remote.jpg')
    expect(prop(img, 'loading')).toBe('lazy')
    expect(select('.brief__body picture img[src^="https:"]', brief)).toBeUndefined()
  })

  it('writes every variant a page names, in the format and width it names', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const named = selectAll('.brief__body picture source, .brief__body picture img', brief).flatMap(
      (element) => srcsetPaths(prop(element, 'srcSet'))
    )
    expect(named.length).toBe(3 * 3 + 2 * 3)
    for (const path of named) {
      const metadata = await sharp(await readFile(join(out, path))).metadata()
      const [, width, format] = /-(\d+)\.(\w+)$/.exec(path) ?? []
      expect(`${metadata.width} ${metadata.format}`).toBe(
        `${width} ${format === 'avif' ? 'heif' : format}`
      )
    }
  })
})

describe('the lead photo', () => {
  it('is under the headline with its credit', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const img = select('figure.lead-photo picture img', brief)
    expect(prop(img, 'alt')).toBe('Three cranes over an empty quay')
    expect(select('figure.lead-photo figcaption', brief)?.children).toEqual([
      expect.objectContaining({ value: 'Photo: Desk photographer' })
    ])
  })

  it('is the social card, a 1200px JPEG at an absolute URL', async () => {
    const brief = await page('2025/11/04/harbour-day/index.html')
    const og = prop(select('meta[property="og:image"]', brief), 'content')
    expect(og).toMatch(
      /^https:\/\/news\.example\.org\/news\/assets\/images\/harbour-\w+-1200\.jpeg$/
    )
    expect(prop(select('meta[name="twitter:image"]', brief), 'content')).toBe(og)
    expect(prop(select('meta[name="twitter:card"]', brief), 'content')).toBe('summary_large_image')
    const file = join(out, new URL(og).pathname.replace(/^\/news\//, ''))
    const metadata = await sharp(await readFile(file)).metadata()
    expect([metadata.width, metadata.format]).toEqual([1200, 'jpeg'])
    const jsonLd = select('script[type="application/ld+json"]', brief)
    const data = JSON.parse(
      String(jsonLd?.children[0] && 'value' in jsonLd.children[0] ? jsonLd.children[0].value : '')
    ) as { image: string[] }
    expect(data.image).toEqual([og])
  })

  it('is the image of its item in every feed', async () => {
    const json = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')) as {
      items: { url: string; image?: string }[]
    }
    const item = json.items.find((entry) => entry.url.endsWith('/harbour-day/'))
    expect(item?.image).toMatch(/-1200\.jpeg$/)
    const rss = fromHtml(await readFile(join(out, 'feed.xml'), 'utf8'), { space: 'svg' })
    expect(prop(select('enclosure', rss), 'url')).toBe(item?.image)
    const atom = fromHtml(await readFile(join(out, 'atom.xml'), 'utf8'), { space: 'svg' })
    expect(prop(select('link[rel="enclosure"]', atom), 'href')).toBe(item?.image)
  })

  it('is a lazy picture over the lead story in listings, with its size', async () => {
    // The photo's story is the newest, so it leads every listing it is in and is not listed
    // again below: the thumbnail of a story line is tested in test/render/story-lines.test.ts.
    for (const listing of ['index.html', 'business/index.html']) {
      const home = await page(listing)
      const img = select('.lead-story picture img', home)
      expect([prop(img, 'width'), prop(img, 'height'), prop(img, 'loading')]).toEqual([
        '1600',
        '1066',
        'lazy'
      ])
      expect(select('.story-thumb', home)).toBeUndefined()
    }
  })
})

describe('a second build', () => {
  it('takes every variant from the build cache: sharp encodes nothing', async () => {
    expect(made).toBe(3 * 3 + 2 * 3 + 1)
    const before = variantCounts.made
    const again = await built()
    expect(again.exit).toBe(0)
    expect(variantCounts.made - before).toBe(0)
    expect((await stat(join(out, 'index.html'))).isFile()).toBe(true)
  }, 60_000)
})

describe('factdesk check', () => {
  it('encodes no variant, with a cold cache, and finds the same problems as the build', async () => {
    const before = variantCounts.made
    const checked = await build({
      root,
      out,
      cacheDir: join(root, 'check-cache'),
      strict: false,
      drafts: false,
      now: DateTime.fromISO('2026-01-01T00:00:00Z'),
      write: false,
      variants: false
    })
    expect(variantCounts.made - before).toBe(0)
    expect(checked.exit).toBe(first.exit)
    expect(checked.report.articles.map((entry) => entry.problems)).toEqual(
      first.report.articles.map((entry) => entry.problems)
    )
  }, 60_000)
})
