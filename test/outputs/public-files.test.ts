/**
 * `public/` (issue 18): copied as it is to the site root, byte for byte, nested folders and
 * dotfiles included, never listed in the sitemap; a public file at a generated path is an input
 * error that leaves the previous output untouched; and every public file is read as every site
 * file is (SPEC 9): a link leading outside the site, or a FIFO, is an input error at its path.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { readTree, treeDigest } from '../helpers/read-tree.js'
import { tempFolders } from '../helpers/temp-folders.js'

const fixture = fileURLToPath(new URL('../fixtures/public-and-embeds/', import.meta.url))
const scratch = tempFolders('public-files')

/** A copy of the fixture site, with `extra` files written into it. */
async function site(extra: Readonly<Record<string, string>> = {}): Promise<string> {
  const root = await scratch()
  await cp(fixture, root, { recursive: true })
  for (const [path, content] of Object.entries(extra)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), content)
  }
  return root
}

function built(root: string): Promise<BuildResult> {
  return build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2026-01-01T00:00:00Z'),
    write: true
  })
}

/** `file line:column rule severity` of every problem of the build. */
function problems(result: BuildResult): string[] {
  return result.report.articles.flatMap((entry) =>
    entry.problems.map(
      (problem) =>
        `${problem.file ?? entry.file} ${problem.line}:${problem.column} ${problem.rule} ${problem.severity}`
    )
  )
}

function messages(result: BuildResult, rule: string): string[] {
  return result.report.articles.flatMap((entry) =>
    entry.problems.filter((problem) => problem.rule === rule).map((problem) => problem.message)
  )
}

describe('the files of public/', () => {
  it('are copied to the site root byte for byte, nested and dotted ones too', async () => {
    const root = await site()
    const result = await built(root)
    expect(result.exit).toBe(0)
    const dist = await readTree(join(root, 'dist'))
    const copied = await readTree(join(root, 'public'))
    expect([...copied.keys()]).toEqual([
      '.nojekyll',
      '.well-known/security.txt',
      'CNAME',
      'downloads/2025/annual-report.pdf',
      'favicon.ico',
      'img/logo.png'
    ])
    for (const [path, bytes] of copied) expect(dist.get(path)?.equals(bytes), path).toBe(true)
  })

  it('are files, not pages: the sitemap does not list them', async () => {
    const root = await site()
    expect((await built(root)).exit).toBe(0)
    const sitemap = fromHtml(await readFile(join(root, 'dist', 'sitemap.xml'), 'utf8'), {
      fragment: true
    })
    const listed = selectAll('loc', sitemap).map((loc) => toString(loc))
    expect(listed).toContain('https://news.example.org/2025/11/04/chart-day/')
    expect(listed.filter((url) => /favicon|CNAME|annual-report|logo|nojekyll/.test(url))).toEqual(
      []
    )
  })

  it('are copied again when they change, and gone when removed', async () => {
    const root = await site()
    expect((await built(root)).exit).toBe(0)
    await writeFile(join(root, 'public', 'CNAME'), 'www.example.org\n')
    await rm(join(root, 'public', 'img', 'logo.png'))
    expect((await built(root)).exit).toBe(0)
    const dist = await readTree(join(root, 'dist'))
    expect(dist.get('CNAME')?.toString()).toBe('www.example.org\n')
    expect(dist.has('img/logo.png')).toBe(false)
  })
})

describe('a public file at a path factdesk generates', () => {
  it.each([
    ['the home page', 'public/index.html', 'index.html'],
    ['a feed, whatever its case', 'public/Feed.XML', 'feed.xml'],
    ['the folder of a brief', 'public/2025/11/04/chart-day', '2025/11/04/chart-day/index.html'],
    ['a generated file taken for a folder', 'public/robots.txt/x', 'robots.txt'],
    ["factdesk's output marker", 'public/.factdesk-output.json', '.factdesk-']
  ])(
    'is an input error at its path (%s), and the output stays as it was',
    async (_name, file, clash) => {
      const root = await site()
      expect((await built(root)).exit).toBe(0)
      const before = await treeDigest(join(root, 'dist'))
      await mkdir(join(root, file, '..'), { recursive: true })
      await writeFile(join(root, file), 'mine')
      const result = await built(root)
      expect(result.exit).toBe(2)
      expect(problems(result).filter((line) => line.includes('public-collision'))).toEqual([
        `${file} 1:1 public-collision error`
      ])
      const [message] = messages(result, 'public-collision')
      expect(message).toContain(clash)
      expect(message).toContain('rename or move it in public/')
      expect(await treeDigest(join(root, 'dist'))).toBe(before)
    }
  )

  it('may sit beside a brief, in the folder of its page', async () => {
    const root = await site({ 'public/2025/11/04/chart-day/chart.png': 'png' })
    const result = await built(root)
    expect(problems(result).filter((line) => line.includes('public-'))).toEqual([])
    expect(
      (await readTree(join(root, 'dist'))).get('2025/11/04/chart-day/chart.png')?.toString()
    ).toBe('png')
  })
})

describe('a public file that is not a regular file inside the site', () => {
  it('is path-unsafe when it is a link leading outside the site', async () => {
    const outside = await scratch()
    await writeFile(join(outside, 'secret.txt'), 'not for publishing')
    const root = await site()
    await symlink(join(outside, 'secret.txt'), join(root, 'public', 'secret.txt'))
    await symlink(outside, join(root, 'public', 'elsewhere'))
    const result = await built(root)
    expect(result.exit).toBe(2)
    expect(problems(result).filter((line) => line.startsWith('public/'))).toEqual([
      'public/elsewhere 1:1 path-unsafe error',
      'public/secret.txt 1:1 path-unsafe error'
    ])
    // A build with an input error writes nothing.
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('is copied when it is a link to a file inside the site', async () => {
    const root = await site({ 'assets-src/logo.svg': '<svg/>' })
    await symlink(join(root, 'assets-src', 'logo.svg'), join(root, 'public', 'logo.svg'))
    const result = await built(root)
    expect(result.exit).toBe(0)
    expect((await readTree(join(root, 'dist'))).get('logo.svg')?.toString()).toBe('<svg/>')
  })

  it('is public-unreadable when it is a FIFO, and the build still ends', async () => {
    const root = await site()
    execFileSync('mkfifo', [join(root, 'public', 'pipe')])
    const result = await built(root)
    expect(result.exit).toBe(2)
    expect(problems(result).filter((line) => line.startsWith('public/'))).toEqual([
      'public/pipe 1:1 public-unreadable error'
    ])
    expect(messages(result, 'public-unreadable')[0]).toMatch(/FIFO/)
  })
})
