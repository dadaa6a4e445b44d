/**
 * A start served from the site kept at the last stop (issue 21, item 4): the server keeps the
 * site it served when it stops, serves it at the next start before its first build is done when
 * no input changed, and lets open pages stay when the build made what they show, or reloads them.
 */
import { cp, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheDirOf } from '../../src/cache/cache-dir.js'
import { startDevServer } from '../../src/dev/dev-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { fakeBuild, page } from './fake-build.js'
import { freePort, serverOptions, site } from './running-server.js'
import { expectServedAsBuilt, freshBuild } from './edit-sequence.js'
import { build } from '../../src/build.js'
import type { BuildOptions } from '../../src/build.js'
import type { DevServer } from '../../src/dev/dev-server.js'
import type { FakeOutcome } from './fake-build.js'

/** A promise that settles when `release` is called: a first build held until the test says. */
function heldGate(): { gate: Promise<void>; release: () => void } {
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  return { gate, release }
}

async function aSite(): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    'content/2025/11/04/story.md': '---\ntitle: x\n---\n'
  })
}

/** Runs a server over `root` whose builds return `outcome`, and stops it: the site is kept. */
async function runAndStop(root: string, outcome: FakeOutcome = site): Promise<void> {
  const server = await startDevServer({
    ...serverOptions(root),
    buildSite: fakeBuild(outcome).buildSite,
    keepSite: true
  })
  await server.close()
}

