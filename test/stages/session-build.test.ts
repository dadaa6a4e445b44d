/**
 * The real build with a session (issue 21, `src/cache/build-session.ts`), as the dev server runs
 * it: what it carries between builds never changes what a build makes, except that an article
 * file the caller does not name as changed is taken to be unchanged and is not read (the
 * session's documented contract). Data files are loaded again only when their digest changed.
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BuildResult } from '../../src/build.js'
import { noteChanges, settleSession } from '../../src/cache/build-session.js'
import { openArticleCache } from '../../src/cache/article-cache.js'
import { readIndex } from '../../src/cache/cache-index.js'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import type { KeptLoad } from '../../src/checks/datasets/load-data-store.js'
import { csvSource } from '../../src/data/csv.js'
import type { DataContext, DataSource } from '../../src/data/data-source.js'
import { tempSite } from '../helpers/temp-site.js'
import { bytesOf, devBuild, freshBuild, newSession, siteCopy } from './session-site.js'

const slides = 'content/coin-slides.md'
const slidesPage = '2025/11/03/coin-slides/index.html'
const csv = 'data/markets/coin.csv'

function textOf(result: BuildResult, path: string): string {
  const file = result.files.find((one) => one.path === path)
  if (file === undefined) throw new Error(`the build made no ${path}`)
  return bytesOf(file.content).toString('utf8')
}

/** Asserts the same files, byte for byte, the same report and the same exit. */
function expectSameBuild(label: string, got: BuildResult, want: BuildResult): void {
  expect(
    got.files.map((file) => file.path),
    `${label}: paths`
  ).toEqual(want.files.map((file) => file.path))
  const differing = want.files
    .filter((file, at) => !bytesOf(got.files[at]?.content ?? '').equals(bytesOf(file.content)))
    .map((file) => file.path)
  expect(differing, `${label}: files that differ`).toEqual([])
  expect(got.report, `${label}: report`).toEqual(want.report)
  expect(got.exit, `${label}: exit`).toBe(want.exit)
}

const sentence = 'Trading volume doubled to 3.2 million.'
/** The fixture's data with the close of 2025-11-03 at 105 rather than 92. */
const editedCsv =
  'date,open,high,low,close\n2025-11-01,100,104,99,102\n2025-11-02,102,103,95,96\n2025-11-03,96,106,90,105\n'

