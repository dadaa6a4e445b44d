import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSample } from './sample-site.js'
import type { BuiltSample } from './sample-site.js'

/**
 * SPEC 8: every page is valid HTML5. The recommended preset, with two style rules off because
 * they fight output that is valid and intended:
 * - `doctype-style` wants `<!DOCTYPE html>` upper-case; HTML5 matches the doctype
 *   case-insensitively, and `<!doctype html>` is what the HTML spec itself writes.
 * - `long-title` caps `<title>` at 70 characters, a search-snippet habit and not validity: a
 *   page's title is its headline (SPEC 4 allows up to 200 characters) and the site name, and
 *   cutting it would make tabs and bookmarks lie about the story.
 * Everything else stays an error, including the deprecated-attribute and accessibility rules.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'doctype-style': 'off', 'long-title': 'off' }
})

describe('HTML validity of the built sample site (html-validate)', () => {
  let sample: BuiltSample
  let pages: string[]

  beforeAll(async () => {
    sample = await buildSample()
    const entries = await readdir(sample.out, { recursive: true, withFileTypes: true })
    pages = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => relative(sample.out, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort()
  })

  afterAll(async () => {
    await sample?.remove()
  })

  it('builds the pages a newsroom site has: home, briefs, listings, report and 404', () => {
    expect(pages).toContain('index.html')
    expect(pages).toContain('404.html')
    expect(pages).toContain('factcheck/index.html')
    expect(pages).toContain('2025/11/04/crypto-day-of-terror/index.html')
    expect(pages).toContain('markets/index.html')
    for (const article of sample.result.articles)
      expect(pages).toContain(`${article.url.slice(1)}index.html`)
  })

  it('finds no error on any page', async () => {
    const errors: string[] = []
    for (const page of pages) {
      const report = await validator.validateString(
        await readFile(join(sample.out, page), 'utf8'),
        page
      )
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(
            `${page}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}`
          )
        }
      }
    }
    expect(errors).toEqual([])
  })
})
