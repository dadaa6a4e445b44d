/**
 * The reader's interface in the site's language (issue 19): one catalogue per language, the
 * site's `labels:` overriding any string. Pages take every word they print from here.
 */
import type { Settings } from '../types.js'
import { en } from './catalogues/en.js'

/** The name of one interface string. */
export type LabelKey = keyof typeof en

/** Every interface string of one site, by key. */
export type Labels = Readonly<Record<LabelKey, string>>

/** The catalogues by primary language subtag (`fr` serves `fr-CA`). */
const catalogues: Readonly<Record<string, Partial<Labels>>> = { en }

/** The keys every catalogue has, for `labels:` to be checked against. */
export const labelKeys: readonly LabelKey[] = Object.keys(en) as LabelKey[]

/** The strings of `settings`' language, English where its catalogue lacks one, then `labels:`. */
export function labelsFor(settings: Pick<Settings, 'language' | 'labels'>): Labels {
  const primary = settings.language.split('-')[0]?.toLowerCase() ?? 'en'
  return { ...en, ...catalogues[primary], ...settings.labels }
}

/** `text` with each `{name}` replaced by `values[name]`; unknown names stay as written. */
export function fillLabel(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole
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
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other'
  const key = `${stem}_${form}` as LabelKey
  return fillLabel(labels[key] ?? labels[`${stem}_other` as LabelKey], { count: format(count) })
}
