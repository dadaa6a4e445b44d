/**
 * Nothing leaks in through a link or a special file (issue 15, items 3, 5 and 7; SPEC 9). Every
 * input the build reads (articles, data files, templates, the stylesheet, `data/site.yaml`) must
 * be a regular file inside the site and within its size limit. A link leaving the site is
 * `path-unsafe`; a FIFO, a folder or an oversized file is the kind's own unreadable problem, at
 * once: never a hang, never an unbounded read. An unreadable folder or a link loop in `content/`
 * is one problem at that path, and the rest of the site is still checked. FIFOs, links and sparse
 * files cannot be committed, so every site here is built in the test.
 */
import { execFileSync } from 'node:child_process'
import type * as Fs from 'node:fs'
import { readdirSync } from 'node:fs'
import { chmod, mkdir, open, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readTree } from '../helpers/read-tree.js'
import { runCli, runJson } from '../helpers/run-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { sizeLimits } from '../../src/io/size-limits.js'
import type { Problem, Report } from '../../src/types.js'

// `readdirSync` goes through a spy that still lists, so one test can refuse a folder as the
// system would for a user without permission: tests may run as root, whom chmod does not stop.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>()
  return { ...actual, readdirSync: vi.fn(actual.readdirSync) }
})

afterEach(() => {
  vi.mocked(readdirSync).mockRestore()
})

const outsideFolder = tempFolders('outside')
const outFolder = tempFolders('out')

/** What a secret outside the site holds: it must never reach any output. */
const secret = 'FACTDESK-SECRET-5d1e7a'

const goodFile = 'content/good.md'

/** A site with settings and one good article, plus `files`. */
function siteWith(files: Readonly<Record<string, string | Uint8Array>> = {}): Promise<string> {
  return tempSite({
    'data/site.yaml': siteYaml,
    [goodFile]: article(
      'title: A good story\ndate: 2025-11-04T10:00:00+08:00',
      'Turnout reached 1,200 voters in the town.\n'
    ),
    ...files
  })
}

/** An article reading `data/<path>` as `d`. */
function articleUsing(path: string): string {
  return article(`title: Uses data\ndate: 2025-11-04\ndata:\n  d: ${path}`)
}

/** A file outside the site holding the secret; its path. */
async function secretFile(name: string): Promise<string> {
  const path = join(await outsideFolder(), name)
  await writeFile(path, `${secret}\n`)
  return path
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path])
}

/** A file of `size` bytes that takes no room on disk: its length is all these tests need. */
async function sparseFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'w')
  await handle.truncate(size)
  await handle.close()
}

/** Every problem of a report with the file it is placed in. */
function problemsOf(report: Report): (Problem & { file: string })[] {
  return report.articles.flatMap((entry) =>
    entry.problems.map((problem) => ({ ...problem, file: problem.file ?? entry.file }))
  )
}

/** The problems placed in `file`. */
function problemsAt(report: Report, file: string): (Problem & { file: string })[] {
  return problemsOf(report).filter((problem) => problem.file === file)
}

/** The good article was read, checked and found clean. */
function expectGoodArticleChecked(report: Report): void {
  const good = report.articles.find((entry) => entry.file === goodFile)
  expect(good?.figures.map((figure) => figure.text)).toEqual(['1,200 voters'])
  expect(problemsAt(report, goodFile).filter((problem) => problem.severity === 'error')).toEqual([])
}

/** `check` over `root`: its exit status and report, with no unexpected failure on the way. */
async function check(root: string): Promise<{ exit: number; report: Report }> {
  const run = await runJson(['check', '--root', root])
  expect(run.stderr).not.toMatch(/unexpected error/)
  return run
}

/** Builds `root` into a fresh folder; every byte written anywhere the build writes. */
async function buildAll(root: string): Promise<{ exit: number; written: string }> {
  const out = join(await outFolder(), 'dist')
  const run = await runCli(['build', '--root', root, '--out', out])
  const trees = [out, join(root, 'node_modules')]
  const written: string[] = [run.stdout, run.stderr]
  for (const tree of trees) {
    const files = await readTree(tree).catch(() => new Map<string, Buffer>())
    for (const bytes of files.values()) written.push(bytes.toString('latin1'))
  }
  return { exit: run.exit, written: written.join('\n') }
}

