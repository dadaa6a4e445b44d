/**
 * A save that changed only articles' text, patched into the session's last build (issue 21,
 * `src/stages/patch-build.ts`): the site it gives is the one a build from scratch makes, only the
 * pages that show the article are made anew, and any other edit is the full build's, which takes
 * up what the patch already checked.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { BuildResult } from '../../src/build.js'
import { openArticleCache } from '../../src/cache/article-cache.js'
import { noteChanges, settleSession } from '../../src/cache/build-session.js'
import type { BuildSession } from '../../src/cache/build-session.js'
import { readIndex } from '../../src/cache/cache-index.js'
import { bytesOf, devBuild, freshBuild, newSession, siteCopy } from './session-site.js'

const slides = 'content/coin-slides.md'
const slidesPage = '2025/11/03/coin-slides/index.html'
const feeds = ['atom.xml', 'feed.json', 'feed.xml']

/** Asserts the same files, byte for byte, the same report and the same exit. */
async function expectAsFresh(root: string, got: BuildResult): Promise<void> {
  const want = await freshBuild(root)
  expect(got.files.map((file) => file.path)).toEqual(want.files.map((file) => file.path))
  const differing = want.files
    .filter((file, at) => !bytesOf(got.files[at]?.content ?? '').equals(bytesOf(file.content)))
    .map((file) => file.path)
  expect(differing, 'files that differ from a fresh build').toEqual([])
  expect(got.report).toEqual(want.report)
  expect(got.exit).toBe(want.exit)
  expect(got.articles.map((article) => article.file)).toEqual(
    want.articles.map((article) => article.file)
  )
}

/** The paths of the files of `after` that are not the very file objects of `before`. */
function madeAnew(before: BuildResult, after: BuildResult): string[] {
  const kept = new Set<object>(before.files)
  return after.files.filter((file) => !kept.has(file)).map((file) => file.path)
}

/** Appends `text` to the article at `path` and tells the session. */
async function edit(
  root: string,
  session: BuildSession,
  path: string,
  text: string
): Promise<void> {
  await appendFile(join(root, path), text)
  noteChanges(session, [path])
}

/** How many articles the session's runner checks from now on. */
function countChecks(session: BuildSession): { readonly count: number } {
  const runner = session.runner?.runner
  if (runner === undefined) throw new Error('the session has no runner')
  const counted = { count: 0 }
  const process = runner.process.bind(runner)
  vi.spyOn(runner, 'process').mockImplementation((files, stage) => {
    counted.count += files.length
    return process(files, stage)
  })
  return counted
}

/** Fifty stories newer than the fixture's, so that its two are no longer in the feeds. */
async function fiftyNewer(root: string): Promise<void> {
  for (let n = 0; n < 50; n++) {
    const minute = String(n).padStart(2, '0')
    await writeFile(
      join(root, `content/note-${n}.md`),
      `---\ntitle: Market note ${n}\ndate: 2025-11-04T10:${minute}:00Z\nsection: markets\n---\nTraders waited for the next session.\n`
    )
  }
}