/** A server over `root` whose first build waits for `release()`; resolves once it listens. */
async function startHeld(
  root: string,
  outcome: FakeOutcome = site
): Promise<{ origin: string; release: () => void; started: Promise<DevServer> }> {
  const { gate, release } = heldGate()
  const fake = fakeBuild({ ...outcome, gate })
  const port = await freePort()
  const started = startDevServer({
    ...serverOptions(root),
    port,
    buildSite: fake.buildSite,
    keepSite: true
  })
  const origin = `http://127.0.0.1:${port}`
  for (;;) {
    const answered = await fetch(`${origin}/__factdesk/client.js`).catch(() => undefined)
    if (answered !== undefined) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return { origin, release, started }
}

describe('a start served from the site kept at the last stop', () => {
  it('serves the kept pages before the first build ends, and keeps open pages when it made the same', async () => {
    const root = await aSite()
    await runAndStop(root)
    const held = await startHeld(root)
    const home = await fetch(`${held.origin}/`)
    expect(home.status).toBe(200)
    const body = await home.text()
    expect(body).toContain('<p>Home</p>')
    expect(body).toContain('data-factdesk-build="1"')
    // A file the site kept does not hold waits for the build, and comes from it.
    const events = await openEventStream(`${held.origin}/__factdesk/events`)
    try {
      expect(await events.next('build')).toBe('1')
      held.release()
      const server = await held.started
      // The page shown is what the build made: it stays, and takes the new build's number.
      expect(JSON.parse(await events.next('restyle', 10_000))).toEqual({ build: '2', swaps: [] })
      await server.close()
    } finally {
      events.close()
    }
  })

  it('reloads a page shown from the kept site when the build made it otherwise', async () => {
    const root = await aSite()
    await runAndStop(root)
    const changed: FakeOutcome = { files: { ...site.files, 'index.html': page('Home, later') } }
    const held = await startHeld(root, changed)
    expect(await (await fetch(`${held.origin}/`)).text()).toContain('<p>Home</p>')
    const events = await openEventStream(`${held.origin}/__factdesk/events`)
    try {
      await events.next('build')
      held.release()
      const server = await held.started
      expect(await events.next('reload', 10_000)).toBe('2')
      expect(await (await fetch(`${held.origin}/`)).text()).toContain('<p>Home, later</p>')
      await server.close()
    } finally {
      events.close()
    }
  })

  it('is kept as it was when the build after it made nothing (broken settings)', async () => {
    const root = await aSite()
    await runAndStop(root)
    await runAndStop(root, { files: {}, exit: 2 })
    const held = await startHeld(root)
    expect(await (await fetch(`${held.origin}/`)).text()).toContain('<p>Home</p>')
    held.release()
    await (await held.started).close()
  })

  it('is not served when an input changed since the stop', async () => {
    const root = await aSite()
    await runAndStop(root)
    await writeFile(join(root, 'content/2025/11/04/story.md'), '---\ntitle: edited\n---\n')
    const held = await startHeld(root)
    // Nothing is built yet: the page says so, as on a start without a kept site.
    expect((await fetch(`${held.origin}/`)).status).toBe(503)
    held.release()
    await (await held.started).close()
  })

  it('is not served to a server asked for other options', async () => {
    const root = await aSite()
    await runAndStop(root)
    const { gate, release } = heldGate()
    const port = await freePort()
    const started = startDevServer({
      ...serverOptions(root),
      port,
      drafts: true,
      buildSite: fakeBuild({ ...site, gate }).buildSite,
      keepSite: true
    })
    let answered: Response | undefined
    while (answered === undefined) {
      answered = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(answered.status).toBe(503)
    release()
    await (await started).close()
  })

  it('does not keep a site when an input was written after its build began', async () => {
    const root = await aSite()
    const { gate, release } = heldGate()
    let began: () => void = () => undefined
    const building = new Promise<void>((resolve) => {
      began = resolve
    })
    const fake = fakeBuild(site)
    const started = startDevServer({
      ...serverOptions(root),
      buildSite: async (options) => {
        began()
        await gate
        return fake.buildSite(options)
      },
      keepSite: true,
      // The save below is not built: the site served is older than the file.
      debounceMs: 60_000
    })
    await building
    const story = join(root, 'content/2025/11/04/story.md')
    await writeFile(story, '---\ntitle: saved while the build ran\n---\n')
    const later = new Date(Date.now() + 1000)
    await utimes(story, later, later)
    release()
    const server = await started
    await server.close()
    const kept = await readdir(join(cacheDirOf(root), 'dev-site')).catch(() => [])
    expect(kept).toEqual([])
  })

  it('keeps the site once the server has started, and writes nothing more at a stop with no save', async () => {
    const root = await aSite()
    const server = await startDevServer({
      ...serverOptions(root),
      buildSite: fakeBuild(site).buildSite,
      keepSite: true
    })
    const list = join(cacheDirOf(root), 'dev-site', 'site.sealed')
    let first: number | undefined
    for (let waited = 0; first === undefined && waited < 5000; waited += 20) {
      first = (await stat(list).catch(() => undefined))?.mtimeMs
      if (first === undefined) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(first).toBeDefined()
    await server.close()
    expect((await stat(list)).mtimeMs).toBe(first)
  })

  it('keeps nothing when told not to', async () => {
    const root = await aSite()
    const server = await startDevServer({
      ...serverOptions(root),
      buildSite: fakeBuild(site).buildSite
    })
    await server.close()
    expect(await readdir(join(cacheDirOf(root), 'dev-site')).catch(() => [])).toEqual([])
  })

  it('serves, with the real build, a site equal to a fresh build of the same files', async () => {
    const root = await tempSite({})
    await cp(join(import.meta.dirname, '../fixtures/factcheck-site'), root, { recursive: true })
    const first = await startDevServer(serverOptions(root))
    await first.close()
    const { gate, release } = heldGate()
    let asked: ((options: BuildOptions) => void) | undefined
    const firstAsked = new Promise<BuildOptions>((resolve) => {
      asked = resolve
    })
    const port = await freePort()
    const started = startDevServer({
      ...serverOptions(root),
      port,
      buildSite: async (options) => {
        asked?.(options)
        await gate
        return build(options)
      },
      keepSite: true
    })
    try {
      const fresh = await freshBuild(await firstAsked)
      const origin = `http://127.0.0.1:${port}/`
      const events = await openEventStream(`${origin}__factdesk/events`)
      try {
        expect(await events.next('build')).toBe('1')
        // Every file is served before the first build ends, but the report's JSON, which a dev
        // build makes when first asked for (it waits for the build, and comes from it).
        const later = fresh.files.filter((file) => file.path === 'factcheck.json')
        expect(later).toHaveLength(1)
        for (const file of fresh.files)
          if (!later.includes(file)) await expectServedAsBuilt(origin, file)
        const report = fetch(`${origin}factcheck.json`)
        release()
        expect(JSON.parse(await events.next('restyle', 20_000))).toEqual({ build: '2', swaps: [] })
        for (const file of later) {
          const answer = await report
          expect(answer.status).toBe(200)
          expect(Buffer.from(await answer.arrayBuffer())).toEqual(Buffer.from(file.content))
        }
      } finally {
        events.close()
      }
    } finally {
      release()
      await (await started).close()
    }
  })
})
