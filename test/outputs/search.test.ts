import { gunzipSync } from 'node:zlib'
import { DateTime } from 'luxon'
import { select, selectAll } from 'hast-util-select'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { SearchPages, searchFiles } from '../../src/search/search-index.js'
import type { OutputFile } from '../../src/types.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { readTree } from '../helpers/read-tree.js'
import { htmlFiles, pageOf } from '../render/site-files.js'

const now = DateTime.fromISO('2025-11-06T00:00:00Z', { zone: 'utc' })

/** A brief as pages frame it: navigation around `main`, a fact-check panel inside it. */
function briefHtml(headline: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${headline}</title></head><body>
<header><nav><a href="/">navigationword</a></nav></header>
<main id="main"><article class="brief"><h1>${headline}</h1><p>${body}</p>
<aside class="fact-panel"><p>panelword computed</p></aside></article></main>
<footer>footerword</footer></body></html>`
}

/** A fragment of the index (one per page), as pagefind's script reads it. */
interface Fragment {
  url: string
  content: string
  meta: { title: string }
}

function fragmentsOf(files: readonly OutputFile[]): Fragment[] {
  return files
    .filter((file) => file.path.startsWith('pagefind/fragment/'))
    .map((file) => {
      const text = gunzipSync(file.content).toString('utf8')
      // A fragment is pagefind's signature followed by the JSON of the page.
      return JSON.parse(text.slice(text.indexOf('{'))) as Fragment
    })
    .sort((a, b) => a.url.localeCompare(b.url))
}

function bytesOf(files: readonly OutputFile[]): string[] {
  return files.map((file) => `${file.path} ${Buffer.from(file.content).toString('base64')}`)
}

const pages: [string, string][] = [
  ['us/zebra-crossing/index.html', briefHtml('Zebra crossing opens', 'Walkers cheered.')],
  ['markets/bitcoin-falls/index.html', briefHtml('Bitcoin falls', 'Traders sold.')]
]

describe('the search index of the briefs', () => {
  it('indexes the story of each brief under its base-applied address, not the panel or navigation', async () => {
    const gathered = new SearchPages()
    for (const [path, html] of pages) gathered.add(path, html)
    const files = await searchFiles(gathered, { base: '/news/', language: 'en' })
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'pagefind/pagefind.js',
        'pagefind/pagefind-ui.js',
        'pagefind/pagefind-ui.css'
      ])
    )
    const fragments = fragmentsOf(files)
    expect(fragments.map((fragment) => [fragment.url, fragment.meta.title])).toEqual([
      ['/news/markets/bitcoin-falls/', 'Bitcoin falls'],
      ['/news/us/zebra-crossing/', 'Zebra crossing opens']
    ])
    const text = fragments.map((fragment) => fragment.content).join(' ')
    expect(text).toContain('Walkers cheered.')
    for (const outside of ['panelword', 'navigationword', 'footerword'])
      expect(text, `${outside} is not the story`).not.toContain(outside)
  })

  it('is byte-identical whatever order the briefs were finished in', async () => {
    const forward = new SearchPages()
    for (const [path, html] of pages) forward.add(path, html)
    const backward = new SearchPages()
    for (const [path, html] of [...pages].reverse()) backward.add(path, html)
    const settings = { base: '/', language: 'en' }
    expect(bytesOf(await searchFiles(backward, settings))).toEqual(
      bytesOf(await searchFiles(forward, settings))
    )
  })
})

describe('search in a built site', async () => {
  const root = await tempSite({
    'data/site.yaml': `${siteYaml}base: /news/\nsearch: true\n`,
    'content/zebra.md': article(
      'title: Zebra crossing opens\ndate: 2025-11-04\nsection: us',
      'Walkers cheered the stripes.\n'
    ),
    'content/quiet.md': article('title: A quiet day\ndate: 2025-11-05\nsection: us')
  })
  const options = { root, out: '', strict: false, drafts: false, now, write: false }
  const built = await build(options)

  it('holds the index and the search page among its files, so the dev server serves them', () => {
    expect(built.exit).toBe(0)
    expect(fragmentsOf(built.files).map((fragment) => fragment.url)).toEqual([
      '/news/2025/11/04/zebra/',
      '/news/2025/11/05/quiet/'
    ])
    const page = pageOf(built.files, 'search/index.html')
    expect(select('meta[name="robots"]', page)?.properties.content).toBe('noindex')
    expect(select('script[src="/news/pagefind/pagefind-ui.js"]', page)).toBeDefined()
    expect(select('link[href="/news/pagefind/pagefind-ui.css"]', page)).toBeDefined()
  })

  it('puts a search box sending `q` to the search page on every page', () => {
    for (const file of htmlFiles(built.files)) {
      const page = pageOf(built.files, file.path)
      const form = select('form[role="search"]', page)
      expect(form?.properties, file.path).toMatchObject({ action: '/news/search/', method: 'get' })
      const input = select('input[name="q"]', form ?? page)
      const id = String(input?.properties.id)
      expect(selectAll(`label[for="${id}"]`, page), `${file.path} labels its box`).toHaveLength(1)
    }
  })

  it('is the same on every build of the same site', async () => {
    const again = await build(options)
    const indexOf = (files: readonly OutputFile[]) =>
      bytesOf(files.filter((file) => file.path.startsWith('pagefind/')))
    expect(indexOf(again.files)).toEqual(indexOf(built.files))
  })

  it('is not made by `check`, which publishes nothing', async () => {
    const checked = await build({ ...options, variants: false })
    expect(checked.files.filter((file) => file.path.startsWith('pagefind/'))).toEqual([])
  })
})

describe('the index of a written build, fed to pagefind while its briefs are checked', async () => {
  // File order (a, b, c, d) is not the order of the briefs' addresses (by date), which pagefind
  // takes them in: the feed must hold back what arrives early.
  const root = await tempSite({
    'data/site.yaml': `${siteYaml}search: true\n`,
    'content/a.md': article('title: Alpha rises\ndate: 2025-11-05', 'Alpha words.\n'),
    'content/b.md': article('title: Beta falls\ndate: 2025-11-02', 'Beta words.\n'),
    'content/c.md': article('title: Gamma holds\ndate: 2025-11-04', 'Gamma words.\n'),
    'content/d.md': article('title: Delta slips\ndate: 2025-11-03', 'Delta words.\n')
  })
  const options = { root, strict: false, drafts: false, now }

  it('is byte for byte the index made whole once every brief is in', async () => {
    const out = `${root}/dist`
    const written = await build({ ...options, out, write: true, cacheDir: `${root}/cache` })
    expect(written.exit).toBe(0)
    const onDisk = [...(await readTree(`${out}/pagefind`))]
      .map(([path, content]) => ({ path: `pagefind/${path}`, content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
    const whole = await build({ ...options, out: '', write: false })
    const made = whole.files.filter((file) => file.path.startsWith('pagefind/'))
    expect(onDisk.length).toBeGreaterThan(4)
    expect(bytesOf(onDisk)).toEqual(bytesOf(made))
  })
})

describe('a site with search: false', async () => {
  const root = await tempSite({
    'data/site.yaml': `${siteYaml}search: false\n`,
    'content/zebra.md': article('title: Zebra crossing opens\ndate: 2025-11-04', 'Stripes.\n')
  })
  const built = await build({ root, out: '', strict: false, drafts: false, now, write: false })

  it('has no index, no search page and no search box (indexing costs every build)', () => {
    expect(built.exit).toBe(0)
    expect(built.files.filter((file) => /^(pagefind|search)\//.test(file.path))).toEqual([])
    const home = pageOf(built.files, 'index.html')
    expect(select('form[role="search"]', home)).toBeUndefined()
  })
})
