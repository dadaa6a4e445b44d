/**
 * How described data reads in a sentence (issue 19): `Bitcoin's closing price` for the column
 * `close` of a file described with `subject: Bitcoin` and `close: { label: closing price }`, and
 * `close of btc-usd` for the same column undescribed. Never the alias an article bound the file
 * to: the alias is the editor's shorthand, not the reader's word.
 */
import { explainWording } from '../i18n/explain-words.js'
import { fillLabel } from '../i18n/labels.js'
import type { DataDescription } from './dictionary.js'

/** What a phrase is built from: the file, its description, and the path read in it. */
export interface DescribedPlace {
  /** Site-relative data file, e.g. `data/markets/btc-usd.csv`. */
  readonly file: string
  readonly description: DataDescription | undefined
  /** Column, or record keys, as the expression read them; empty for the whole file. */
  readonly path: readonly string[]
}

/** `btc-usd` for `data/markets/btc-usd.csv` (`_` read as spaces): the file's name as a readable fallback. */
export function fileStem(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return (dot > 0 ? name.slice(0, dot) : name).replace(/_/g, ' ')
}

/** `closing price` for `close` when described, else `close` (`long_usd` reads `long usd`). */
export function columnLabel(
  description: DataDescription | undefined,
  path: readonly string[]
): string {
  const name = path.join('.')
  const label = description?.columns.get(name)?.label
  return label ?? path.join(' ').replace(/_/g, ' ')
}

/** The unit of the column at `path`, if the description gives one. */
export function columnUnit(
  description: DataDescription | undefined,
  path: readonly string[]
): string | undefined {
  return description?.columns.get(path.join('.'))?.unit
}

/**
 * The phrase for what `place` reads: `Bitcoin's closing price` with a subject, the column's label
 * alone without one, `close of btc-usd` (or `close of <title>`) for an undescribed column.
 */
export function describePlace(place: DescribedPlace): string {
  const { description, path } = place
  const whole = description?.title ?? description?.subject ?? fileStem(place.file)
  if (path.length === 0) return whole
  const label = columnLabel(description, path)
  if (description?.subject !== undefined) return possessive(description.subject, label)
  // A label the editor wrote says what it is on its own ("loss in the Balancer exploit"); the
  // file's title is next to its data link. A column name needs its file to be understood.
  if (description?.columns.get(path.join('.'))?.label !== undefined) return label
  return fillLabel(explainWording().labels.explain_of, { label, whole })
}

/** `Bitcoin's closing price`, `the Markets' index`, in the site's language (issue 19). */
function possessive(subject: string, label: string): string {
  const { labels } = explainWording()
  const form = /s$/i.test(subject) ? labels.explain_possessive_s : labels.explain_possessive
  return fillLabel(form, { subject, label })
}
