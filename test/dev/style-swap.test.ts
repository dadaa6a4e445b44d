/**
 * A stylesheet edit restyles open pages in place (issue 21, item 3): which stylesheets of the new
 * build replace which of the page on screen, and when a reload is needed instead.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { onlyStylesheets, styleSwaps } from '../../src/dev/style-swap.js'
import type { ServedSite } from '../../src/dev/serve-site.js'
import { openEventStream } from './event-stream.js'
import { page } from './fake-build.js'
import { site, start } from './running-server.js'

function served(files: Record<string, string>): ServedSite {
  return { files: new Map(Object.entries(files)), base: '/', buildId: 1, overlayFor: () => '' }
}

const before = served({
  'index.html': '<link rel="stylesheet" href="/assets/style.3f2a9c.css">',
  'assets/style.3f2a9c.css': 'body{color:black}',
  'extra.css': 'p{margin:0}'
})

describe('styleSwaps', () => {
  it('pairs a hashed stylesheet with its successor of the same name', () => {
    const after = served({
      'index.html': '<link rel="stylesheet" href="/assets/style.77d01e.css">',
      'assets/style.77d01e.css': 'body{color:navy}',
      'extra.css': 'p{margin:0}'
    })
    expect(styleSwaps(before, after, ['templates/style.css'])).toEqual([
      ['assets/style.3f2a9c.css', 'assets/style.77d01e.css']
    ])
  })

  it('fetches again a stylesheet whose name does not change (a file of public/)', () => {
    const after = served({
      ...Object.fromEntries(before.files),
      'extra.css': 'p{margin:1em}'
    } as Record<string, string>)
    expect(styleSwaps(before, after, ['public/extra.css'])).toEqual([['extra.css', 'extra.css']])
  })

  it('is a reload when something else changed, or the stylesheets cannot be paired', () => {
    const after = served({
      'index.html': 'x',
      'assets/style.77d01e.css': 'body{color:navy}',
      'extra.css': 'p{margin:0}'
    })
    expect(styleSwaps(before, after, ['templates/style.css', 'content/a.md'])).toBeUndefined()
    expect(styleSwaps(before, after, [])).toBeUndefined()
    const two = served({
      'assets/style.111111.css': '',
      'assets/style.222222.css': '',
      'extra.css': 'p{margin:0}'
    })
    expect(styleSwaps(before, two, ['templates/style.css'])).toBeUndefined()
    expect(
      styleSwaps(before, served({ 'extra.css': 'p{margin:0}' }), ['templates/style.css'])
    ).toBeUndefined()
  })

  it('reads a change as stylesheets only when every path is one', () => {
    expect(onlyStylesheets(['templates/style.css', 'public/Print.CSS'])).toBe(true)
    expect(onlyStylesheets(['templates/style.css', 'templates/brief.hbs'])).toBe(false)
  })
})

describe('the dev server after a stylesheet edit', () => {
  it('sends a restyle naming the new stylesheet instead of a reload', async () => {
    const running = await start(site, { 'templates/style.css': 'body{margin:0}' })
    const events = await openEventStream(`${running.origin}/__factdesk/events`)
    try {
      await events.next('build')
      const files = Object.entries(site.files).filter(([path]) => !path.endsWith('.css'))
      files.push(['assets/style.9b7c.css', 'body{margin:1em}'])
      running.fake.set({ ...site, files: Object.fromEntries(files) })
      await writeFile(join(running.root, 'templates', 'style.css'), 'body{margin:1em}')
      const restyle = JSON.parse(await events.next('restyle', 10_000)) as unknown
      expect(restyle).toEqual({
        build: '2',
        swaps: [['assets/style.3f2a.css', 'assets/style.9b7c.css']]
      })
      // A page asked for now is the new build's.
      const html = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
      expect(html).toContain('data-factdesk-build="2"')
    } finally {
      events.close()
    }
  })

  it('reloads when the page changed with the stylesheet', async () => {
    const running = await start()
    const events = await openEventStream(`${running.origin}/__factdesk/events`)
    try {
      await events.next('build')
      running.fake.set({
        ...site,
        files: { ...site.files, '2025/11/04/story/index.html': page('Story, edited') }
      })
      await writeFile(join(running.root, 'content/2025/11/04/story.md'), '---\ntitle: y\n---\n')
      expect(await events.next('reload', 10_000)).toBe('2')
    } finally {
      events.close()
    }
  })
})
