/**
 * The dev server's rehearsal of a save (`src/dev/rehearse-saves.ts`): after the first build it
 * rebuilds a few times with one article checked again, tells open pages nothing, serves the same
 * build, and a save made meanwhile is built once the rehearsal under way ends.
 */
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { startDevServer } from '../../src/dev/dev-server.js'
import { rehearsalArticles } from '../../src/dev/rehearse-saves.js'
import { siteCopy } from '../stages/session-site.js'
import { openEventStream } from './event-stream.js'
import { serverOptions } from './running-server.js'
import type { DevServer } from '../../src/dev/dev-server.js'

const slides = 'content/coin-slides.md'
const slidesPage = '2025/11/03/coin-slides/'

const servers: DevServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A dev server of the fixture site over the real build, recording what each build rechecked. */
async function rehearsing(gate?: Promise<void>) {
  const root = await siteCopy()
  const rechecked: (string[] | undefined)[] = []
  const server = await startDevServer({
    ...serverOptions(root),
    rehearsals: 2,
    buildSite: async (options) => {
      rechecked.push(options.recheck && [...options.recheck])
      if (options.recheck && gate) await gate
      return build(options)
    }
  })
  servers.push(server)
  return { root, server, rechecked }
}

async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 10_000) throw new Error(`not within 10 s: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('rehearsalArticles', () => {
  it('spreads the rehearsals over the articles with a page, one each', () => {
    const pages = new Map(
      Array.from({ length: 10 }, (_, at) => [`content/a${at}.md`, `a${at}/index.html`] as const)
    )
    expect(rehearsalArticles(pages, 2)).toEqual(['content/a2.md', 'content/a7.md'])
    expect(rehearsalArticles(new Map([['content/only.md', 'only/index.html']]), 4)).toEqual([
      'content/only.md'
    ])
    expect(rehearsalArticles(new Map(), 4)).toEqual([])
  })
})

describe('the dev server rehearsing a save', () => {
  it('rebuilds with one article checked again, twice, and tells open pages nothing', async () => {
    const { server, rechecked } = await rehearsing()
    const events = await openEventStream(`${server.url}__factdesk/events`)
    try {
      expect(await events.next('build')).toBe('1')
      await until(() => rechecked.length === 3, 'two rehearsals')
      expect(rechecked[0]).toBeUndefined()
      expect(rechecked.slice(1)).toEqual([['content/coin-slides.md'], ['content/coin-wrong.md']])
      await expect(events.next('rebuilding', 500)).rejects.toThrow('no "rebuilding" event')
      const html = await (await fetch(`${server.url}${slidesPage}`)).text()
      expect(html).toContain('data-factdesk-build="1"')
    } finally {
      events.close()
    }
  })

  it('builds a save made during a rehearsal once the rehearsal ends', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { root, server, rechecked } = await rehearsing(gate)
    const events = await openEventStream(`${server.url}__factdesk/events`)
    try {
      expect(await events.next('build')).toBe('1')
      await until(() => rechecked.length === 2, 'the first rehearsal')
      await appendFile(join(root, slides), '\nTrading volume doubled to 3.2 million.\n')
      // Held by the rehearsal: the save's build waits for it.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(rechecked).toHaveLength(2)
      release()
      expect(await events.next('reload', 10_000)).toBe('2')
      const html = await (await fetch(`${server.url}${slidesPage}`)).text()
      expect(html).toContain('3.2 million')
      // A save ends the rehearsals: the build after the first one was the save's.
      expect(rechecked).toHaveLength(3)
      expect(rechecked[2]).toBeUndefined()
    } finally {
      events.close()
    }
  })
})
