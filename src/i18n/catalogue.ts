/**
 * The shape of a catalogue (issue 19): every key of the English one, each a string. Languages
 * whose `Intl.PluralRules` has no "one" form (Chinese, Japanese: every count is "other") write
 * only the `_other` keys, and the type says so rather than making them copy a form never shown.
 */
import type { en } from './catalogues/en.js'

/** The name of one interface string. */
export type LabelKey = keyof typeof en

/** The keys of the singular plural form. */
export type OneFormKey = Extract<LabelKey, `${string}_one`>

/** A catalogue for a language with a "one" plural form. */
export type Catalogue = Readonly<Record<LabelKey, string>>

/** A catalogue for a language whose every count takes the "other" form. */
export type OtherOnlyCatalogue = Readonly<Record<Exclude<LabelKey, OneFormKey>, string>>