describe('a build with a session', () => {
  it('makes, build after build, the files a build without session makes', async () => {
    const root = await siteCopy()
    const session = newSession()
    const plain = await devBuild(root)
    expect(plain.files.length).toBeGreaterThan(5)
    expectSameBuild('first session build', await devBuild(root, { session }), plain)
    noteChanges(session, [])
    expectSameBuild('second session build', await devBuild(root, { session }), plain)
    expectSameBuild(
      'third session build',
      await devBuild(root, { session }),
      await freshBuild(root)
    )
  })

  it('shows an article edit noted as changed, as a fresh build does', async () => {
    const root = await siteCopy()
    const session = newSession()
    await devBuild(root, { session })
    await appendFile(join(root, slides), `\n${sentence}\n`)
    noteChanges(session, [slides])
    const after = await devBuild(root, { session })
    expect(textOf(after, slidesPage)).toContain('3.2 million')
    expectSameBuild('after the edit', after, await freshBuild(root))
  })

  it('checks an article named in `recheck` again, though its results are kept, and makes the same site', async () => {
    const root = await siteCopy()
    const session = newSession()
    await devBuild(root, { session })
    noteChanges(session, [])
    const kept = await devBuild(root, { session })
    noteChanges(session, [])
    const again = await devBuild(root, { session, recheck: new Set([slides]) })
    const summaryOf = (result: BuildResult, file: string) =>
      result.articles.find((article) => article.file === file)
    // An untouched article's summary is the very one the session kept; one checked again is new.
    const other = 'content/coin-wrong.md'
    expect(summaryOf(again, other)).toBeDefined()
    expect(summaryOf(again, other)).toBe(summaryOf(kept, other))
    expect(summaryOf(again, slides)).not.toBe(summaryOf(kept, slides))
    expect(summaryOf(again, slides)).toEqual(summaryOf(kept, slides))
    expectSameBuild('an article checked again', again, kept)
  })

  it('does not read an article not named as changed, and reads it once named', async () => {
    const root = await siteCopy()
    const session = newSession()
    const before = await devBuild(root, { session })
    await appendFile(join(root, slides), `\n${sentence}\n`)
    // The watcher saw another file change, not this one: the session takes it as unchanged.
    noteChanges(session, ['content/coin-wrong.md'])
    const unnoticed = await devBuild(root, { session })
    expect(textOf(unnoticed, slidesPage)).not.toContain('3.2 million')
    expectSameBuild('the edit not named', unnoticed, before)
    noteChanges(session, [slides])
    const noticed = await devBuild(root, { session })
    expect(textOf(noticed, slidesPage)).toContain('3.2 million')
    expectSameBuild('the edit named', noticed, await freshBuild(root))
  })

  it('reads every article again when the changes are not known', async () => {
    const root = await siteCopy()
    const session = newSession()
    await devBuild(root, { session })
    await appendFile(join(root, slides), `\n${sentence}\n`)
    noteChanges(session, undefined)
    const after = await devBuild(root, { session })
    expect(textOf(after, slidesPage)).toContain('3.2 million')
    expectSameBuild('after unknown changes', after, await freshBuild(root))
  })

  it('re-checks the readers of a data file edited, as a fresh build does', async () => {
    const root = await siteCopy()
    const session = newSession()
    const before = await devBuild(root, { session })
    // The close of 2025-11-03 goes from 92 to 105: the coin rose 9.4% rather than fell 4.2%.
    await writeFile(join(root, csv), editedCsv)
    noteChanges(session, [csv])
    const after = await devBuild(root, { session })
    const fresh = await freshBuild(root)
    expectSameBuild('after the data edit', after, fresh)
    const figures = (result: BuildResult): [string, number | null, string][] =>
      result.report.articles.flatMap((article) =>
        article.figures.map((figure): [string, number | null, string] => [
          figure.text,
          figure.actual,
          figure.status
        ])
      )
    // Both readers of the file were checked again: each verdict on the close turned.
    const onClose = (result: BuildResult): [string, string][] =>
      figures(result).flatMap(([text, actual, status]) =>
        text === 'over 4%' || text === '9%' ? [[`${text} ${actual?.toFixed(3)}`, status]] : []
      )
    expect(onClose(before)).toEqual([
      ['over 4% -4.167', 'verified'],
      ['9% -4.167', 'contradicted']
    ])
    expect(onClose(after)).toEqual([
      ['over 4% 9.375', 'contradicted'],
      ['9% 9.375', 'verified']
    ])
  })

  it('keeps a build in the cache folder once settled, and settles the last one before reading', async () => {
    const root = await siteCopy()
    const cacheDir = join(root, 'node_modules/.cache/factdesk')
    const session = newSession()
    await devBuild(root, { session })
    // Left for after the result: the dev server's reload does not wait for the disk.
    expect(session.after).toBeDefined()
    expect(readIndex(cacheDir).size).toBe(0)
    await appendFile(join(root, slides), `\n${sentence}\n`)
    noteChanges(session, [slides])
    const edited = await devBuild(root, { session })
    // The first build's results were kept before the second read any of them.
    const first = readIndex(cacheDir)
    expect(first.size).toBeGreaterThan(0)
    await settleSession(session)
    expect(session.after).toBeUndefined()
    const second = readIndex(cacheDir)
    expect([...second.keys()].filter((key) => !first.has(key))).toHaveLength(1)
    // A new process finds every result of the last build in the folder.
    const cache = openArticleCache(cacheDir)
    const checked = [...cache.index()].filter(([, entry]) => entry.checked !== undefined)
    expect(checked.length).toBeGreaterThan(1)
    for (const [key] of checked) expect(cache.results(key), key).toBeDefined()
    expectSameBuild('from the kept cache', await devBuild(root), edited)
  })

  it('keeps its runner across builds', async () => {
    const root = await siteCopy()
    const session = newSession()
    await devBuild(root, { session })
    const kept = session.runner?.runner
    expect(kept).toBeDefined()
    await devBuild(root, { session })
    expect(session.runner?.runner).toBe(kept)
  })
})

