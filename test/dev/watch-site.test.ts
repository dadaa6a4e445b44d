import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { watchSite } from '../../src/dev/watch-site.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import type { SiteWatcher } from '../../src/dev/watch-site.js'

const watchers: SiteWatcher[] = []

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.close()))
})

/** Starts a watcher whose change reports can be awaited one by one, each within a deadline. */
async function watching(root: string, debounceMs = 50): Promise<() => Promise<string[]>> {
  const reports: string[][] = []
  let wake: (() => void) | undefined
  watchers.push(
    await watchSite({
      root,
      debounceMs,
      onChange: (paths) => {
        reports.push(paths)
        wake?.()
      }
    })
  )
  return () =>
    new Promise((resolve, reject) => {
      const take = (): void => {
        const next = reports.shift()
        if (next === undefined) return
        clearTimeout(timer)
        resolve(next)
      }
      const timer = setTimeout(() => reject(new Error('no change reported within 10 s')), 10_000)
      wake = take
      take()
    })
}

describe('watchSite', () => {
  it('reports a burst of writes across content/ and data/ as one change', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/a.md': 'a',
      'data/b.csv': 'b'
    })
    const nextChange = await watching(root, 300)
    await writeFile(join(root, 'content/a.md'), 'a2')
    await writeFile(join(root, 'data/b.csv'), 'b2')
    await writeFile(join(root, 'data/site.yaml'), `${siteYaml}page_size: 5\n`)
    expect(await nextChange()).toEqual(['content/a.md', 'data/b.csv', 'data/site.yaml'])
  })

  it('notices templates/ when it is created after watching started', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, 'content/a.md': 'a' })
    const nextChange = await watching(root)
    await mkdir(join(root, 'templates/pages'), { recursive: true })
    await writeFile(join(root, 'templates/pages/brief.hbs'), '{{title}}')
    const seen = new Set<string>()
    while (!seen.has('templates/pages/brief.hbs'))
      for (const path of await nextChange()) seen.add(path)
    expect(seen).toContain('templates/pages/brief.hbs')
  })

  it("reports a save made just after the last report, inside chokidar's 50 ms window", async () => {
    // chokidar drops a second `change` of a file within 50 ms of the first; with a quiet period
    // of 5 ms the first is reported (and a build could have read the file) long before that.
    const root = await tempSite({ 'data/site.yaml': siteYaml, 'content/a.md': 'a' })
    const nextChange = await watching(root, 5)
    await writeFile(join(root, 'content/a.md'), 'the first save')
    expect(await nextChange()).toEqual(['content/a.md'])
    await writeFile(join(root, 'content/a.md'), 'the second save, a moment later')
    expect(await nextChange()).toEqual(['content/a.md'])
  })

  it('ignores the output folder and editor noise, and reports the real edit', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/a.md': 'a',
      'dist/index.html': 'x'
    })
    const nextChange = await watching(root, 200)
    await writeFile(join(root, 'dist/index.html'), 'y')
    await writeFile(join(root, 'content/.a.md.swp'), 'swap')
    await writeFile(join(root, 'content/a.md~'), 'backup')
    await writeFile(join(root, 'README.md'), 'readme')
    await writeFile(join(root, 'content/a.md'), 'a2')
    expect(await nextChange()).toEqual(['content/a.md'])
  })
})
