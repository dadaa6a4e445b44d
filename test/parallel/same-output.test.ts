/**
 * Nothing gets less correct for speed (issue 5): the same site builds to the same bytes on one
 * thread and on worker threads, and with a cold, a warm and no cache; a warm cache re-checks
 * only what an edit touched.
 */
import { appendFile, cp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readTree } from '../helpers/read-tree.js'
import { runCompiled } from '../helpers/compiled-cli.js'
import { runCli } from '../helpers/run-cli.js'
import { copySample, sampleRoot } from '../helpers/sample-site.js'

let root: string

/** The sample newsroom, each story copied 12 times under other slugs: enough to start workers. */
async function makeSite(): Promise<string> {
  const dir = await copySample(['data'])
  const folder = join(sampleRoot, 'content/2025/11/04')
  for (const name of await readdir(folder)) {
    for (let copy = 0; copy < 12; copy++) {
      await cp(join(folder, name), join(dir, 'content', `${name.replace(/\.md$/, '')}-${copy}.md`))
    }
  }
  return dir
}

async function buildTree(
  out: string,
  argv: string[],
  env: Record<string, string>,
  compiled: boolean
) {
  const args = ['build', '--root', root, '--out', join(root, out), ...argv]
  const run = compiled ? await runCompiled(args, env) : await runCli(args, env)
  expect(run.exit, run.stderr + run.stdout).toBe(0)
  return readTree(join(root, out))
}

beforeAll(async () => {
  root = await makeSite()
}, 60_000)

