import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentTypeOf } from '../../src/dev/content-type.js'
import { RefusedInput } from '../../src/output/output-target.js'
import { startPreview } from '../../src/preview/preview-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { builtSite, extraFiles, preview, send } from './built-site.js'

const story = '2025/11/04/first-story/'

describe('factdesk preview of a site at the root', () => {
  let site: { root: string; out: string }
  beforeAll(async () => {
    site = await builtSite()
  })

  it('says where it serves the site', async () => {
    const { preview: running, lines } = await preview(site.root, site.out)
    expect(running.url).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(lines).toEqual([`factdesk preview: serving ${running.url}`])
  })

  it('serves a folder by its index.html', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/${story}`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    const title = select('h1', fromHtml(answer.body))
    expect(title && toString(title)).toBe('First story')
  })

  it('redirects a folder asked for without its slash with a 301, keeping the query', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/${story.slice(0, -1)}?ref=feed`)
    expect([answer.status, answer.headers.location]).toEqual([301, `/${story}?ref=feed`])
  })

  it('answers an unknown path with the site 404 page and status 404', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, '/2025/11/04/no-such-story/')
    expect(answer.status).toBe(404)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    const tree = fromHtml(answer.body)
    expect(select('title', tree)).toBeDefined()
    expect(answer.body).toBe(await send(origin, '/404.html').then((page) => page.body))
  })

  it('serves every file of the build with its content type, none as bare bytes', async () => {
    const { origin } = await preview(site.root, site.out)
    const files = (await readdir(site.out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(site.out.length + 1))
    expect(files).toEqual(expect.arrayContaining(['feed.xml', 'robots.txt', 'feed.json']))
    for (const file of files) {
      const answer = await send(origin, `/${file}`, { method: 'HEAD' })
      expect({ file, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        file,
        status: 200,
        type: contentTypeOf(file)
      })
      // The search index's own files (`.pf_fragment`, `.pagefind`...) are gzip data that
      // pagefind's script fetches and unpacks: bytes, as every static host serves them.
      if (/^pagefind\/.*\.(pf_[a-z]+|pagefind)$/.test(file)) continue
      expect({ file, type: answer.headers['content-type'] }).not.toEqual({
        file,
        type: 'application/octet-stream'
      })
    }
  })

  it.each([
    ['images/lead.png', 'image/png'],
    ['images/lead.jpg', 'image/jpeg'],
    ['images/lead.webp', 'image/webp'],
    ['images/lead.avif', 'image/avif'],
    ['favicon.ico', 'image/x-icon'],
    ['fonts/serif.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['scripts/embed.js', 'text/javascript; charset=utf-8'],
    ['downloads/table.csv', 'text/csv; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['feed.json', 'application/json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8']
  ])('serves %s as %s, byte for byte', async (path, type) => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/${path}`)
    expect([answer.status, answer.headers['content-type']]).toEqual([200, type])
    if (path in extraFiles) expect(answer.body).toBe(extraFiles[path])
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const { origin } = await preview(site.root, site.out)
    const get = await send(origin, `/${story}`)
    const head = await send(origin, `/${story}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)))
    expect(head.headers.etag).toBe(get.headers.etag)
  })

  it('serves one byte range with 206, and says so when a range is past the end', async () => {
    const { origin } = await preview(site.root, site.out)
    const part = await send(origin, '/downloads/table.csv', { headers: { Range: 'bytes=4-6' } })
    expect([part.status, part.body, part.headers['content-range']]).toEqual([
      206,
      '1,2',
      'bytes 4-6/8'
    ])
    expect(part.headers['accept-ranges']).toBe('bytes')
    const past = await send(origin, '/downloads/table.csv', { headers: { Range: 'bytes=80-' } })
    expect([past.status, past.headers['content-range']]).toEqual([416, 'bytes */8'])
  })

  it('refuses other methods with 405', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/${story}`, { method: 'POST' })
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD'])
  })

  it('answers 304 to a copy the browser has, by ETag or by date', async () => {
    const { origin } = await preview(site.root, site.out)
    const first = await send(origin, '/feed.xml')
    const etag = first.headers.etag ?? ''
    const modified = first.headers['last-modified'] ?? ''
    expect(etag).not.toBe('')
    expect(modified).not.toBe('')
    const byTag = await send(origin, '/feed.xml', { headers: { 'If-None-Match': etag } })
    expect([byTag.status, byTag.body]).toEqual([304, ''])
    const byDate = await send(origin, '/feed.xml', { headers: { 'If-Modified-Since': modified } })
    expect(byDate.status).toBe(304)
    const stale = await send(origin, '/feed.xml', { headers: { 'If-None-Match': 'W/"0-0"' } })
    expect(stale.status).toBe(200)
    const older = new Date(Date.parse(modified) - 60_000).toUTCString()
    expect(
      (await send(origin, '/feed.xml', { headers: { 'If-Modified-Since': older } })).status
    ).toBe(200)
  })

  it('never lists a folder', async () => {
    await mkdir(join(site.out, 'bare'), { recursive: true })
    await writeFile(join(site.out, 'bare', 'note.txt'), 'secret name')
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, '/bare/')
    expect(answer.status).toBe(404)
    expect(answer.body).not.toContain('note.txt')
  })

  describe('never serves a file outside the built folder', () => {
    beforeAll(async () => {
      await writeFile(join(site.root, 'secret.txt'), 'the site root is not published')
      await symlink(join(site.root, 'secret.txt'), join(site.out, 'linked.txt'))
      await symlink(site.root, join(site.out, 'linked-folder'))
    })

    it.each([
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/2025/%2e%2e/%2e%2e/secret.txt',
      '/2025/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00/../secret.txt',
      '/linked.txt',
      '/linked-folder/secret.txt'
    ])('%s', async (path) => {
      const { origin } = await preview(site.root, site.out)
      const answer = await send(origin, path)
      expect(answer.status).toBe(404)
      expect(answer.body).not.toContain('the site root is not published')
    })
  })
})

describe('factdesk preview of a site under a base', () => {
  let site: { root: string; out: string }
  beforeAll(async () => {
    site = await builtSite('/ledger/')
  })

  it('serves the site under its base and says so', async () => {
    const { preview: running, origin, lines } = await preview(site.root, site.out)
    expect(running.url).toMatch(/^http:\/\/localhost:\d+\/ledger\/$/)
    expect(lines).toEqual([`factdesk preview: serving ${running.url}`])
    expect((await send(origin, `/ledger/${story}`)).status).toBe(200)
    expect((await send(origin, '/ledger/feed.xml')).status).toBe(200)
  })

  it('sends the root of the server to the base', async () => {
    const { origin } = await preview(site.root, site.out)
    for (const path of ['/', '/ledger']) {
      const answer = await send(origin, path)
      expect([path, answer.status, answer.headers.location]).toEqual([path, 302, '/ledger/'])
    }
  })

  it('finds nothing outside the base, answering with the 404 page', async () => {
    const { origin } = await preview(site.root, site.out)
    for (const path of [`/${story}`, '/feed.xml', '/ledgerx/', '/404.html']) {
      const answer = await send(origin, path)
      expect([path, answer.status]).toEqual([path, 404])
      expect(answer.body).toBe((await send(origin, '/ledger/404.html')).body)
    }
  })

  it('redirects a folder without its slash inside the base', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/ledger/${story.slice(0, -1)}`)
    expect([answer.status, answer.headers.location]).toEqual([301, `/ledger/${story}`])
  })
})

