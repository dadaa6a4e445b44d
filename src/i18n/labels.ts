/**
 * The reader's interface in the site's language (issue 19): one catalogue per language, the
 * site's `labels:` overriding each string. Pages take every word they print from here.
 *
 * Plural forms: a key ending in `_one` or `_other` is one form of a count's wording, and
 * `pluralLabel` picks between them with `Intl.PluralRules`, folding every category other than
 * "one" (few, many...) into "other". French and Brazilian Portuguese count 0 as "one". Chinese
 * and Japanese have only "other", so their catalogues leave the `_one` keys out: a language's
 * catalogue lacking a `_one` key never falls back to the English one (see `labelsFor`).
 */
import type { Settings } from '../types.js'
import type { Catalogue, LabelKey, OtherOnlyCatalogue } from './catalogue.js'
import { de } from './catalogues/de.js'
import { en } from './catalogues/en.js'
import { es } from './catalogues/es.js'
import { fr } from './catalogues/fr.js'
import { ja } from './catalogues/ja.js'
import { pt } from './catalogues/pt.js'
import { zh } from './catalogues/zh.js'

export type { LabelKey } from './catalogue.js'

/** Every interface string of one site, by key. */
export type Labels = Readonly<Record<LabelKey, string>>

/** The catalogues by primary language subtag (`fr` serves `fr-CA`). */
export const catalogues: Readonly<Record<string, Catalogue | OtherOnlyCatalogue>> = {
  en,
  fr,
  de,
  es,
  pt,
  zh,
  ja
}

/** The keys every catalogue has, for `labels:` to be checked against. */
export const labelKeys: readonly LabelKey[] = Object.keys(en) as LabelKey[]

/** The strings of `settings`' language, English where it has no catalogue, then `labels:`. */
export function labelsFor(settings: Pick<Settings, 'language' | 'labels'>): Labels {
  const primary = settings.language.split('-')[0]?.toLowerCase() ?? 'en'
  const own = Object.hasOwn(catalogues, primary) ? catalogues[primary] : undefined
  // A language without "one" counts every number as "other": its `_other` form serves 1 too,
  // rather than an English sentence in the middle of a Chinese page.
  const singulars = own === undefined || own === en ? {} : oneFormsFrom(own)
  return { ...en, ...singulars, ...own, ...settings.labels }
}

/** The `_one` keys of `catalogue`, each its own `_one` or else its `_other` form. */
function oneFormsFrom(catalogue: Catalogue | OtherOnlyCatalogue): Partial<Labels> {
  const forms: Partial<Record<LabelKey, string>> = {}
  for (const key of labelKeys) {
    if (!key.endsWith('_one')) continue
    const other = (catalogue as Partial<Labels>)[`${key.slice(0, -4)}_other` as LabelKey]
    if (other !== undefined) forms[key] = other
  }
  return forms
}

/** `text` with each `{name}` replaced by `values[name]`; unknown names stay as written. */
export function fillLabel(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole
  )
}

/** The `_one`/`_other` form of `stem` for `count` in the site's language, filled with `count`. */
export function pluralLabel(
  labels: Labels,
  language: string,
  stem: string,
  count: number,
  format: (count: number) => string = String
): string {
  const form = pluralRules(language).select(count) === 'one' ? 'one' : 'other'
  const key = `${stem}_${form}` as LabelKey
  return fillLabel(labels[key] ?? labels[`${stem}_other` as LabelKey], { count: format(count) })
}

/** Plural rules by language tag; an unknown or malformed tag counts as English. */
function pluralRules(language: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(language)
  if (rules === undefined) {
    try {
      rules = new Intl.PluralRules(language)
    } catch {
      rules = new Intl.PluralRules('en')
    }
    rulesByLanguage.set(language, rules)
  }
  return rules
}

const rulesByLanguage = new Map<string, Intl.PluralRules>()
