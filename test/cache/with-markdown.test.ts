import { loadText } from '../helpers/load-text.js'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileOfLoad, loadRecordOf } from '../../src/article/article-records.js'
import type { LoadedFile } from '../../src/article/article-file.js'
import { markdownOf } from '../../src/content/load-article.js'
import { withMarkdown } from '../../src/stages/load-stage.js'
import { loadKey } from '../../src/stages/stage-keys.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import { article, tempSite } from '../helpers/temp-site.js'

const settings = defaultSettings()
const salt = { code: 'code', settings: 'settings' }
const text = article('title: A\ndate: 2025-11-04', 'Shares rose 7% on the day.\n')

/** The article as stage 1 hands it on (from its load record: no Markdown), and as loaded whole. */
function leanArticle() {
  const load = loadText('content/a.md', text, settings)
  if (!load.article) throw new Error('the article did not load')
  const lean = fileOfLoad('content/a.md', loadRecordOf(load.file)) as LoadedFile
  const bytes = Buffer.from(text)
  return {
    lean,
    whole: load.article,
    slot: { key: loadKey({ ...salt, file: 'content/a.md', bytes }), entry: undefined }
  }
}

describe('withMarkdown', () => {
  it('gives back the Markdown stage 1 set apart, once, and after that reads the file', async () => {
    const root = await tempSite({ 'content/a.md': text })
    const { lean, whole, slot } = leanArticle()
    expect(lean.value).toBeUndefined()
    const markdown = new Map([['content/a.md', 'as stage 1 decoded it']])
    const context = { root, salt, markdown }
    expect((await withMarkdown(lean, slot, context))?.value).toBe('as stage 1 decoded it')
    expect(markdown.size).toBe(0)
    expect((await withMarkdown(lean, slot, context))?.value).toBe(whole.markdown)
  })

  it('refuses a file that changed since its bytes were hashed', async () => {
    const root = await tempSite({ 'content/a.md': text })
    const { lean, slot } = leanArticle()
    await writeFile(join(root, 'content/a.md'), text.replace('7%', '8%'))
    expect(await withMarkdown(lean, slot, { root, salt, markdown: new Map() })).toBeUndefined()
  })
})

describe('markdownOf', () => {
  // The Markdown read back for a re-check must be the very text the article was loaded with:
  // every position in its messages depends on it.
  const cases: [string, string][] = [
    ['LF line ends', text],
    ['CRLF line ends', text.replace(/\n/g, '\r\n')],
    ['a byte order mark', `\uFEFF${text}`],
    ['an empty body', article('title: A\ndate: 2025-11-04', '')],
    [
      'a body with its own --- rule',
      article('title: A\ndate: 2025-11-04', 'One.\n\n---\n\nTwo 7%.\n')
    ]
  ]
  it.each(cases)('splits %s as loading does', (_, source) => {
    const loaded = loadText('content/a.md', source, settings).article?.markdown
    expect(loaded).toBeDefined()
    expect(markdownOf(Buffer.from(source))).toBe(loaded)
  })

  it('gives nothing for bytes that would not load', () => {
    expect(markdownOf(Buffer.from([0xff, 0xfe, 0x00]))).toBeUndefined()
    expect(markdownOf(Buffer.from('no frontmatter here'))).toBeUndefined()
  })
})
