/**
 * The language the plain-words sentences of checks are written in (issue 19): the site's
 * catalogue (with `labels:`) for the words, its locale for dates and numbers. The sentences are
 * written deep inside an expression's evaluation, which knows nothing of settings; the fact-check
 * stage wraps each evaluation in `explainingIn`, and the formats of `checks/expression/explain.ts`
 * read `explainWording()`. Evaluation is synchronous and every worker thread has its own copy of
 * this module, so the wording set around one evaluation is the wording of each sentence it writes.
 */
import type { Settings } from '../types.js'
import { en } from './catalogues/en.js'
import { type Labels, labelsFor } from './labels.js'

/** The words and the locale of one site's explanations. */
export interface ExplainWording {
  labels: Labels
  /**
   * The `Intl` locale of dates and numbers. English keeps the newsroom's day-month-year form
   * (`4 November 2025`) whatever its region, as explanations have always read.
   */
  locale: string
}

/** English, the wording when no site says otherwise (tests, the CLI's own checks). */
const englishWording: ExplainWording = { labels: en, locale: 'en-GB' }

let current: ExplainWording = englishWording

/** The wording of the explanation being written. */
export function explainWording(): ExplainWording {
  return current
}

/** Runs `evaluate` with its explanations in `wording`, then restores the one before. */
export function explainingIn<T>(wording: ExplainWording, evaluate: () => T): T {
  const before = current
  current = wording
  try {
    return evaluate()
  } finally {
    current = before
  }
}

/** The wording of a site's explanations, made once per build or worker. */
export function wordingFor(settings: Pick<Settings, 'language' | 'labels'>): ExplainWording {
  const primary = settings.language.split('-')[0]?.toLowerCase() ?? 'en'
  const labels = labelsFor(settings)
  if (primary === 'en') return { ...englishWording, labels }
  return { labels, locale: intlLocale(settings.language) }
}

/** `language` as `Intl` knows it, English when it is no valid tag, so a build never crashes. */
function intlLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en-GB'
  } catch {
    return 'en-GB'
  }
}
