/**
 * A served site lets the one before it go (issue 21, item 7: memory stays flat over a day of
 * saves). A file the build left to be made when asked for (`factcheck.json`) is served through a
 * closure; made in the wrong scope, it held the previous site, and so every site since start.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { holdPages } from '../../src/cache/held-pages.js'
import { createBuildSession } from '../../src/cache/build-session.js'
import { emptySite, nextSite } from '../../src/dev/next-site.js'
import { createDevSearch, withSearch } from '../../src/dev/dev-search.js'
import type { DevSite } from '../../src/dev/next-site.js'
import type { BuildResult } from '../../src/build.js'
import { defaultSettings } from '../../src/settings/load-settings.js'

setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/** A build whose `factcheck.json` is made when first read, as a dev build's is. */
function built(session: ReturnType<typeof createBuildSession>, build: number): BuildResult {
  const held = holdPages(session)
  held.sink({ path: 'index.html', content: `<p>Home ${build}</p>` })
  held.sink({ path: 'factcheck.json', deferrable: true, chunks: () => [`{"build":${build}}`] })
  const report = {
    version: 1 as const,
    summary: {
      articles: 0,
      figures: 0,
      verified: 0,
      contradicted: 0,
      unchecked: 0,
      errors: 0,
      warnings: 0,
      exit: 0 as const
    },
    articles: []
  }
  return {
    report,
    exit: 0,
    settings: defaultSettings(),
    articles: [],
    files: held.files(),
    written: 0
  }
}

describe('the sites the dev server serves', () => {
  it('serve a later file as its content, and let each earlier site go', async () => {
    const session = createBuildSession()
    let site: DevSite = nextSite(emptySite, built(session, 1))
    const first = new WeakRef(site)
    for (let build = 2; build <= 5; build++) site = nextSite(site, built(session, build))
    const later = site.files.get('factcheck.json')
    expect(typeof later === 'function' ? later() : later).toBe('{"build":5}')
    // A few turns of the event loop and collections: nothing but a leak keeps the first site.
    for (let turn = 0; turn < 3; turn++) {
      await new Promise((resolve) => setImmediate(resolve))
      collect()
    }
    expect(first.deref()).toBeUndefined()
  })

  it('let each earlier site go when a save is patched into the last build (same report)', async () => {
    const session = createBuildSession()
    const search = createDevSearch()
    const base = built(session, 1)
    const settings = base.settings
    // The site as built, before the search is laid on it: what a later site's closures may hold.
    const first = new WeakRef(nextSite(emptySite, base))
    let site: DevSite = withSearch(first.deref() ?? emptySite, settings, search)
    for (let save = 2; save <= 5; save++) {
      // A patched build: the same report, the same files but one, which is made again.
      const files = base.files.map((file) =>
        file.path === 'index.html' ? { path: file.path, content: `<p>Home ${save}</p>` } : file
      )
      site = withSearch(nextSite(site, { ...base, files }), settings, search)
    }
    expect(site.files.get('index.html')).toBe('<p>Home 5</p>')
    for (let turn = 0; turn < 3; turn++) {
      await new Promise((resolve) => setImmediate(resolve))
      collect()
    }
    expect(first.deref()).toBeUndefined()
  })
})
