/**
 * The output folder is never the user's (issue 15, SPEC 9): a wrong `--out` or `--root` is refused
 * before anything is read or written; a folder factdesk did not make is refused without `--force`
 * and, with it, only factdesk's own files are ever replaced or removed; links, mount points,
 * sibling outputs, a kill inside the swap, a full disk and a long output name each leave the
 * user's files and the previous site whole.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readTree } from '../helpers/read-tree.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { markerName } from '../../src/output/output-marker.js'
import { openOutput } from '../../src/output/write-site.js'

/** Records every rename the build makes, so a test can look at the output between two of them. */
const renames = vi.hoisted(() => ({
  after: undefined as undefined | ((from: string, to: string) => void)
}))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>()
  const renameSync = (from: fs.PathLike, to: fs.PathLike): void => {
    real.renameSync(from, to)
    renames.after?.(String(from), String(to))
  }
  return { ...real, renameSync, default: { ...real, renameSync } }
})

let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'factdesk-output-safety-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** A one-article site; `edition` changes its story so two builds differ. */
async function site(edition = 'one', extra: Record<string, string> = {}): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    'content/story.md': article(
      'title: A story\ndate: 2025-11-04T10:00:00+08:00\nslug: story',
      `Edition ${edition} of a quiet day.\n`
    ),
    ...extra
  })
}

/** Every path under `folder` (files, folders and links), to prove nothing was touched. */
async function listing(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).map(String).sort()
}

describe("an --out that is the user's", () => {
  const cases: Array<[string, (root: string) => string, RegExp]> = [
    ['the root itself', (root) => root, /is the site folder/],
    ['the root as "."', (root) => join(root, '.'), /is the site folder/],
    ['the parent of the root', (root) => join(root, '..'), /holds the site folder/],
    ['content/', (root) => join(root, 'content'), /content\/ folder/],
    [
      'a folder inside content/',
      (root) => join(root, 'content', 'out'),
      /lies inside the site's content\//
    ],
    ['data/', (root) => join(root, 'data'), /data\/ folder/],
    ['templates/', (root) => join(root, 'templates'), /templates\/ folder/],
    ['public/', (root) => join(root, 'public'), /public\/ folder/],
    ['node_modules/', (root) => join(root, 'node_modules'), /node_modules\/ folder/],
    [
      'the build cache',
      (root) => join(root, 'node_modules', '.cache', 'factdesk', 'output'),
      /node_modules\//
    ],
    ['.git/', (root) => join(root, '.git'), /\.git\/ folder/],
    [
      'a folder named "..x" inside data/',
      (root) => join(root, 'data', '..x'),
      /lies inside the site's data\//
    ]
  ]
  for (const [name, outOf, reason] of cases) {
    it(`refuses ${name} with exit 2 before anything is read or written`, async () => {
      const parent = await mkdtemp(join(scratch, 'parent-'))
      const root = join(parent, 'site')
      await mkdir(join(root, 'content'), { recursive: true })
      await mkdir(join(root, 'data'))
      await mkdir(join(root, '.git'))
      await writeFile(join(root, 'data', 'site.yaml'), siteYaml)
      await writeFile(join(root, 'content', 'story.md'), article('title: A\ndate: 2025-11-04'))
      await writeFile(join(parent, 'id_ed25519'), 'PRIVATE KEY')
      const before = await listing(parent)
      const run = await runCli(['build', '--root', root, '--out', outOf(root)])
      expect(run.exit).toBe(2)
      expect(run.stderr).toMatch(reason)
      expect(run.stderr).not.toMatch(/unexpected error/)
      expect(await listing(parent)).toEqual(before)
    })
  }
})

describe('a refusal in a GitHub workflow', () => {
  it('is an ::error annotation on stdout as well as a line on stderr', async () => {
    const root = await site()
    const run = await runCli(['build', '--root', root, '--out', root, '--format', 'github'])
    expect(run.exit).toBe(2)
    expect(run.stdout).toMatch(/^::error title=factdesk::--out .* is the site folder/m)
  })
})

