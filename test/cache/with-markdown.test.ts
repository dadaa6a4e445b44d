import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashOf, openArticleCache } from '../../src/cache/article-cache.js'
import { parseArticle } from '../../src/content/load-article.js'
import { leanLoad, withMarkdown } from '../../src/load-stage.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import { article, tempSite } from '../helpers/temp-site.js'

const settings = defaultSettings()
const salt = 'salt'
const text = article('title: A\ndate: 2025-11-04', 'Shares rose 7% on the day.\n')

function leanArticle() {
  const load = parseArticle('content/a.md', text, settings)
  const lean = leanLoad(load).article
  if (!lean || !load.article) throw new Error('the article did not load')
  return {
    lean,
    whole: load.article,
    slot: {
      key: hashOf(salt, 'content/a.md', Buffer.from(text)),
      entry: undefined,
      lean: true as const
    }
  }
}

describe('withMarkdown', () => {
  it('gives back the Markdown a lean load lacks, from the cache or else from the file', async () => {
    const root = await tempSite({ 'content/a.md': text })
    const { lean, whole, slot } = leanArticle()
    expect(lean.markdown).toBe('')
    const fromFile = await withMarkdown(lean, slot, {
      root,
      salt,
      cache: openArticleCache(undefined),
      settings
    })
    expect(fromFile?.markdown).toBe(whole.markdown)
    const cache = openArticleCache(join(root, 'cache'))
    cache.put(slot.key, {
      load: {
        file: 'content/a.md',
        problems: [],
        article: { ...whole, markdown: 'from the cache' }
      }
    })
    await cache.finish(new Set([slot.key]), new Map())
    expect((await withMarkdown(lean, slot, { root, salt, cache, settings }))?.markdown).toBe(
      'from the cache'
    )
    // A load that was never lean is returned as it is.
    expect(
      await withMarkdown(
        whole,
        { key: slot.key, entry: undefined },
        { root, salt, cache, settings }
      )
    ).toBe(whole)
  })

  it('refuses a file that changed since its bytes were hashed', async () => {
    const root = await tempSite({ 'content/a.md': text })
    const { lean, slot } = leanArticle()
    await writeFile(join(root, 'content/a.md'), text.replace('7%', '8%'))
    expect(
      await withMarkdown(lean, slot, { root, salt, cache: openArticleCache(undefined), settings })
    ).toBeUndefined()
  })
})
