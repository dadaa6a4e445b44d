import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { editAndWaitForReload, serverOptions, site, start } from './running-server.js'
import type { Problem } from '../../src/types.js'

const brokenYaml: Problem = {
  severity: 'error',
  line: 2,
  column: 8,
  rule: 'frontmatter',
  message: 'frontmatter is not valid YAML: unexpected end of flow sequence'
}
const elsewhere: Problem = {
  severity: 'error',
  line: 9,
  column: 3,
  rule: 'figure-contradicted',
  message: 'stated 7%, data 9%'
}

/** The built site without the story's page, as a build where the story fails makes it. */
function withoutStory(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(site.files).filter(([path]) => path !== '2025/11/04/story/index.html')
  )
}

/** The problem lines of the overlay in `html`, in order. */
function overlayItems(html: string): string[] {
  return selectAll('#factdesk-overlay li code', fromHtml(html)).map((node) => toString(node))
}

describe('the dev server when a story stops building', () => {
  it('keeps its last good page on screen, its problem listed first, the others after', async () => {
    const running = await start()
    const rest = withoutStory()
    running.fake.set({
      files: rest,
      exit: 2,
      url: '',
      problems: [brokenYaml],
      others: [
        { file: 'content/2025/11/05/other.md', url: '/2025/11/05/other/', problems: [elsewhere] }
      ]
    })
    await editAndWaitForReload(running)

    const response = await fetch(`${running.origin}/2025/11/04/story/`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const tree = fromHtml(html)
    expect(toString(select('body > p', tree) ?? tree)).toBe('Story')
    expect(overlayItems(html)).toEqual([
      'content/2025/11/04/story.md:2:8  error  frontmatter is not valid YAML: unexpected end of flow sequence  frontmatter',
      'content/2025/11/05/other.md:9:3  error  stated 7%, data 9%  figure-contradicted'
    ])
    const headings = selectAll('#factdesk-overlay h3', tree).map((node) => toString(node))
    expect(headings).toEqual(['On this page, content/2025/11/04/story.md', 'Elsewhere (1 error)'])
    expect(toString(select('#factdesk-overlay p:not([role])', tree) ?? tree)).toContain(
      'This is the last good version of this page: content/2025/11/04/story.md no longer builds.'
    )

    // Another page lists the problems in the build's order, with no heading of its own.
    const home = await (await fetch(`${running.origin}/`)).text()
    expect(overlayItems(home)[0]).toContain('content/2025/11/05/other.md:9:3')
    expect(selectAll('#factdesk-overlay h3', fromHtml(home))).toEqual([])
  })

  it('keeps the page through further broken builds, and serves the new one once it builds', async () => {
    const running = await start()
    const rest = withoutStory()
    running.fake.set({ files: rest, exit: 2, url: '', problems: [brokenYaml] })
    await editAndWaitForReload(running)
    await editAndWaitForReload(running)
    expect((await fetch(`${running.origin}/2025/11/04/story/`)).status).toBe(200)

    running.fake.set({
      ...site,
      files: { ...site.files, '2025/11/04/story/index.html': '<p>Story, fixed</p>' }
    })
    await editAndWaitForReload(running)
    const fixed = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(fixed).toContain('<p>Story, fixed</p>')
    expect(overlayItems(fixed)).toEqual([])
  })

  it('lets the page of a story that is gone without an error go (deleted, or now a draft)', async () => {
    const running = await start()
    const rest = withoutStory()
    running.fake.set({ files: rest, exit: 0, url: '' })
    await editAndWaitForReload(running)
    expect((await fetch(`${running.origin}/2025/11/04/story/`)).status).toBe(404)
  })
})

describe('the dev server with the real build, when a story’s YAML breaks', () => {
  it('still serves the story’s last good page, with the YAML problem first in the overlay', async () => {
    const story = 'content/2025/11/04/first-story.md'
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article('title: First story\ndate: 2025-11-04'),
      'content/2025/11/04/second-story.md': article('title: Second story\ndate: 2025-11-04')
    })
    const server = await startDevServer({ ...serverOptions(root), debounceMs: 20 })
    try {
      const origin = `http://127.0.0.1:${new URL(server.url).port}`
      const page = `${origin}/2025/11/04/first-story/`
      const before = fromHtml(await (await fetch(page)).text())
      expect(toString(select('h1', before) ?? before)).toBe('First story')

      const events = await openEventStream(`${origin}/__factdesk/events`)
      await events.next('build')
      await writeFile(
        join(root, story),
        '---\ntitle: [First story\ndate: 2025-11-04\n---\nA quiet day.\n'
      )
      await events.next('reload', 20_000)
      events.close()

      const response = await fetch(page)
      expect(response.status).toBe(200)
      const html = await response.text()
      const tree = fromHtml(html)
      expect(toString(select('h1', tree) ?? tree)).toBe('First story')
      const [first] = overlayItems(html)
      expect(first?.startsWith(`${story}:`)).toBe(true)
      expect(first?.endsWith('  frontmatter')).toBe(true)
      expect(first).toContain('not valid YAML')
    } finally {
      await server.close()
    }
  })
})
