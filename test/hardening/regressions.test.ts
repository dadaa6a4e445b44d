import { loadText } from '../helpers/load-text.js'
/**
 * Bugs the hardening work found and fixed, one test each, at the level of the module that had the
 * bug (the bad-input corpus covers them through the whole CLI as well).
 */
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { readArticle } from '../../src/content/load-article.js'
import { collectEntries } from '../../src/report/collect-entries.js'
import { defaultSettings, parseSettings } from '../../src/settings/load-settings.js'
import { article, tempSite } from '../helpers/temp-site.js'
import { fileOfLoad } from '../../src/article/article-records.js'
import { problemsOf } from '../../src/article/article-file.js'

const settings = defaultSettings()

describe('frontmatter with CRLF line ends', () => {
  it.each([
    [
      'a flow list on the last line',
      'title: CRLF story\r\ndate: 2025-11-04\r\ntags: [a, b]',
      { tags: ['a', 'b'] }
    ],
    [
      'a quoted string on the last line',
      'date: 2025-11-04\r\ntitle: "CRLF story"',
      { title: 'CRLF story' }
    ],
    [
      'a plain string on the last line',
      'date: 2025-11-04\r\ntitle: CRLF story',
      { title: 'CRLF story' }
    ]
  ])('loads %s without a stray carriage return', (_name, yaml, expected) => {
    const load = loadText('content/crlf.md', `---\r\n${yaml}\r\n---\r\nBody.\r\n`, settings)
    expect(load.problems).toEqual([])
    expect(load.article?.frontmatter).toMatchObject(expected)
  })
})

describe('YAML tags the loader does not know', () => {
  it('warns at the tag in an article and keeps the value as plain text', () => {
    const load = loadText(
      'content/tag.md',
      '---\ntitle: !!js/function "f()"\ndate: 2025-11-04\n---\nBody.\n',
      settings
    )
    expect(load.article?.frontmatter.title).toBe('f()')
    expect(load.problems).toMatchObject([
      {
        severity: 'warning',
        line: 2,
        column: 8,
        rule: 'frontmatter',
        message: expect.stringMatching(/Unresolved tag/)
      }
    ])
  })

  it('warns at the tag in data/site.yaml and keeps the value as plain text', () => {
    const loaded = parseSettings('title: !custom The Desk\n')
    expect(loaded.settings.title).toBe('The Desk')
    expect(loaded.problems).toMatchObject([
      { severity: 'warning', line: 1, column: 8, rule: 'settings', file: 'data/site.yaml' }
    ])
  })
})

describe('report entries', () => {
  it("put a problem found later about an article into that article's own entry, not a second one", () => {
    const load = fileOfLoad('content/bad.md', {
      problems: [
        {
          severity: 'error',
          line: 2,
          column: 1,
          rule: 'frontmatter',
          message: 'missing required key "title"'
        }
      ]
    })
    const entries = collectEntries({
      loads: [load],
      articles: [],
      siteProblems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          rule: 'permalink-duplicate',
          message: 'collides',
          file: 'content/bad.md'
        },
        {
          severity: 'error',
          line: 3,
          column: 1,
          rule: 'settings',
          message: 'bad',
          file: 'data/site.yaml'
        }
      ],
      settings,
      strict: false
    })
    expect(entries.map((entry) => entry.file)).toEqual(['content/bad.md', 'data/site.yaml'])
    expect(entries[0]?.problems.map((problem) => problem.rule)).toEqual([
      'frontmatter',
      'permalink-duplicate'
    ])
    expect(entries[0]?.problems[1]).not.toHaveProperty('file')
    expect(problemsOf(load)).toHaveLength(1)
  })
})

describe('reading every article of a big site at once', () => {
  it('reads more files than the process may hold open, none of them refused with EMFILE', async () => {
    const root = await tempSite({ 'content/a.md': article('title: A\ndate: 2025-11-04') })
    const reads = (await openFileLimit()) + 1_000
    const results = await Promise.all(
      Array.from({ length: reads }, () => readArticle(root, 'content/a.md'))
    )
    const refused = results.filter((result) => !(result instanceof Uint8Array))
    expect(refused.slice(0, 1)).toEqual([])
  }, 120_000)
})

/** The soft limit on open files (Linux `/proc`), or a count above common defaults elsewhere. */
async function openFileLimit(): Promise<number> {
  const limits = await readFile('/proc/self/limits', 'utf8').catch(() => '')
  const soft = Number(/^Max open files\s+(\d+)/m.exec(limits)?.[1])
  return Number.isFinite(soft) && soft > 0 && soft < 200_000 ? soft : 25_000
}