describe('a folder factdesk did not make', () => {
  it('is refused when not empty, and left exactly as it was', async () => {
    const root = await site()
    const out = join(scratch, 'foreign')
    await mkdir(out)
    await writeFile(join(out, 'notes.txt'), 'mine')
    const run = await runCli(['build', '--root', root, '--out', out])
    expect(run.exit).toBe(2)
    expect(run.stderr).toMatch(/not empty and was not made by factdesk.*notes\.txt.*--force/)
    expect(await listing(out)).toEqual(['notes.txt'])
  })

  it('with --force is written into, and later builds remove only the files factdesk wrote', async () => {
    const out = join(scratch, 'gh-pages')
    await mkdir(join(out, '.git'), { recursive: true })
    await writeFile(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n')
    await writeFile(join(out, 'CNAME'), 'news.example.org\n')
    const first = await site('one')
    expect((await runCli(['build', '--root', first, '--out', out, '--force'])).exit).toBe(0)
    expect(fs.existsSync(join(out, '2025/11/04/story/index.html'))).toBe(true)
    // The next build drops the story's page: only factdesk's files go, the user's stay.
    const second = await tempSite({
      'data/site.yaml': siteYaml,
      'content/other.md': article('title: Other\ndate: 2025-11-05T10:00:00+08:00\nslug: other')
    })
    expect((await runCli(['build', '--root', second, '--out', out])).exit).toBe(0)
    expect(fs.existsSync(join(out, '2025/11/04/story/index.html'))).toBe(false)
    expect(fs.existsSync(join(out, '2025/11/05/other/index.html'))).toBe(true)
    expect(await readFile(join(out, 'CNAME'), 'utf8')).toBe('news.example.org\n')
    expect(await readFile(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n')
    expect((await readdir(out)).filter((name) => name.startsWith('.factdesk-staging'))).toEqual([])
  })

  it("with --force never replaces a file of the user's that stands where a page goes", async () => {
    const root = await site()
    const out = join(scratch, 'old-site')
    await mkdir(out)
    await writeFile(join(out, 'index.html'), '<p>the old home page</p>')
    const { exit, report } = await runJson(['build', '--root', root, '--out', out, '--force'])
    expect(exit).toBe(2)
    const problems = report.articles.flatMap((entry) => entry.problems)
    expect(problems).toContainEqual(
      expect.objectContaining({
        rule: 'output-unwritable',
        message: expect.stringMatching(/index\.html.*factdesk did not write/)
      })
    )
    expect(await listing(out)).toEqual(['index.html'])
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<p>the old home page</p>')
  })

  it('shared with --force, never writes or removes through a link put in place of its folder', async () => {
    const out = join(scratch, 'shared-linked')
    await mkdir(out)
    await writeFile(join(out, 'CNAME'), 'news.example.org\n')
    expect(
      (await runCli(['build', '--root', await site('one'), '--out', out, '--force'])).exit
    ).toBe(0)
    // Someone swaps the 2025/ folder factdesk made for a link to a folder of theirs.
    const theirs = join(scratch, 'theirs')
    await mkdir(join(theirs, '11', '04', 'story'), { recursive: true })
    await writeFile(join(theirs, '11', '04', 'story', 'index.html'), 'precious')
    await rm(join(out, '2025'), { recursive: true })
    await symlink(theirs, join(out, '2025'))
    const { exit, report } = await runJson(['build', '--root', await site('two'), '--out', out])
    expect(exit).toBe(2)
    expect(
      report.articles.flatMap((entry) => entry.problems.map((problem) => problem.rule))
    ).toContain('output-unwritable')
    expect(await readFile(join(theirs, '11', '04', 'story', 'index.html'), 'utf8')).toBe('precious')
    expect(await listing(theirs)).toEqual(['11', '11/04', '11/04/story', '11/04/story/index.html'])
  })

  it("holding a file the user added to factdesk's own output is refused without --force, kept with it", async () => {
    const root = await site()
    const out = join(scratch, 'own-then-added')
    expect((await runCli(['build', '--root', root, '--out', out])).exit).toBe(0)
    await writeFile(join(out, 'google1234.html'), 'site verification')
    const refused = await runCli(['build', '--root', root, '--out', out])
    expect(refused.exit).toBe(2)
    expect(refused.stderr).toMatch(/google1234\.html/)
    expect((await runCli(['build', '--root', root, '--out', out, '--force'])).exit).toBe(0)
    expect(await readFile(join(out, 'google1234.html'), 'utf8')).toBe('site verification')
  })

  it("an empty folder is taken as factdesk's own", async () => {
    const root = await site()
    const out = join(scratch, 'empty')
    await mkdir(out)
    expect((await runCli(['build', '--root', root, '--out', out])).exit).toBe(0)
    expect(fs.existsSync(join(out, markerName))).toBe(true)
  })
})

describe('where the output is', () => {
  it('a symbolic link: the site goes into the folder it points to, and the link stays', async () => {
    const root = await site()
    const real = join(scratch, 'served')
    const link = join(scratch, 'dist-link')
    await symlink(real, link).catch(() => undefined)
    await mkdir(real)
    for (const edition of ['one', 'two']) {
      const source = await site(edition)
      expect((await runCli(['build', '--root', source, '--out', link])).exit).toBe(0)
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true)
      const page = await readFile(join(real, '2025/11/04/story/index.html'), 'utf8')
      expect(page).toContain(`Edition ${edition}`)
    }
    void root
  })

  it("a name near the file system's limit of 255 bytes still builds", async () => {
    const root = await site()
    const out = join(scratch, 'n'.repeat(250))
    const run = await runCli(['build', '--root', root, '--out', out])
    expect(run.stderr).not.toMatch(/unexpected error/)
    expect(run.exit).toBe(0)
    expect(fs.existsSync(join(out, 'index.html'))).toBe(true)
  })

  it("a sibling output never touches the other's staging folder while both build", async () => {
    const root = await site()
    const parent = await mkdtemp(join(scratch, 'siblings-'))
    const first = join(parent, 'site')
    const preview = join(parent, 'site-preview')
    // site-preview is being written (its staging folder beside it) while site builds twice.
    const writer = await openOutput(preview)
    writer.put({ path: 'index.html', content: 'the preview' })
    expect((await runCli(['build', '--root', root, '--out', first])).exit).toBe(0)
    expect((await runCli(['build', '--root', root, '--out', first])).exit).toBe(0)
    await writer.commit()
    expect(await readFile(join(preview, 'index.html'), 'utf8')).toBe('the preview')
    expect((await readdir(parent)).sort()).toEqual(['site', 'site-preview'])
  })
})

describe('the swap', () => {
  it('leaves a complete output folder after every step: a kill anywhere keeps the old site', async () => {
    const out = join(scratch, 'swapped')
    expect((await runCli(['build', '--root', await site('one'), '--out', out])).exit).toBe(0)
    const old = await readTree(out)
    const seen: string[] = []
    renames.after = () => {
      // What a build killed right after this rename would leave.
      const page = join(out, '2025/11/04/story/index.html')
      seen.push(fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : 'missing')
    }
    try {
      expect((await runCli(['build', '--root', await site('two'), '--out', out])).exit).toBe(0)
    } finally {
      renames.after = undefined
    }
    expect(seen.every((page) => page !== 'missing')).toBe(true)
    expect((await readTree(out)).get('2025/11/04/story/index.html')?.toString()).toContain(
      'Edition two'
    )
    expect(old.size).toBeGreaterThan(5)
  })
})

describe('a --root that is no site', () => {
  it('that does not exist is refused, and nothing is created', async () => {
    const root = join(scratch, 'no-such-site')
    const run = await runCli(['build', '--root', root])
    expect(run.exit).toBe(2)
    expect(run.stderr).toMatch(/does not exist/)
    expect(fs.existsSync(root)).toBe(false)
  })

  it('holding neither content/ nor data/site.yaml is refused, naming both, and nothing is created', async () => {
    const root = await mkdtemp(join(scratch, 'home-'))
    await writeFile(join(root, '.bashrc'), 'alias ll=ls')
    for (const command of ['build', 'check', 'dev', 'new']) {
      const run = await runCli(
        command === 'new' ? [command, 'Title', '--root', root] : [command, '--root', root]
      )
      expect(run.exit, command).toBe(2)
      expect(run.stderr).toMatch(/neither content\/ nor data\/site\.yaml/)
      expect(await listing(root)).toEqual(['.bashrc'])
    }
  })
})

describe('settings', () => {
  it('build without a url warns that feeds and canonical links point at localhost; check does not', async () => {
    const root = await tempSite({
      'data/site.yaml': 'title: No URL\n',
      'content/story.md': article('title: A\ndate: 2025-11-04T10:00:00+08:00')
    })
    const built = await runJson(['build', '--root', root])
    expect(built.exit).toBe(0)
    const warnings = built.report.articles.flatMap((entry) =>
      entry.problems.map((problem) => ({ ...problem, file: entry.file }))
    )
    expect(warnings).toContainEqual(
      expect.objectContaining({
        file: 'data/site.yaml',
        severity: 'warning',
        rule: 'settings',
        message: expect.stringMatching(/localhost/)
      })
    )
    const checked = await runJson(['check', '--root', root])
    expect(JSON.stringify(checked.report)).not.toMatch(/localhost/)
  })
})

/** A small tmpfs of `size` at a new folder; undefined where this machine cannot mount (not root). */
function mountTmpfs(size: string): string | undefined {
  const at = fs.mkdtempSync(join(tmpdir(), 'factdesk-mount-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'ignore' })
    return at
  } catch {
    return undefined
  }
}

function unmount(at: string): void {
  execFileSync('umount', [at], { stdio: 'ignore' })
  fs.rmdirSync(at)
}

const canMount = (() => {
  const at = mountTmpfs('64k')
  if (at === undefined) return false
  unmount(at)
  return true
})()
if (!canMount && process.env.CI)
  throw new Error('output-safety: CI must run the mount tests (mount needs root)')

describe.skipIf(!canMount)('mounts and full disks (need mount: root)', () => {
  it('a mount point is published into, not renamed, and stays mounted', async () => {
    const at = mountTmpfs('8m')
    if (at === undefined) throw new Error('mount failed')
    try {
      for (const edition of ['one', 'two']) {
        const run = await runCli(['build', '--root', await site(edition), '--out', at])
        expect(run.stderr).not.toMatch(/unexpected error/)
        expect(run.exit).toBe(0)
        expect(await readFile(join(at, '2025/11/04/story/index.html'), 'utf8')).toContain(
          `Edition ${edition}`
        )
        expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).toContain(` ${at} `)
      }
      expect((await readdir(at)).filter((name) => name.startsWith('.factdesk-staging'))).toEqual([])
    } finally {
      unmount(at)
    }
  })

  it('a full disk is one problem at the file that did not fit; the rest is reported and the old site stands', async () => {
    const at = mountTmpfs('400k')
    if (at === undefined) throw new Error('mount failed')
    try {
      const out = join(at, 'dist')
      // Without search: its scripts alone would not fit in 400 KB beside the site.
      const small = await site('one', { 'data/site.yaml': `${siteYaml}search: false\n` })
      expect((await runCli(['build', '--root', small, '--out', out, '--no-cache'])).exit).toBe(0)
      const before = await readTree(out)
      const big = await tempSite({
        'data/site.yaml': siteYaml,
        'content/story.md': article(
          'title: A story\ndate: 2025-11-04T10:00:00+08:00\nslug: story\ntagz: [x]',
          `${'A long quiet day with words and more words. '.repeat(20_000)}\n`
        )
      })
      const { exit, report } = await runJson(['build', '--root', big, '--out', out, '--no-cache'])
      expect(exit).toBe(2)
      const problems = report.articles.flatMap((entry) => entry.problems)
      expect(problems).toContainEqual(
        expect.objectContaining({
          rule: 'output-unwritable',
          message: expect.stringMatching(/disk is full/)
        })
      )
      // One: once a file did not fit, nothing more is written (each would fail the same way).
      expect(problems.filter((problem) => problem.rule === 'output-unwritable')).toHaveLength(1)
      // The article's own warning is still reported: the rest of the site was checked.
      expect(problems).toContainEqual(
        expect.objectContaining({ rule: 'frontmatter', severity: 'warning' })
      )
      expect(await readTree(out)).toEqual(before)
    } finally {
      unmount(at)
    }
  })
})
