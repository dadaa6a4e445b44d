/**
 * A dev server over a temporary site and a fake build, stopped after each test, and a way to
 * edit the site and wait for the reload that follows.
 */
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { fakeBuild, page } from './fake-build.js'
import type { DevServer, DevServerOptions } from '../../src/dev/dev-server.js'
import type { FakeBuild, FakeOutcome } from './fake-build.js'

/** A port free a moment ago, so that a test can ask before the server says where it is. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return typeof address === 'object' && address !== null ? address.port : 0
}

/** The instant every test server builds with. */
export const now = DateTime.fromISO('2025-11-05T00:00:00Z')
const started: DevServer[] = []

/** What a test's server starts with: any free port, a quiet log, Ctrl-C left to the test runner. */
export function serverOptions(root: string): DevServerOptions {
  return {
    root,
    port: 0,
    strict: false,
    drafts: false,
    now,
    log: () => undefined,
    stopOnSigint: false
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

/** A small built site: pages, a 404 page, a stylesheet, a feed and a data copy. */
export const site: FakeOutcome = {
  files: {
    'index.html': page('Home'),
    '2025/11/04/story/index.html': page('Story'),
    '404.html': page('Page not found'),
    'assets/style.3f2a.css': 'body{margin:0}',
    'feed.xml': '<?xml version="1.0"?><rss version="2.0"></rss>',
    'data/markets/btc-usd.csv': 'date,close\n2025-11-04,99420\n'
  }
}

/** A running test server and what steers and records it. */
export interface Running {
  server: DevServer
  fake: FakeBuild
  root: string
  /** The server's origin on 127.0.0.1. */
  origin: string
  lines: string[]
}

/**
 * Starts a dev server on a free port whose builds return `outcome` until told otherwise, over a
 * site with `files` besides its settings and one story.
 */
export async function start(
  outcome: FakeOutcome = site,
  files: Readonly<Record<string, string>> = {}
): Promise<Running> {
  const root = await tempSite({
    'data/site.yaml': siteYaml,
    'content/2025/11/04/story.md': '---\ntitle: x\n---\n',
    ...files
  })
  const fake = fakeBuild(outcome)
  const lines: string[] = []
  const server = await startDevServer({
    ...serverOptions(root),
    log: (line) => lines.push(line),
    buildSite: fake.buildSite
  })
  started.push(server)
  const { port } = new URL(server.url)
  return { server, fake, root, origin: `http://127.0.0.1:${port}`, lines }
}

/** Edits an article and waits for the rebuild it causes to reach open pages. */
export async function editAndWaitForReload(running: Running): Promise<string> {
  const events = await openEventStream(`${running.origin}/__factdesk/events`)
  try {
    await events.next('build')
    await writeFile(
      join(running.root, 'content/2025/11/04/story.md'),
      `---\ntitle: edited ${Math.random()}\n---\n`
    )
    return await events.next('reload', 10_000)
  } finally {
    events.close()
  }
}
