/**
 * A copy of the fixture site whose checks read data, the sessions made over it (their kept
 * worker threads stopped after each test, as the dev server stops them), and the dev server's
 * build of it: in memory, without search, with a cache and (when given) a session.
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildOptions, BuildResult } from '../../src/build.js'
import { createBuildSession } from '../../src/cache/build-session.js'
import type { BuildSession } from '../../src/cache/build-session.js'
import { closeKeptRunner } from '../../src/stages/kept-runner.js'
import { tempSite } from '../helpers/temp-site.js'

const fixture = join(import.meta.dirname, '../fixtures/factcheck-site')

/** The instant every build of the fixture is made at. */
export const now = DateTime.fromISO('2025-11-05T00:00:00Z')

const sessions: BuildSession[] = []

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => closeKeptRunner(session)))
})

/** A fresh copy of the fixture site in a temporary folder. */
export async function siteCopy(): Promise<string> {
  const root = await tempSite({})
  await cp(fixture, root, { recursive: true })
  return root
}

/** A session whose threads are stopped after the test. */
export function newSession(): BuildSession {
  const session = createBuildSession()
  sessions.push(session)
  return session
}

/** What every build of the fixture is asked for: in memory, without search. */
function inMemory(root: string): BuildOptions {
  return {
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now,
    write: false,
    search: false
  }
}

/** The dev server's build of `root`, with `options` (a session, progress) added. */
export function devBuild(root: string, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build({
    ...inMemory(root),
    cacheDir: join(root, 'node_modules/.cache/factdesk'),
    ...options
  })
}

/** The same build from scratch: no session, no cache. */
export function freshBuild(root: string): Promise<BuildResult> {
  return build(inMemory(root))
}

/** A file's content as bytes, whichever way the build gave it. */
export const bytesOf = (content: string | Uint8Array): Buffer =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
