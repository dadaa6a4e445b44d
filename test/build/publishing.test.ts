/**
 * Publishing guarantees (SPEC 7, 8, 9): output is written only by a passing build, swapped in
 * whole, byte-identical for the same input; drafts and embargoes are honoured.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { readTree } from '../helpers/read-tree.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { copySample } from '../helpers/sample-site.js'
import { tempFolders } from '../helpers/temp-folders.js'

const outFolder = tempFolders('out')

const story = (slug: string, extra = '') =>
  article(
    `title: Story ${slug}\ndate: 2025-11-04T10:00:00+08:00\nslug: ${slug}\n${extra}`,
    `The ${slug} story opens here.\n`
  )

describe('publishing', () => {
  it('leaves the previous dist/ byte-identical when a build fails', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, 'content/one.md': story('one') })
    const first = await runCli(['build', '--root', root])
    expect(first.exit).toBe(0)
    const before = await readTree(join(root, 'dist'))
    expect(before.size).toBeGreaterThan(5)

    await writeFile(join(root, 'content/two.md'), article('date: 2025-11-04'))
    const failed = await runCli(['build', '--root', root])
    expect(failed.exit).toBe(2)
    expect(await readTree(join(root, 'dist'))).toEqual(before)
  })

  it('publishes a data file read only by an article too old for the feeds', async () => {
    const files: Record<string, string> = {
      'data/site.yaml': siteYaml,
      'data/markets/old.csv': 'date,close\n2020-01-02,7\n',
      'content/old.md': article(
        'title: Old story\ndate: 2020-01-02T10:00:00+08:00\nslug: old\ndata:\n  old: markets/old.csv\nchecks:\n  - figure: "7%"\n    expr: old.close["2020-01-02"]',
        'Shares rose 7% that day.\n'
      )
    }
    // More newer stories than the feeds hold, so the old one is listed and reported only.
    for (let day = 1; day <= 55; day++) {
      const date = `2025-10-${String((day % 28) + 1).padStart(2, '0')}T${String(day % 24).padStart(2, '0')}:00:00+08:00`
      files[`content/new-${day}.md`] = article(
        `title: New ${day}\ndate: ${date}\nslug: new-${day}`,
        'A newer story.\n'
      )
    }
    const root = await tempSite(files)
    const run = await runCli(['build', '--root', root])
    expect(run.exit, run.stderr).toBe(0)
    expect(await readFile(join(root, 'dist/data/markets/old.csv'), 'utf8')).toBe(
      'date,close\n2020-01-02,7\n'
    )
    const brief = await readFile(join(root, 'dist/2020/01/02/old/index.html'), 'utf8')
    expect(brief).toContain('data/markets/old.csv')
    // Warm, the old story is settled from the cache index, which keeps the files its checks
    // read without its fact-check panel: the data file is published all the same.
    const before = await readTree(join(root, 'dist'))
    const warm = await runCli(['build', '--root', root])
    expect(warm.exit, warm.stderr).toBe(0)
    expect(await readTree(join(root, 'dist'))).toEqual(before)
  })

  it('builds byte-identical output twice from the same input', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/one.md': story('one'),
      'content/two.md': story('two')
    })
    const out1 = await outFolder()
    const out2 = await outFolder()
    expect((await runCli(['build', '--root', root, '--out', join(out1, 'site')])).exit).toBe(0)
    expect(
      (
        await runCli(['build', '--root', root, '--out', join(out2, 'site')], {
          SOURCE_DATE_EPOCH: '1'
        })
      ).exit
    ).toBe(0)
    expect(await readTree(join(out1, 'site'))).toEqual(await readTree(join(out2, 'site')))
  })

  it('builds the repository sample site twice into identical trees', async () => {
    const root = await copySample()
    const a = await runCli(['build', '--root', root, '--out', join(root, 'a')])
    const b = await runCli(['build', '--root', root, '--out', join(root, 'b')])
    expect(a.exit, a.stdout).toBe(0)
    expect(b.exit).toBe(0)
    expect(await readTree(join(root, 'a'))).toEqual(await readTree(join(root, 'b')))
  })

  it('leaves drafts out unless --drafts, and embargoed stories out until --now passes the embargo', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/live.md': story('live'),
      'content/draft.md': story('draft', 'draft: true'),
      'content/later.md': story('later', 'embargo: 2025-11-05T09:00:00+08:00')
    })
    const slugs = async (...argv: string[]) =>
      (await runJson(['check', '--root', root, ...argv])).report.articles
        .map((entry) => entry.slug)
        .sort()
    expect(await slugs('--now', '2025-11-05T00:00:00+08:00')).toEqual(['live'])
    expect(await slugs('--now', '2025-11-05T09:00:00+08:00')).toEqual(['later', 'live'])
    expect(await slugs('--now', '2025-11-05T00:00:00+08:00', '--drafts')).toEqual(['draft', 'live'])
    const epoch = String(Date.parse('2025-11-06T00:00:00Z') / 1000)
    const run = await runJson(['check', '--root', root], { SOURCE_DATE_EPOCH: epoch })
    expect(run.report.articles.map((entry) => entry.slug).sort()).toEqual(['later', 'live'])
  })

  it('writes no page outside the output folder whatever the slug, section or tag says', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/one.md': story('one', 'tags: ["../../escape", "..", "/etc/passwd"]')
    })
    const run = await runCli(['build', '--root', root])
    expect(run.exit).toBe(0)
    const tree = await readTree(join(root, 'dist'))
    for (const path of tree.keys()) expect(path.split('/')).not.toContain('..')
    expect(await readFile(join(root, 'content/one.md'), 'utf8')).toContain('escape')
  })

  it('rejects usage errors with exit 2', async () => {
    expect((await runCli(['publish'])).exit).toBe(2)
    expect((await runCli(['build', '--format', 'xml'])).exit).toBe(2)
    expect((await runCli(['build', '--now', 'yesterday'])).exit).toBe(2)
    expect((await runCli(['--bogus'])).exit).toBe(2)
    const help = await runCli(['--help'])
    expect(help.exit).toBe(0)
    expect(help.stdout).toMatch(/Usage: factdesk/)
  })
})
