import { loadText } from '../helpers/load-text.js'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../src/settings/load-settings.js'

const settings = { ...defaultSettings(), timezone: 'Asia/Shanghai' }
const file = 'content/2025/11/04/quiet-day.md'

function load(source: string) {
  return loadText(file, source, settings)
}

function positions(source: string) {
  return load(source).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`)
}

describe('parseArticle', () => {
  it('applies the SPEC 4 defaults: slug from the file name, section news, no tags', () => {
    const { article, problems } = load('---\ntitle: Quiet\ndate: 2025-11-04T18:30:00+08:00\n---\nBody.\n')
    expect(problems).toEqual([])
    expect(article?.frontmatter).toMatchObject({ slug: 'quiet-day', section: 'news', tags: [], draft: false })
    expect(article?.url).toBe('/2025/11/04/quiet-day/')
  })

  it('reads a date without offset in the site timezone and places the permalink by local day', () => {
    const { article } = load('---\ntitle: Late\ndate: 2025-11-04\n---\nBody.\n')
    expect(article?.frontmatter.date.toISO()).toBe('2025-11-04T00:00:00.000+08:00')
    const late = load('---\ntitle: Late\ndate: 2025-11-04T17:30:00Z\n---\nBody.\n')
    expect(late.article?.url).toBe('/2025/11/05/quiet-day/')
  })

  it('keeps body positions equal to file positions: the frontmatter is blanked, not removed', () => {
    const source = '---\ntitle: Quiet\ndate: 2025-11-04\n---\nBody with 7%.\n'
    const { article } = load(source)
    expect(article?.markdown.length).toBe(source.length)
    expect(article?.markdown.split('\n')[4]).toBe('Body with 7%.')
    expect(article?.markdown.indexOf('7%')).toBe(source.indexOf('7%'))
  })

  it('positions checks and asserts at their entries in the file', () => {
    const { article } = load(
      '---\ntitle: Quiet\ndate: 2025-11-04\nchecks:\n  - figure: "7%"\n    expr: x.y["2025-11-04"]\nasserts:\n  - expr: "true"\n    says: quiet\n---\nBody 7%.\n'
    )
    expect(article?.frontmatter.checks[0]).toMatchObject({ line: 5, column: 5, figure: '7%' })
    expect(article?.frontmatter.asserts[0]).toMatchObject({ line: 8, column: 5 })
  })

  it.each([
    ['broken YAML', 'title: "unclosed\ndate: 2025-11-04', /^3:17 error frontmatter frontmatter is not valid YAML: Missing closing "quote$/],
    ['a duplicate key', 'title: T\ntitle: U\ndate: 2025-11-04', /^3:1 error frontmatter frontmatter is not valid YAML: Map keys must be unique$/],
    ['a tab as indentation', 'title: T\ndate: 2025-11-04\nsources:\n\t- name: x', /^5:1 error frontmatter frontmatter is not valid YAML: Tabs are not allowed/],
    ['missing title', 'date: 2025-11-04', /^2:1 error frontmatter missing required key "title"/],
    ['missing date', 'title: T', /^2:1 error frontmatter missing required key "date"/],
    ['impossible date', 'title: T\ndate: 2025-02-30', /^3:7 error frontmatter "date": "2025-02-30" is not a valid date/],
    ['impossible offset', 'title: T\ndate: 2025-11-04T10:00:00+25:00', /^3:7 error frontmatter "date": .*impossible UTC offset/],
    ['updated before date', 'title: T\ndate: 2025-11-04\nupdated: 2025-11-01', /^4:10 error frontmatter "updated": updated must not be before date/],
    ['bad slug', 'title: T\ndate: 2025-11-04\nslug: Bad Slug', /^4:7 error frontmatter "slug": slug must be lower-case/],
    ['section leaving the folder', 'title: T\ndate: 2025-11-04\nsection: ../x', /^4:10 error frontmatter "section"/],
    ['wrong type', 'title: T\ndate: 2025-11-04\ntags: bitcoin', /^4:7 error frontmatter "tags": expected array, received string/],
    ['wrong type in a list', 'title: T\ndate: 2025-11-04\ntags: [a, 3]', /^4:11 error frontmatter "tags\[1\]": expected string, received number/],
    ['data path with ..', 'title: T\ndate: 2025-11-04\ndata:\n  btc: ../secret.csv', /^5:8 error frontmatter "data.btc": data paths are relative/],
    ['a check missing its expr', 'title: T\ndate: 2025-11-04\nchecks:\n  - figure: "7%"', /^5:5 error frontmatter missing required key "checks\[0\].expr"/],
    ['a title that is too long', `title: ${'x'.repeat(201)}\ndate: 2025-11-04`, /^2:8 error frontmatter "title": title must be at most 200/]
  ])('reports %s with its position', (_name, frontmatter, expected) => {
    const lines = positions(`---\n${frontmatter}\n---\nBody.\n`)
    expect(lines.some((line) => expected.test(line)), lines.join('\n')).toBe(true)
  })

  it('warns about an unknown key and suggests the nearest known one', () => {
    const { article, problems } = load('---\ntitle: T\ndate: 2025-11-04\ntagz: [a]\n---\nBody.\n')
    expect(article).toBeDefined()
    expect(problems).toEqual([
      { severity: 'warning', line: 4, column: 1, rule: 'frontmatter', message: 'unknown key "tagz" (did you mean "tags"?)' }
    ])
  })

  it('refuses a file without frontmatter or with an unclosed one', () => {
    expect(positions('Just a body.\n')[0]).toMatch(/^1:1 error frontmatter the article has no frontmatter/)
    expect(positions('---\ntitle: T\ndate: 2025-11-04\n')[0]).toMatch(/^1:1 error frontmatter the frontmatter is not closed/)
  })

  it('reads CRLF files and files with a byte-order mark with the same positions', () => {
    const crlf = load('---\r\ntitle: T\r\ndate: 2025-11-04\r\ntagz: 1\r\n---\r\nBody.\r\n')
    expect(crlf.problems[0]).toMatchObject({ line: 4, column: 1 })
    const bom = load('\uFEFF---\ntitle: T\ndate: 2025-11-04\ntagz: 1\n---\nBody.\n')
    expect(bom.problems[0]).toMatchObject({ line: 4, column: 1 })
    expect(bom.article?.frontmatter.title).toBe('T')
  })

  it('tells an editor to rename a file whose name is not a valid slug', () => {
    const result = loadText('content/My Story.md', '---\ntitle: T\ndate: 2025-11-04\n---\nB\n', settings)
    expect(result.problems[0]?.message).toMatch(/rename the file or set slug:/)
  })
})