describe('loadDataStore with what earlier loads kept', () => {
  /** The CSV source, recording each file it loads. */
  function countingCsv(): { source: DataSource; loads: string[] } {
    const loads: string[] = []
    const source: DataSource = {
      ...csvSource,
      load(context: DataContext) {
        loads.push(context.file)
        return csvSource.load(context)
      }
    }
    return { source, loads }
  }

  it('parses only the files whose digest changed, and lets go of files no longer named', async () => {
    const root = await tempSite({
      'data/a.csv': 'year,value\n2024,1\n2025,2\n',
      'data/b.csv': 'year,value\n2024,3\n2025,4\n'
    })
    const { source, loads } = countingCsv()
    const kept = new Map<string, KeptLoad>()
    const options = { sources: [source], kept }
    const first = await loadDataStore(root, ['a.csv', 'b.csv'], options)
    expect(loads.splice(0).sort()).toEqual(['data/a.csv', 'data/b.csv'])
    expect([...kept.keys()].sort()).toEqual(['data/a.csv', 'data/b.csv'])

    const second = await loadDataStore(root, ['a.csv', 'b.csv'], options)
    expect(loads).toEqual([])
    // The kept load itself, with the same digests keying the checks.
    expect(second.store.datasets.get('a.csv')).toBe(first.store.datasets.get('a.csv'))
    expect(second.digests).toEqual(first.digests)

    await writeFile(join(root, 'data/b.csv'), 'year,value\n2024,3\n2025,5\n')
    const third = await loadDataStore(root, ['a.csv', 'b.csv'], options)
    expect(loads.splice(0)).toEqual(['data/b.csv'])
    expect(third.digests.get('b.csv')).not.toBe(first.digests.get('b.csv'))
    expect(third.store.datasets.get('a.csv')).toBe(first.store.datasets.get('a.csv'))
    const fresh = await loadDataStore(root, ['a.csv', 'b.csv'], { sources: [source] })
    loads.splice(0)
    expect(third.store.datasets.get('b.csv')).toEqual(fresh.store.datasets.get('b.csv'))

    await loadDataStore(root, ['a.csv'], options)
    expect(loads).toEqual([])
    expect([...kept.keys()]).toEqual(['data/a.csv'])
  })

  it('parses a file again when its kept load was made by another source', async () => {
    const root = await tempSite({ 'data/a.csv': 'year,value\n2024,1\n' })
    const { source, loads } = countingCsv()
    const kept = new Map<string, KeptLoad>()
    await loadDataStore(root, ['a.csv'], { sources: [source], kept })
    const held = kept.get('data/a.csv')
    if (held === undefined) throw new Error('nothing kept')
    kept.set('data/a.csv', { ...held, source: 'PSV' })
    loads.splice(0)
    await loadDataStore(root, ['a.csv'], { sources: [source], kept })
    expect(loads).toEqual(['data/a.csv'])
    expect(kept.get('data/a.csv')?.source).toBe(csvSource.name)
  })
})

describe('a session after a build that crashed', () => {
  it('serves no result made for data the site no longer holds', async () => {
    const root = await siteCopy()
    const session = newSession()
    const original = await readFile(join(root, csv))
    const before = await devBuild(root, { session })
    await writeFile(join(root, csv), editedCsv)
    noteChanges(session, [csv])
    const footer = 'templates/partials/site-footer.hbs'
    const verdicts = (result: BuildResult): (string | number | null)[][] =>
      result.report.articles.flatMap((article) =>
        article.figures.map((figure) => [article.file, figure.text, figure.actual, figure.status])
      )
    // The build crashes once an article was checked again, its results already put: an
    // unexpected error the dev server survives, keeping its session for the next build.
    const crash = new Error('crashed in stage 2')
    await expect(
      devBuild(root, {
        session,
        onProgress: (stage) => {
          if (stage === 'checked') throw crash
        }
      })
    ).rejects.toBe(crash)
    // The data goes back to what the last finished build checked against, so the check keys
    // are that build's again; the footer changes, so its briefs are rendered again from the
    // results the cache holds under those keys.
    await writeFile(join(root, csv), original)
    await mkdir(join(root, 'templates/partials'), { recursive: true })
    await writeFile(
      join(root, footer),
      '<footer class="site-footer"><p>Fixture Desk</p></footer>\n'
    )
    noteChanges(session, [csv, footer])
    const after = await devBuild(root, { session })
    expect(verdicts(after)).toEqual(verdicts(before))
    expectSameBuild('after the crash', after, await freshBuild(root))
  })
})