describe('links leaving the site', () => {
  it('refuses a template linked to a file outside the site, and publishes nothing of it', async () => {
    const root = await siteWith()
    await mkdir(join(root, 'templates/partials'), { recursive: true })
    await symlink(await secretFile('footer.hbs'), join(root, 'templates/partials/site-footer.hbs'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'templates/partials/site-footer.hbs')).toMatchObject([
      { rule: 'path-unsafe', line: 1, column: 1, severity: 'error' }
    ])
    expectGoodArticleChecked(report)
    const built = await buildAll(root)
    expect(built.exit).toBe(2)
    expect(built.written).not.toContain(secret)
  })

  it('refuses a stylesheet linked to a file outside the site, and publishes nothing of it', async () => {
    const root = await siteWith()
    await mkdir(join(root, 'templates'), { recursive: true })
    await symlink(await secretFile('style.css'), join(root, 'templates/style.css'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'templates/style.css')).toMatchObject([
      { rule: 'path-unsafe', line: 1, column: 1 }
    ])
    const built = await buildAll(root)
    expect(built.exit).toBe(2)
    expect(built.written).not.toContain(secret)
  })

  it('refuses data/site.yaml linked to a file outside the site', async () => {
    const root = await siteWith()
    const target = join(await outsideFolder(), 'site.yaml')
    await writeFile(target, `title: ${secret}\n`)
    await rm(join(root, 'data/site.yaml'))
    await symlink(target, join(root, 'data/site.yaml'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'data/site.yaml')).toMatchObject([
      { rule: 'path-unsafe', line: 1, column: 1 }
    ])
    const built = await buildAll(root)
    expect(built.exit).toBe(2)
    expect(built.written).not.toContain(secret)
  })

  it('refuses a data file linked to /dev/zero at once, without reading it', async () => {
    const root = await siteWith({ 'content/zero.md': articleUsing('zero.csv') })
    await symlink('/dev/zero', join(root, 'data/zero.csv'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'data/zero.csv')).toMatchObject([
      { rule: 'path-unsafe', line: 1, column: 1 }
    ])
    expectGoodArticleChecked(report)
  }, 5_000)
})

