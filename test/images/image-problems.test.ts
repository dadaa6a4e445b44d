/**
 * What cannot be published of an article's images is a problem at the image (issue 18, SPEC 9):
 * a missing file is an input error at its line and column (exit 2), so is a path leaving the
 * site, a file that is no image or no regular file; missing alt text is a warning. Raw HTML
 * images are never rewritten, and a changed photo re-renders the brief that shows it.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { runJson } from '../helpers/run-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { testImage } from './image-fixture.js'

const scratch = tempFolders('image-problems')
const dated = 'date: 2025-11-04T18:00:00+08:00'
const story = 'content/2025/story.md'

function checked(
  root: string,
  options: { out?: string; cacheDir?: string } = {}
): Promise<BuildResult> {
  return build({
    root,
    out: options.out ?? join(root, 'dist'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2026-01-01T00:00:00Z'),
    write: options.out !== undefined,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir })
  })
}

function problems(result: BuildResult): string[] {
  const entry = result.report.articles.find((each) => each.file === story)
  return (entry?.problems ?? []).map(
    (problem) => `${problem.line}:${problem.column} ${problem.rule} ${problem.severity}`
  )
}

function briefOf(result: BuildResult) {
  const file = result.files.find((each) => each.path.endsWith('/story/index.html'))
  if (file === undefined) throw new TypeError('the brief was not rendered')
  return fromHtml(
    typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString()
  )
}

describe('an image that cannot be published', () => {
  it('is an input error at its line and column when its file is missing (exit 2)', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(`title: A\n${dated}`, 'First line.\n\nSee ![the quay](quay.jpg) here.\n')
    })
    const { exit, report } = await runJson(['check', '--root', root])
    expect(exit).toBe(2)
    const entry = report.articles.find((each) => each.file === story)
    expect(entry?.problems).toEqual([
      expect.objectContaining({ line: 7, column: 5, rule: 'image-missing', severity: 'error' })
    ])
    expect(entry?.problems[0]?.message).toContain('content/2025/quay.jpg')
  })

  it('is an input error when its path leaves the site or public/', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(`title: A\n${dated}`, '![a](../../../x.jpg)\n\n![b](/../data/site.yaml)\n')
    })
    expect(problems(await checked(root))).toEqual([
      '5:1 path-unsafe error',
      '7:1 path-unsafe error'
    ])
  })

  it('is an input error when it is a folder, a link out of the site, or no image', async () => {
    const outside = await scratch()
    await writeFile(join(outside, 'secret.jpg'), await testImage(20, 20, 'jpeg'))
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(
        `title: A\n${dated}`,
        '![a](folder.jpg)\n\n![b](linked.jpg)\n\n![c](text.png)\n'
      ),
      'content/2025/text.png': 'plain text'
    })
    await mkdir(join(root, 'content/2025/folder.jpg'))
    await symlink(join(outside, 'secret.jpg'), join(root, 'content/2025/linked.jpg'))
    const result = await checked(root)
    expect(problems(result)).toEqual([
      '5:1 image-unreadable error',
      '7:1 path-unsafe error',
      '9:1 image-unreadable error'
    ])
    expect(result.exit).toBe(2)
  })

  it('warns of missing alt text, and of a lead photo without image_alt', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(`title: A\n${dated}\nimage: quay.png`, 'Text.\n\n![ ](quay.png)\n'),
      'content/2025/quay.png': await testImage(40, 30, 'png')
    })
    const result = await checked(root)
    expect(problems(result)).toEqual(['4:8 image-alt warning', '8:1 image-alt warning'])
    expect(result.exit).toBe(0)
  })

  it('is an input error at image: when the lead photo is missing', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(`title: A\n${dated}\nimage: gone.jpg\nimage_alt: A quay`)
    })
    expect(problems(await checked(root))).toEqual(['4:8 image-missing error'])
  })

  it('is an input error at image: when the lead photo is not a file of the site', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(
        `title: A\n${dated}\nimage: https://images.example.com/a.jpg\nimage_alt: A quay`
      )
    })
    expect(problems(await checked(root))).toEqual(['4:8 image-unreadable error'])
  })
})

describe('images the sanitizer let through', () => {
  it('are rewritten only when they are Markdown images factdesk resolved', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(
        `title: A\n${dated}`,
        '<img src="quay.png" alt="raw">\n\n![bad](javascript:alert(1))\n\n![quay](quay.png)\n'
      ),
      'content/2025/quay.png': await testImage(40, 30, 'png')
    })
    const result = await checked(root)
    const brief = briefOf(result)
    const images = selectAll('.brief__body img', brief).map((img) =>
      [img.properties.alt, img.properties.src ?? '-', img.properties.width ?? '-'].join(' ')
    )
    expect(images[0]).toBe('raw quay.png -')
    expect(images[1]).toBe('bad - -')
    expect(images[2]).toMatch(/^quay \/assets\/images\/quay-\w+-40\.png 40$/)
    expect(selectAll('.brief__body picture', brief)).toHaveLength(1)
  })
})

describe('the words of an image', () => {
  it('are not prose: no figure is found in alt text or a caption', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(
        `title: A quiet day\n${dated}`,
        'No numbers here.\n\n![Prices up 7% on the day](quay.png "Volumes rose 12% in a week")\n'
      ),
      'content/2025/quay.png': await testImage(40, 30, 'png')
    })
    const result = await checked(root)
    expect(result.report.articles.find((each) => each.file === story)?.figures).toEqual([])
    expect(select('.brief__body figure figcaption', briefOf(result))).toBeDefined()
  })
})

describe('a changed photo', () => {
  it('re-renders the briefs that show it, with its new size', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      [story]: article(`title: A\n${dated}`, '![quay](quay.png)\n'),
      'content/2025/quay.png': await testImage(300, 200, 'png')
    })
    const options = { out: join(root, 'dist'), cacheDir: join(root, 'cache') }
    expect((await checked(root, options)).exit).toBe(0)
    await writeFile(join(root, 'content/2025/quay.png'), await testImage(400, 100, 'png'))
    expect((await checked(root, options)).exit).toBe(0)
    const html = await readFile(join(root, 'dist/2025/11/04/story/index.html'), 'utf8')
    const img = select('.brief__body picture img', fromHtml(html))
    expect([img?.properties.width, img?.properties.height]).toEqual([400, 100])
  }, 60_000)
})
