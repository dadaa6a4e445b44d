/**
 * Issue 21, item 7: after every sequence of edits in `factdesk dev`, the site it serves is the
 * one a fresh build makes, byte for byte. The dev server runs the real build, which may carry
 * work from one build to the next; after each edit the latest dev build is compared with a build
 * from scratch of the same options, and at the end every file is fetched from the server.
 */
import { writeFileSync } from 'node:fs'
import { appendFile, cp, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { tempSite } from '../helpers/temp-site.js'
import { serverOptions } from './running-server.js'
import {
  editAndSettle,
  expectSameBuild,
  expectSameBytes,
  expectServedAsBuilt,
  freshBuild,
  paths,
  recordingBuild,
  replaceIn,
  textOf,
  writtenBuild
} from './edit-sequence.js'
import type { BuildResult } from '../../src/build.js'
import type { RecordingBuild } from './edit-sequence.js'
import type { DevServer } from '../../src/dev/dev-server.js'

const fixture = join(import.meta.dirname, '../fixtures/factcheck-site')
const defaultTemplates = join(import.meta.dirname, '../../templates')
const servers: DevServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** One edit of the sequence, the event that announces it, and what its fresh build must show. */
interface Step {
  name: string
  event: 'reload' | 'restyle'
  edit: (root: string) => Promise<void>
  shows?: (fresh: BuildResult) => void
}

/** The fixture, with its own stylesheet and footer copied from factdesk's defaults. */
async function siteCopy(): Promise<string> {
  const root = await tempSite({})
  await cp(fixture, root, { recursive: true })
  await mkdir(join(root, 'templates/partials'), { recursive: true })
  await cp(join(defaultTemplates, 'style.css'), join(root, 'templates/style.css'))
  await cp(
    join(defaultTemplates, 'partials/site-footer.hbs'),
    join(root, 'templates/partials/site-footer.hbs')
  )
  return root
}

/** The edits, in order; each starts from the site the ones before it left. */
function steps(
  originals: ReadonlyMap<string, Buffer>,
  recorder: RecordingBuild,
  noticedMidBuild: () => number
): Step[] {
  const original = (path: string): Buffer => {
    const bytes = originals.get(path)
    if (bytes === undefined) throw new Error(`no original of ${path}`)
    return bytes
  }
  const slides = 'content/coin-slides.md'
  const slidesTitle = 'title: Coin slides for a second day'
  const csv = 'data/markets/coin.csv'
  let noticedBefore = 0
  return [
    {
      name: 'edit an article’s prose',
      event: 'reload',
      edit: (root) => appendFile(join(root, slides), '\nTrading volume doubled to 3.2 million.\n'),
      shows: (fresh) =>
        expect(textOf(fresh, '2025/11/03/coin-slides/index.html')).toContain('3.2 million')
    },
    {
      // A headline is on every listing of its article: those pages are made again.
      name: 'retitle the article',
      event: 'reload',
      edit: async (root) => {
        const text = await readFile(join(root, slides), 'utf8')
        await writeFile(
          join(root, slides),
          text.replace(slidesTitle, 'title: Coin slides, retitled')
        )
      },
      shows: (fresh) => expect(textOf(fresh, 'index.html')).toContain('Coin slides, retitled')
    },
    {
      // The sitemap shows when each brief last changed: it is made again.
      name: 'mark the article updated',
      event: 'reload',
      edit: (root) =>
        replaceIn(
          join(root, slides),
          'date: 2025-11-03T12:00:00Z',
          'date: 2025-11-03T12:00:00Z\nupdated: 2025-11-04T08:30:00Z'
        ),
      shows: (fresh) => expect(textOf(fresh, 'sitemap.xml')).toContain('2025-11-04T08:30:00Z')
    },
    {
      name: 'revert the article',
      event: 'reload',
      edit: (root) => writeFile(join(root, slides), original(slides)),
      shows: (fresh) =>
        expect(textOf(fresh, '2025/11/03/coin-slides/index.html')).not.toContain('3.2 million')
    },
    {
      name: 'rename an article',
      event: 'reload',
      edit: (root) => rename(join(root, 'content/coin-wrong.md'), join(root, 'content/coin-up.md')),
      shows: (fresh) => {
        expect(paths(fresh)).toContain('2025/11/03/coin-up/index.html')
        expect(paths(fresh)).not.toContain('2025/11/03/coin-wrong/index.html')
      }
    },
    {
      name: 'delete an article',
      event: 'reload',
      edit: (root) => rm(join(root, 'content/coin-up.md')),
      shows: (fresh) => {
        expect(fresh.report.articles.map((entry) => entry.file)).toEqual([slides])
        expect(fresh.exit).toBe(0)
      }
    },
    {
      name: 'add an article',
      event: 'reload',
      edit: (root) =>
        writeFile(
          join(root, 'content/coin-again.md'),
          original(slides).toString('utf8').replace(slidesTitle, 'title: Coin slides again')
        ),
      shows: (fresh) => expect(paths(fresh)).toContain('2025/11/03/coin-again/index.html')
    },
    {
      name: 'change the data a check reads',
      event: 'reload',
      edit: (root) =>
        replaceIn(join(root, csv), '2025-11-03,96,98,90,92', '2025-11-03,96,98,90,99'),
      shows: (fresh) => {
        expect(fresh.exit).toBe(1)
        expect(textOf(fresh, csv)).toContain('2025-11-03,96,98,90,99')
      }
    },
    {
      name: 'revert the data',
      event: 'reload',
      edit: (root) => writeFile(join(root, csv), original(csv)),
      shows: (fresh) => expect(fresh.exit).toBe(0)
    },
    {
      name: 'edit a template partial',
      event: 'reload',
      edit: (root) =>
        appendFile(join(root, 'templates/partials/site-footer.hbs'), '<!-- footer edited -->\n'),
      shows: (fresh) => expect(textOf(fresh, 'index.html')).toContain('<!-- footer edited -->')
    },
    {
      name: 'add a template of the site’s own',
      event: 'reload',
      edit: async (root) => {
        const line = await readFile(join(defaultTemplates, 'partials/story-line.hbs'), 'utf8')
        await writeFile(
          join(root, 'templates/partials/story-line.hbs'),
          `${line}<!-- own story line -->\n`
        )
      },
      shows: (fresh) =>
        expect(textOf(fresh, 'markets/index.html')).toContain('<!-- own story line -->')
    },
    {
      name: 'delete that template, back to the default',
      event: 'reload',
      edit: (root) => rm(join(root, 'templates/partials/story-line.hbs')),
      shows: (fresh) => expect(textOf(fresh, 'markets/index.html')).not.toContain('own story line')
    },
    {
      name: 'break a template partial',
      event: 'reload',
      edit: (root) => writeFile(join(root, 'templates/partials/story-line.hbs'), '{{#if story}}\n'),
      shows: (fresh) => expect(fresh.exit).toBe(2)
    },
    {
      name: 'remove the broken partial',
      event: 'reload',
      edit: (root) => rm(join(root, 'templates/partials/story-line.hbs')),
      shows: (fresh) => expect(fresh.exit).toBe(0)
    },
    {
      name: 'edit the stylesheet',
      event: 'restyle',
      edit: (root) => appendFile(join(root, 'templates/style.css'), '\n.edited { color: red; }\n'),
      shows: (fresh) => {
        const sheet = paths(fresh).find((path) => path.startsWith('assets/style.'))
        expect(textOf(fresh, sheet ?? 'assets/style.css')).toContain('.edited')
      }
    },
    {
      name: 'edit the site settings',
      event: 'reload',
      edit: (root) => replaceIn(join(root, 'data/site.yaml'), 'Fixture Desk', 'Edited Desk'),
      shows: (fresh) => expect(textOf(fresh, 'index.html')).toContain('Edited Desk')
    },
    {
      name: 'break an article’s frontmatter',
      event: 'reload',
      edit: (root) =>
        writeFile(
          join(root, slides),
          original(slides).toString('utf8').replace('section: markets', 'section: [markets')
        ),
      shows: (fresh) => expect(fresh.exit).toBe(2)
    },
    {
      name: 'fix the frontmatter',
      event: 'reload',
      edit: (root) => writeFile(join(root, slides), original(slides)),
      shows: (fresh) => expect(fresh.exit).toBe(0)
    },
    {
      // Saves that land while a build runs: the build after it must take them all in.
      name: 'edit several files in quick succession',
      event: 'reload',
      edit: async (root) => {
        await appendFile(join(root, slides), '\nSome 40 funds sold.\n')
        await pause()
        await replaceIn(join(root, csv), '2025-11-03,96,98,90,92', '2025-11-03,96,98,90,99')
        await pause()
        await rename(join(root, 'content/coin-again.md'), join(root, 'content/coin-more.md'))
        await pause()
        await appendFile(join(root, 'templates/partials/site-footer.hbs'), '<!-- again -->\n')
      },
      shows: (fresh) => {
        expect(textOf(fresh, '2025/11/03/coin-more/index.html')).toContain('<!-- again -->')
        expect(textOf(fresh, '2025/11/03/coin-slides/index.html')).toContain('40 funds')
        expect(fresh.exit).toBe(1)
      }
    },
    {
      // The second save lands while the build of the first has read the site but not finished.
      name: 'save while a build runs',
      event: 'reload',
      edit: async (root) => {
        const midway = `${original(slides).toString('utf8')}\nSome 7 desks agreed.\n`
        noticedBefore = noticedMidBuild()
        recorder.duringNextBuild(() => writeFileSync(join(root, slides), midway))
        await writeFile(join(root, csv), original(csv))
      },
      shows: (fresh) => {
        expect(noticedMidBuild() - noticedBefore, 'saves noticed during a build').toBeGreaterThan(0)
        expect(textOf(fresh, '2025/11/03/coin-slides/index.html')).toContain('7 desks')
        expect(fresh.exit).toBe(0)
      }
    },
    {
      name: 'undo the last edits in quick succession',
      event: 'reload',
      edit: async (root) => {
        await writeFile(join(root, csv), original(csv))
        await pause()
        await writeFile(join(root, slides), original(slides))
      },
      shows: (fresh) => expect(fresh.exit).toBe(0)
    }
  ]
}

/** Longer than the watcher's quiet period: each save is a change of its own, often mid-build. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 120))

describe('factdesk dev against a fresh build', () => {
  it('serves what a fresh build makes after every edit: articles, data, templates, settings', async () => {
    const root = await siteCopy()
    const originals = new Map<string, Buffer>()
    for (const path of ['content/coin-slides.md', 'data/markets/coin.csv'])
      originals.set(path, await readFile(join(root, path)))
    const recorder = recordingBuild()
    let noticedMidBuild = 0
    const server = await startDevServer({
      ...serverOptions(root),
      // The server says so when it notices a save; during a build is the case to exercise.
      log: (line) => {
        if (line.endsWith(' changed, rebuilding') && recorder.running > 0) noticedMidBuild++
      },
      buildSite: recorder.buildSite,
      // Each save is taken up at once: more builds, and saves that land while one runs.
      debounceMs: 1
    })
    servers.push(server)
    const origin = new URL(server.url).origin

    const first = recorder.latest
    if (first === undefined) throw new Error('the dev server started without a build')
    expectSameBuild('first build', first.result, await freshBuild(first.options))

    let fresh: BuildResult | undefined
    let options = first.options
    for (const step of steps(originals, recorder, () => noticedMidBuild)) {
      const latest = await editAndSettle(origin, recorder, step.event, () => step.edit(root))
      options = latest.options
      fresh = await freshBuild(options)
      step.shows?.(fresh)
      expectSameBuild(step.name, latest.result, fresh)
    }

    // What the browser gets, against what `factdesk build` writes: the same files (those the
    // dev build leaves to be made on demand, the search index, included), each page with the
    // live-reload snippet before its </body>.
    if (fresh === undefined) throw new Error('no step ran')
    const written = await writtenBuild(options, await tempSite({}))
    const byPath = new Map(written.map((file) => [file.path, file]))
    for (const path of ['index.html', '2025/11/03/coin-slides/index.html', 'data/markets/coin.csv'])
      expect(byPath.has(path), `factdesk build wrote ${path}`).toBe(true)
    for (const file of fresh.files)
      expectSameBytes(`written ${file.path}`, byPath.get(file.path), file)
    for (const file of written) await expectServedAsBuilt(server.url, file)
  }, 120_000)
})
