/**
 * The catalogues of the reader's interface (issue 19): each language has every English key, with
 * the same `{placeholders}`, save the `_one` forms of languages without a "one" plural; the
 * site's language picks its catalogue by primary subtag, and `labels:` wins over every catalogue.
 */
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/catalogues/en.js'
import { catalogues, labelKeys, labelsFor, pluralLabel } from '../../src/i18n/labels.js'

const languages = ['fr', 'de', 'es', 'pt', 'zh', 'ja'] as const

/** The `{name}`s of `text`, sorted, each once. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort()
}

/** Whether `language` has no "one" plural category, so its catalogue may leave `_one` keys out. */
function onlyOther(language: string): boolean {
  return !new Intl.PluralRules(language).resolvedOptions().pluralCategories.includes('one')
}

describe('the interface catalogues', () => {
  it('has at least English, French, German, Spanish, Portuguese, Chinese and Japanese', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh'])
  })

  it.each(languages)(
    '%s has exactly the English keys, `_one` forms aside where it has none',
    (language) => {
      const catalogue = catalogues[language] ?? {}
      const expected = labelKeys.filter((key) => !(key.endsWith('_one') && onlyOther(language)))
      expect(Object.keys(catalogue).sort()).toEqual([...expected].sort())
    }
  )

  it.each(languages)('%s fills the same placeholders as English in every string', (language) => {
    const catalogue: Readonly<Record<string, string>> = catalogues[language] ?? {}
    for (const [key, text] of Object.entries(catalogue)) {
      expect({ key, names: placeholders(text) }).toEqual({
        key,
        names: placeholders(en[key as keyof typeof en])
      })
    }
  })

  it.each(languages)('%s translates its strings rather than copying English', (language) => {
    const catalogue: Readonly<Record<string, string>> = catalogues[language] ?? {}
    const copied = Object.entries(catalogue).filter(
      ([key, text]) =>
        text === en[key as keyof typeof en] && /\p{L}{4,}/u.test(text.replace(/\{\w+\}/g, ''))
    )
    // Names of formats and a few words French shares with English are the same in both.
    const shared = new Set([
      'RSS',
      'Atom',
      'JSON Feed',
      'Pages',
      'Expression',
      'Verdict',
      'Sources',
      'Articles',
      'Note',
      'Tags',
      '{title} (page {page})'
    ])
    expect(copied.filter(([, text]) => !shared.has(text))).toEqual([])
  })

  it('only Chinese and Japanese leave out the `_one` forms, as their plural rules have no "one"', () => {
    const without = languages.filter((language) =>
      labelKeys.some(
        (key) => key.endsWith('_one') && !Object.hasOwn(catalogues[language] ?? {}, key)
      )
    )
    expect(without).toEqual(['zh', 'ja'])
    expect(without.every(onlyOther)).toBe(true)
  })
})

describe('labelsFor', () => {
  it('picks French for fr-CA, by the primary subtag', () => {
    const labels = labelsFor({ language: 'fr-CA', labels: {} })
    expect(labels.verdict_verified).toBe(catalogues.fr?.verdict_verified)
    expect(labels.verdict_verified).not.toBe(en.verdict_verified)
  })

  it('falls back to English for a language without a catalogue, and for a malformed tag', () => {
    expect(labelsFor({ language: 'sw', labels: {} })).toEqual(en)
    expect(labelsFor({ language: 'not a tag', labels: {} })).toEqual(en)
  })

  it('lets labels: in site.yaml win over the language catalogue', () => {
    const labels = labelsFor({ language: 'de', labels: { verdict_verified: 'Geprüft' } })
    expect(labels.verdict_verified).toBe('Geprüft')
    expect(labels.verdict_contradicted).toBe(catalogues.de?.verdict_contradicted)
  })

  it('gives Chinese and Japanese their `_other` form for a count of 1, not the English one', () => {
    for (const language of ['zh', 'ja']) {
      const labels = labelsFor({ language, labels: {} })
      const one = pluralLabel(labels, language, 'fact_line', 1)
      expect(one).toBe(pluralLabel(labels, language, 'fact_line', 3).replace('3', '1'))
      expect(one).not.toBe('1 figure checked against our data')
    }
  })

  it('counts 0 as singular in French, plural in German, by Intl.PluralRules', () => {
    const french = labelsFor({ language: 'fr', labels: {} })
    expect(pluralLabel(french, 'fr', 'panel_unchecked', 0)).toBe('0 chiffre non vérifié')
    const german = labelsFor({ language: 'de', labels: {} })
    expect(pluralLabel(german, 'de', 'panel_unchecked', 0)).toBe('0 Zahlen nicht geprüft')
    expect(pluralLabel(german, 'de', 'panel_unchecked', 1)).toBe('1 Zahl nicht geprüft')
  })
})