describe('special files where a file is expected', () => {
  it('reports a FIFO named like an article at once, and checks the rest of the site', async () => {
    const root = await siteWith()
    mkfifo(join(root, 'content/pipe.md'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    const [problem, ...others] = problemsAt(report, 'content/pipe.md')
    expect(others).toEqual([])
    expect(problem).toMatchObject({ rule: 'article-unreadable', line: 1, column: 1 })
    expect(problem?.message).toContain('FIFO')
    expectGoodArticleChecked(report)
  }, 5_000)

  it('reports a FIFO as a data file at once', async () => {
    const root = await siteWith({ 'content/piped.md': articleUsing('pipe.csv') })
    mkfifo(join(root, 'data/pipe.csv'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    const [problem, ...others] = problemsAt(report, 'data/pipe.csv')
    expect(others).toEqual([])
    expect(problem).toMatchObject({ rule: 'data-unreadable', line: 1, column: 1 })
    expect(problem?.message).toContain('FIFO')
    expectGoodArticleChecked(report)
  }, 5_000)

  it('reports a FIFO as a template at once, and renders with the default instead', async () => {
    const root = await siteWith()
    await mkdir(join(root, 'templates/partials'), { recursive: true })
    mkfifo(join(root, 'templates/partials/site-footer.hbs'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    const [problem, ...others] = problemsAt(report, 'templates/partials/site-footer.hbs')
    expect(others).toEqual([])
    expect(problem).toMatchObject({ rule: 'template-error', line: 1, column: 1 })
    expect(problem?.message).toContain('FIFO')
    expectGoodArticleChecked(report)
  }, 5_000)

  it('reports a FIFO as the stylesheet at once', async () => {
    const root = await siteWith()
    await mkdir(join(root, 'templates'), { recursive: true })
    mkfifo(join(root, 'templates/style.css'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'templates/style.css')).toMatchObject([
      { rule: 'template-error', line: 1, column: 1, message: expect.stringContaining('FIFO') }
    ])
  }, 5_000)

  it('reports a FIFO as data/site.yaml at once', async () => {
    const root = await siteWith()
    await rm(join(root, 'data/site.yaml'))
    mkfifo(join(root, 'data/site.yaml'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'data/site.yaml')).toMatchObject([
      { rule: 'settings', line: 1, column: 1, message: expect.stringContaining('FIFO') }
    ])
  }, 5_000)

  it('takes a folder named like an article for a folder: it is walked, not read', async () => {
    const root = await siteWith({
      'content/notes.md/inner.md': article('title: Inner\ndate: 2025-11-04')
    })
    const { report } = await check(root)
    expect(problemsAt(report, 'content/notes.md')).toEqual([])
    expect(report.articles.map((entry) => entry.file)).toContain('content/notes.md/inner.md')
    expectGoodArticleChecked(report)
  })
})

describe('size limits', () => {
  it('refuses an article over its limit without reading it', async () => {
    const root = await siteWith()
    await sparseFile(join(root, 'content/huge.md'), sizeLimits.article + 1)

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    const [problem, ...others] = problemsAt(report, 'content/huge.md')
    expect(others).toEqual([])
    expect(problem).toMatchObject({ rule: 'article-unreadable', line: 1, column: 1 })
    expect(problem?.message).toContain('16 MiB')
    expectGoodArticleChecked(report)
  })

  it('refuses a data file over its limit without reading it', async () => {
    const root = await siteWith({ 'content/big.md': articleUsing('big.csv') })
    await sparseFile(join(root, 'data/big.csv'), sizeLimits.dataFile + 1)

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    const [problem, ...others] = problemsAt(report, 'data/big.csv')
    expect(others).toEqual([])
    expect(problem).toMatchObject({ rule: 'data-unreadable', line: 1, column: 1 })
    expect(problem?.message).toContain('100 MiB')
    expectGoodArticleChecked(report)
  }, 10_000)
})

describe('folders of content/ that cannot be walked', () => {
  it('reports a content folder the system will not list, and checks the rest', async () => {
    const root = await siteWith({
      'content/locked/story.md': article('title: S\ndate: 2025-11-04')
    })
    const locked = join(root, 'content', 'locked')
    const actual = (await vi.importActual<typeof Fs>('node:fs')).readdirSync
    vi.mocked(readdirSync).mockImplementation(((path: Fs.PathLike, options?: unknown) => {
      if (String(path) === locked) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), {
          code: 'EACCES'
        })
      }
      return (actual as (path: Fs.PathLike, options?: unknown) => unknown)(path, options)
    }) as typeof readdirSync)

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'content/locked')).toMatchObject([
      { rule: 'article-unreadable', line: 1, column: 1, message: expect.stringContaining('EACCES') }
    ])
    expectGoodArticleChecked(report)
  })

  // chmod does not stop root, so as root the test above (which refuses the listing as the system
  // would) stands in for this one.
  it.skipIf(process.getuid?.() === 0)(
    'reports a content folder without read permission (chmod 000), and checks the rest',
    async () => {
      const root = await siteWith({
        'content/locked/story.md': article('title: S\ndate: 2025-11-04')
      })
      await chmod(join(root, 'content/locked'), 0o000)
      try {
        const { exit, report } = await check(root)
        expect(exit).toBe(2)
        expect(problemsAt(report, 'content/locked')).toMatchObject([
          { rule: 'article-unreadable', line: 1, column: 1 }
        ])
        expectGoodArticleChecked(report)
      } finally {
        await chmod(join(root, 'content/locked'), 0o755)
      }
    }
  )

  it('reports a link back to an ancestor folder once, and reads what it loops over once', async () => {
    const root = await siteWith({
      'content/a/story.md': article('title: Story\ndate: 2025-11-04')
    })
    await symlink('..', join(root, 'content/a/loop'))

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'content/a/loop')).toMatchObject([
      { rule: 'article-unreadable', line: 1, column: 1 }
    ])
    expect(
      report.articles.map((entry) => entry.file).filter((file) => file.endsWith('.md'))
    ).toEqual(['content/a/story.md', goodFile])
    expectGoodArticleChecked(report)
  })
})

describe('text that is not UTF-8', () => {
  it('points an article at its first bad byte, the column counted in characters', async () => {
    // Line 2 is "title: Ça caf\xE9": "Ç" takes two bytes but one column.
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: Ça caf'),
      Buffer.from([0xe9]),
      Buffer.from('\ndate: 2025-11-04\n---\nBody.\n')
    ])
    const root = await siteWith({ 'content/latin.md': bytes })

    const { exit, report } = await check(root)
    expect(exit).toBe(2)
    expect(problemsAt(report, 'content/latin.md')).toMatchObject([
      {
        rule: 'article-unreadable',
        line: 2,
        column: 14,
        message: 'byte 0xE9 at offset 18 is not UTF-8: save the file as UTF-8'
      }
    ])
    expectGoodArticleChecked(report)
  })

  it('points a data file at its first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('date,close\n2025-11-04,1'),
      Buffer.from([0xff]),
      Buffer.from('\n')
    ])
    const root = await siteWith({
      'content/uses.md': articleUsing('latin.csv'),
      'data/latin.csv': bytes
    })

    const { report } = await check(root)
    expect(problemsAt(report, 'data/latin.csv')).toMatchObject([
      {
        rule: 'data-unreadable',
        line: 2,
        column: 13,
        message: expect.stringContaining('byte 0xFF at offset 23 is not UTF-8')
      }
    ])
  })
})