describe('the same bytes however the build runs', () => {
  it('builds identical sites on one thread, on two worker threads, and from a cold and a warm cache', async () => {
    const reference = await buildTree('ref', ['--no-cache'], {}, false)
    expect(reference.size).toBeGreaterThan(72)
    const workers = await buildTree('workers', ['--no-cache'], { FACTDESK_WORKERS: '2' }, true)
    expect(workers).toEqual(reference)
    const cold = await buildTree('cold', [], { FACTDESK_WORKERS: '2' }, true)
    expect(cold).toEqual(reference)
    const warm = await buildTree('warm', [], { FACTDESK_WORKERS: '2' }, true)
    expect(warm).toEqual(reference)
    const warmInProcess = await buildTree('warm-in-process', [], {}, false)
    expect(warmInProcess).toEqual(reference)
  }, 180_000)

  it('rebuilds one output folder from the cache index alone, and restores briefs changed by hand', async () => {
    const reference = await buildTree('index-reference', ['--no-cache'], {}, false)
    await buildTree('index', [], { FACTDESK_WORKERS: '2' }, true)
    // Warm twice: first the briefs are linked from the live output, then kept in the spare.
    expect(await buildTree('index', [], {}, false)).toEqual(reference)
    expect(await buildTree('index', [], {}, false)).toEqual(reference)
    const live = join(root, 'index')
    const briefs = [...reference.keys()].filter((path) =>
      /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(path)
    )
    expect(briefs.length).toBeGreaterThan(60)
    // Hard links shared with the spare change with it: neither may be trusted by name alone.
    for (const path of briefs) await appendFile(join(live, path), '<!-- changed by hand -->')
    expect(await buildTree('index', [], {}, false)).toEqual(reference)
    // The report's pages and the listings are known by digest too: the same inputs, but other
    // bytes in the output.
    const tagPage = [...reference.keys()].find((path) => path.startsWith('tags/')) ?? ''
    for (const path of ['factcheck.json', 'factcheck/index.html', 'index.html', tagPage])
      await writeFile(join(live, path), (reference.get(path)?.toString() ?? '').replace('"', "'"))
    expect(await buildTree('index', [], {}, false)).toEqual(reference)
  }, 180_000)

  it('keeps the report pages and listings through an edit that leaves them alone, and renders them after one that does not', async () => {
    await buildTree('memo', [], { FACTDESK_WORKERS: '2' }, true)
    await buildTree('memo', [], {}, false)
    const file = join(root, 'content', 'crypto-day-of-terror-5.md')
    const original = await readFile(file, 'utf8')
    const edits: [string, (text: string) => string, boolean][] = [
      [
        'a sentence without figures',
        (text) => `${text}\nEditors added a note after publication.\n`,
        false
      ],
      ['an unknown frontmatter key', (text) => text.replace(/^---\n/, '---\nmood: calm\n'), true],
      // Listed on the home page, its section's and its tags': each must show the new title. Its
      // figures stay, since the checks of the headline name them.
      ['a new title', (text) => text.replace(/^title: "(.*)"$/m, 'title: "Rewritten: $1"'), true]
    ]
    try {
      for (const [name, edit, reported] of edits) {
        await writeFile(file, edit(await readFile(file, 'utf8')))
        const edited = await buildTree('memo', [], {}, false)
        expect(edited, name).toEqual(await buildTree('memo-uncached', ['--no-cache'], {}, false))
        expect(edited.get('factcheck.json')?.toString().includes('unknown key \\"mood'), name).toBe(
          reported
        )
      }
    } finally {
      await writeFile(file, original)
    }
  }, 180_000)

  it('re-renders an edited article from a warm cache exactly as a cold build does', async () => {
    await buildTree('before-edit', [], { FACTDESK_WORKERS: '2' }, true)
    const file = join(root, 'content', 'crypto-day-of-terror-3.md')
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'turned into a day of terror',
        'became a day of terror'
      )
    )
    const edited = await buildTree('after-edit', [], { FACTDESK_WORKERS: '2' }, true)
    const uncached = await buildTree('after-edit-uncached', ['--no-cache'], {}, false)
    expect(edited).toEqual(uncached)
    const brief = edited.get('2025/11/04/crypto-day-of-terror-3/index.html')?.toString() ?? ''
    expect(brief).toContain('became a day of terror')
  }, 180_000)

  it('re-checks articles against an edited data file instead of trusting the cache', async () => {
    await buildTree('before-data', [], {}, false)
    const data = join(root, 'data/markets/btc-usd.csv')
    const original = await readFile(data, 'utf8')
    // Nov 4's close, made to rise: "plummeted over 7%" is now contradicted.
    await writeFile(data, original.replace(/^(2025-11-04,[^,]+,[^,]+,[^,]+,)[^\n]+$/m, '$1120000'))
    const run = await runCli(['check', '--root', root, '--format', 'json'])
    expect(run.exit).toBe(1)
    await writeFile(data, original)
    expect((await runCli(['check', '--root', root])).exit).toBe(0)
  }, 120_000)

  it('re-checks articles loaded from the index, their results packs gone, as an uncached build does', async () => {
    await buildTree('lean', [], {}, false)
    await rm(join(root, 'node_modules', '.cache', 'factdesk', 'results'), {
      recursive: true,
      force: true
    })
    const data = join(root, 'data/markets/btc-usd.csv')
    const original = await readFile(data, 'utf8')
    try {
      await writeFile(
        data,
        original.replace(/^(2025-11-04,[^,]+,[^,]+,[^,]+,)[^\n]+$/m, '$1120000')
      )
      const cached = await runCli(['check', '--root', root, '--format', 'json'])
      const uncached = await runCli(['check', '--root', root, '--format', 'json', '--no-cache'])
      expect(cached.exit).toBe(1)
      expect(cached.stdout).toBe(uncached.stdout)
    } finally {
      await writeFile(data, original)
    }
  }, 120_000)

  it('re-renders briefs after a template edit without serving stale pages from the cache', async () => {
    await buildTree('before-template', [], {}, false)
    const { mkdir } = await import('node:fs/promises')
    await mkdir(join(root, 'templates', 'partials'), { recursive: true })
    const footer = await readFile('templates/partials/site-footer.hbs', 'utf8')
    await writeFile(
      join(root, 'templates', 'partials', 'site-footer.hbs'),
      footer.replace('</footer>', '<p>Edited footer</p></footer>')
    )
    const cached = await buildTree('template-cached', [], {}, false)
    const uncached = await buildTree('template-uncached', ['--no-cache'], {}, false)
    expect(cached).toEqual(uncached)
    expect(cached.get('2025/11/04/crypto-day-of-terror-0/index.html')?.toString()).toContain(
      'Edited footer'
    )
  }, 120_000)
})