describe('factdesk preview refuses what is not a build', () => {
  it('refuses a missing output folder: run factdesk build first', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const start = startPreview({
      root,
      out: join(root, 'dist'),
      port: 0,
      host: undefined,
      log: () => undefined
    })
    await expect(start).rejects.toBeInstanceOf(RefusedInput)
    await expect(start).rejects.toThrow(
      `there is no built site at ${join(root, 'dist')}: run factdesk build first`
    )
  })

  it('refuses a folder factdesk did not build', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, 'dist/index.html': '<p>mine</p>' })
    const start = startPreview({
      root,
      out: join(root, 'dist'),
      port: 0,
      host: undefined,
      log: () => undefined
    })
    await expect(start).rejects.toBeInstanceOf(RefusedInput)
    await expect(start).rejects.toThrow('is not a factdesk build')
    await expect(start).rejects.toThrow('run factdesk build first')
  })

  it('refuses a file given as the output', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, dist: 'a file' })
    await expect(
      startPreview({
        root,
        out: join(root, 'dist'),
        port: 0,
        host: undefined,
        log: () => undefined
      })
    ).rejects.toThrow('is a file, not a built site')
  })

  it('serves again once the folder is gone and rebuilt: it reads the disk on each request', async () => {
    const site = await builtSite()
    const { origin } = await preview(site.root, site.out)
    await rm(join(site.out, 'robots.txt'))
    expect((await send(origin, '/robots.txt')).status).toBe(404)
  })
})