describe('a save patched into the last build', () => {
  it('makes only the brief of an article outside the feeds, as a fresh build would', async () => {
    const root = await siteCopy()
    await fiftyNewer(root)
    const session = newSession()
    const before = await devBuild(root, { session })
    await edit(root, session, slides, '\nThe desk will follow up on Tuesday.\n')
    const after = await devBuild(root, { session })
    expect(madeAnew(before, after)).toEqual([slidesPage])
    expect(after.report).toBe(before.report)
    const page = after.files.find((file) => file.path === slidesPage)
    expect(bytesOf(page?.content ?? '').toString('utf8')).toContain('follow up on Tuesday')
    await expectAsFresh(root, after)
  })

  it('makes the feeds again when they show the article', async () => {
    const root = await siteCopy()
    const session = newSession()
    const before = await devBuild(root, { session })
    await edit(root, session, slides, '\nThe desk will follow up on Tuesday.\n')
    const after = await devBuild(root, { session })
    expect(madeAnew(before, after).sort()).toEqual([slidesPage, ...feeds].sort())
    const feed = after.files.find((file) => file.path === 'feed.json')
    expect(bytesOf(feed?.content ?? '').toString('utf8')).toContain('follow up on Tuesday')
    await expectAsFresh(root, after)
  })

  it('patches save after save, and a revert, each as a fresh build would', async () => {
    const root = await siteCopy()
    const session = newSession()
    const original = await readFile(join(root, slides), 'utf8')
    let last = await devBuild(root, { session })
    for (const note of ['\nFirst note.\n', '\nSecond note.\n']) {
      await edit(root, session, slides, note)
      const next = await devBuild(root, { session })
      expect(madeAnew(last, next)).toContain(slidesPage)
      expect(next.report).toBe(last.report)
      await expectAsFresh(root, next)
      last = next
    }
    await writeFile(join(root, slides), original)
    noteChanges(session, [slides])
    await expectAsFresh(root, await devBuild(root, { session }))
  })

  it('gives way to the full build when a figure changes, which checks the article only once', async () => {
    const root = await siteCopy()
    const session = newSession()
    const before = await devBuild(root, { session })
    const checks = countChecks(session)
    // A new figure is a new report entry: the report's pages change with it.
    await edit(root, session, slides, '\nTrading volume doubled to 3.2 million.\n')
    const after = await devBuild(root, { session })
    expect(checks.count).toBe(1)
    expect(after.report).not.toEqual(before.report)
    await expectAsFresh(root, after)
  })

  it('gives way to the full build when the frontmatter or the lead changes', async () => {
    const root = await siteCopy()
    await fiftyNewer(root)
    const session = newSession()
    const before = await devBuild(root, { session })
    const text = await readFile(join(root, slides), 'utf8')
    await writeFile(join(root, slides), text.replace('for a second day', 'again'))
    noteChanges(session, [slides])
    const retitled = await devBuild(root, { session })
    // The full build: every file is made (or taken from the session) again.
    expect(madeAnew(before, retitled).length).toBeGreaterThan(1)
    await expectAsFresh(root, retitled)
    // The lead is the first paragraph, which the listings show; its figures stay where they were.
    const led = (await readFile(join(root, slides), 'utf8')).replace(
      'lowest level this month.',
      'lowest level this month, dealers said.'
    )
    await writeFile(join(root, slides), led)
    noteChanges(session, [slides])
    const relead = await devBuild(root, { session })
    expect(madeAnew(retitled, relead).length).toBeGreaterThan(1)
    await expectAsFresh(root, relead)
  })

  it('leaves the edit to the next build when the patch fails', async () => {
    const root = await siteCopy()
    const session = newSession()
    await devBuild(root, { session })
    const runner = session.runner?.runner
    if (runner === undefined) throw new Error('the session has no runner')
    vi.spyOn(runner, 'process').mockRejectedValueOnce(new Error('a worker stopped'))
    await edit(root, session, slides, '\nThe desk will follow up on Tuesday.\n')
    await expect(devBuild(root, { session })).rejects.toThrow('a worker stopped')
    // Nothing new was noted: the failed patch gave the change back.
    const next = await devBuild(root, { session })
    const page = next.files.find((file) => file.path === slidesPage)
    expect(bytesOf(page?.content ?? '').toString('utf8')).toContain('follow up on Tuesday')
    await expectAsFresh(root, next)
  })

  it('keeps the patched article in the cache folder for the next start', async () => {
    const root = await siteCopy()
    const cacheDir = join(root, 'node_modules/.cache/factdesk')
    const session = newSession()
    await devBuild(root, { session })
    await edit(root, session, slides, '\nThe desk will follow up on Tuesday.\n')
    const patched = await devBuild(root, { session })
    await settleSession(session)
    const cache = openArticleCache(cacheDir)
    const index = readIndex(cacheDir)
    const checked = [...index].filter(([, entry]) => entry.checked !== undefined)
    // The edited article under its new load key, the other under its own: no entry is stale.
    expect(checked).toHaveLength(2)
    for (const [key] of checked) expect(cache.results(key), key).toBeDefined()
    await expectAsFresh(root, patched)
    // A new process builds the same site from the cache.
    await expectAsFresh(root, await devBuild(root, { session: newSession() }))
  })
})
