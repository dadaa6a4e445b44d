/**
 * A site in German shows its interface in German (issue 19): no string of the English catalogue
 * that differs from the German one appears in the text or the labelled attributes of a page, and
 * `labels:` in site.yaml replaces the string it names on the pages. The stories are the German
 * newsroom's own words (`german-site.ts`), so every English word found comes from the interface.
 */
import { join } from 'node:path'
import type { Element, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/catalogues/en.js'
import { labelsFor } from '../../src/i18n/labels.js'
import { readTree } from '../helpers/read-tree.js'
import { runCli } from '../helpers/run-cli.js'
import { germanSite } from './german-site.js'

/** Attributes whose words readers see or hear. */
const spokenAttributes = ['ariaLabel', 'placeholder', 'title', 'alt', 'dataLabel'] as const

/** The words of `node` a reader meets: its text (scripts and styles aside) and spoken attributes. */
function readerWords(node: Root | RootContent, into: string[] = []): string[] {
  if (node.type === 'text') into.push(node.value)
  if (node.type === 'element' || node.type === 'root') {
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return into
      // Without scripting, a parser reads <noscript> as text: parse it again to get its words.
      if (node.tagName === 'noscript') {
        into.push(toString(fromHtml(toString(node), { fragment: true })))
        return into
      }
      for (const name of spokenAttributes) {
        const value = (node as Element).properties[name]
        if (typeof value === 'string') into.push(value)
      }
    }
    for (const child of node.children) readerWords(child, into)
  }
  return into
}

/** A pattern finding English string `text` as words, its `{placeholders}` standing for a value. */
function patternOf(text: string): RegExp {
  const pieces = text.split(/\{\w+\}/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const before = /^\p{L}/u.test(text) ? '(?<!\\p{L})' : ''
  const after = /\p{L}$/u.test(text) ? '(?!\\p{L})' : ''
  return new RegExp(`${before}${pieces.join('.+?')}${after}`, 'u')
}

/** The English strings a German page must not show: those the German catalogue words otherwise. */
function englishOnly(): [string, RegExp][] {
  const german = labelsFor({ language: 'de', labels: {} })
  return Object.entries(en)
    .filter(([key, text]) => german[key as keyof typeof german] !== text)
    .filter(([, text]) => /\p{L}{2}/u.test(text.replace(/\{\w+\}/g, '')))
    .map(([key, text]) => [key, patternOf(text)])
}

let pages: Map<string, string>
let output = ''

beforeAll(async () => {
  const root = await germanSite(
    'labels:\n  verdict_verified: Checked\n  listing_home: Schlagzeilen\n'
  )
  const run = await runCli(['build', '--root', root])
  output = run.stdout + run.stderr
  const tree = await readTree(join(root, 'dist'))
  pages = new Map(
    [...tree]
      .filter(([path]) => path.endsWith('.html'))
      .map(([path, bytes]) => [path, readerWords(fromHtml(bytes.toString('utf8'))).join('\n')])
  )
}, 120_000)

describe('a site whose language is German', () => {
  it('builds every kind of page', () => {
    const paths = [...pages.keys()]
    expect({ paths, output }).toMatchObject({
      paths: expect.arrayContaining([
        'index.html',
        'page/2/index.html',
        'maerkte/index.html',
        'tags/bitcoin/index.html',
        'factcheck/index.html',
        'search/index.html',
        '404.html'
      ])
    })
    expect(paths.some((path) => /^2025\/.*bitcoin/.test(path))).toBe(true)
  })

  it('shows no English interface string on its pages', () => {
    const patterns = englishOnly()
    expect(patterns.length).toBeGreaterThan(50)
    const found: string[] = []
    for (const [path, words] of pages) {
      for (const [key, pattern] of patterns) {
        const match = pattern.exec(words)
        if (match !== null) found.push(`${path}: ${key} ("${match[0]}")`)
      }
    }
    expect(found).toEqual([])
  })

  it('shows the German words of the header, listings, briefs and the 404 page', () => {
    const home = pages.get('index.html') ?? ''
    expect(home).toContain('Zu den Nachrichten springen')
    expect(home).toContain('Faktencheck')
    expect(home).toContain('Seite 1 von 3')
    expect(home).toContain('Ältere Artikel →')
    expect(pages.get('404.html')).toContain('Seite nicht gefunden')
    const brief = [...pages].find(([path]) => /^2025\/.*bitcoin/.test(path))?.[1] ?? ''
    for (const words of ['Von', 'Veröffentlicht am', 'Aktualisiert am', 'Korrekturen', 'Quellen'])
      expect(brief).toContain(words)
    // The check's plain-words sentence, written while the check ran, is German too.
    expect(brief).toMatch(/Schlusskurs von Bitcoin am 4\. November 2025: 99\.510\s\$/)
  })

  it('prints the strings labels: in site.yaml gives instead of the catalogue’s', () => {
    expect(pages.get('index.html')).toContain('Schlagzeilen')
    expect(pages.get('index.html')).not.toContain('Aktuelle Nachrichten')
    const shown = [...pages.values()].filter((words) => /(?<!\p{L})Checked(?!\p{L})/u.test(words))
    expect(shown.length).toBeGreaterThan(0)
  })
})
