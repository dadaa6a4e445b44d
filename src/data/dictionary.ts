/**
 * The data dictionary (issue 19): what a data file is, in readers' words. A file is described by
 * a sidecar next to it, `data/markets/btc-usd.csv` by `data/markets/btc-usd.about.yaml`, so that
 * the description travels with the file when it is copied or renamed. `.about.yaml` sidecars are
 * never data files (`isDescriptionFile`): the loader refuses to bind one in `data:`.
 */
import { didYouMean, keyReach } from '../text/did-you-mean.js'
import { parseYaml } from '../yaml/parse-yaml.js'
import type { Problem } from '../types.js'

/** How one column reads: `close` is "closing price", in USD. */
export interface ColumnDescription {
  readonly label?: string
  /** A currency code (`USD`), `%`, or a noun (`tonnes`, `BTC`). */
  readonly unit?: string
}

/** A data file described for readers. Every key is optional. */
export interface DataDescription {
  /** `Bitcoin daily prices`: the file's title, shown next to its data link. */
  readonly title?: string
  /** `Bitcoin`: what the rows are about, as a sentence's subject ("Bitcoin's closing price"). */
  readonly subject?: string
  /** `CoinDesk`: who publishes the data. */
  readonly source?: string
  readonly sourceUrl?: string
  readonly licence?: string
  /** By column name as the file writes it. */
  readonly columns: ReadonlyMap<string, ColumnDescription>
}

/** The description and its problems; a key that is wrong is left out, the rest is kept. */
export interface DescriptionLoad {
  description: DataDescription | undefined
  problems: Problem[]
  /** Where each described column's name is written, for problems about the column itself. */
  columnPoints: ReadonlyMap<string, { line: number; column: number }>
}

const fileKeys = ['title', 'subject', 'source', 'source_url', 'licence', 'columns'] as const
const columnKeys = ['label', 'unit'] as const
const suffix = '.about.yaml'

/** The sidecar of a data file: `markets/btc-usd.csv` -> `markets/btc-usd.about.yaml`. */
export function descriptionPathOf(dataPath: string): string {
  const slash = dataPath.lastIndexOf('/')
  const dot = dataPath.lastIndexOf('.')
  const stem = dot > slash + 1 ? dataPath.slice(0, dot) : dataPath
  return `${stem}${suffix}`
}

/** True for a sidecar's name: such a file describes data and is never bound as data. */
export function isDescriptionFile(path: string): boolean {
  return path.toLowerCase().endsWith(suffix)
}

/**
 * Reads a sidecar's text. Every problem is a warning with rule `data-description` positioned in
 * the sidecar: a description only changes words on the page, so the build goes on without the
 * wrong key.
 */
export function parseDescription(text: string, file: string): DescriptionLoad {
  const parsed = parseYaml(text)
  const problems: Problem[] = []
  const warn = (path: readonly PropertyKey[], message: string, key = false): void => {
    const { line, column } = parsed.pointOf(path, { key })
    problems.push({ severity: 'warning', line, column, rule: 'data-description', message, file })
  }
  for (const error of parsed.errors) {
    const { line, column } = error.point
    problems.push({
      severity: 'warning',
      line,
      column,
      rule: 'data-description',
      message: `${file} is not valid YAML (${error.message}): fix it, or the data file is shown undescribed`,
      file
    })
  }
  if (parsed.errors.length > 0) return { description: undefined, problems, columnPoints: new Map() }
  const value = parsed.value
  if (value === null || value === undefined)
    return { description: undefined, problems, columnPoints: new Map() }
  if (!isObject(value)) {
    warn([], `${file} must be a map of title, subject, source, source_url, licence and columns`)
    return { description: undefined, problems, columnPoints: new Map() }
  }
  const text_ = (key: string, path: readonly PropertyKey[], raw: unknown): string | undefined => {
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim()
    if (typeof raw === 'number') return String(raw)
    warn(path, `${key} must be text, e.g. ${key}: ${exampleOf(key)}`)
    return undefined
  }
  const fields: Record<string, string> = {}
  const columns = new Map<string, ColumnDescription>()
  for (const [key, raw] of Object.entries(value)) {
    if (!isOneOf(key, fileKeys)) {
      warn(
        [key],
        `unknown key "${key}" in ${file}${didYouMean(key, fileKeys, { reach: keyReach })}: use ${fileKeys.join(', ')}`,
        true
      )
      continue
    }
    if (key === 'columns') {
      readColumns(
        raw,
        (path, message, isKey) => warn(['columns', ...path], message, isKey),
        columns
      )
      continue
    }
    const read = text_(key, [key], raw)
    if (read === undefined) continue
    if (key === 'source_url' && !/^https?:\/\/\S+$/.test(read)) {
      warn([key], `source_url must be a web address starting with https://, not "${read}"`)
      continue
    }
    fields[key] = read
  }
  const description: DataDescription = Object.freeze({
    ...optional('title', fields.title),
    ...optional('subject', fields.subject),
    ...optional('source', fields.source),
    ...optional('sourceUrl', fields.source_url),
    ...optional('licence', fields.licence),
    columns
  })
  const columnPoints = new Map(
    [...columns.keys()].map((name) => [name, parsed.pointOf(['columns', name], { key: true })])
  )
  return { description, problems, columnPoints }
}

type Warn = (path: readonly PropertyKey[], message: string, key?: boolean) => void

function readColumns(raw: unknown, warn: Warn, into: Map<string, ColumnDescription>): void {
  if (!isObject(raw)) {
    warn(
      [],
      'columns must be a map of column names, e.g. close: { label: closing price, unit: USD }'
    )
    return
  }
  for (const [name, entry] of Object.entries(raw)) {
    if (!isObject(entry)) {
      warn(
        [name],
        `column ${name} must be a map with label and unit, e.g. { label: closing price, unit: USD }`
      )
      continue
    }
    const column: { label?: string; unit?: string } = {}
    for (const [key, value] of Object.entries(entry)) {
      if (!isOneOf(key, columnKeys)) {
        warn(
          [name, key],
          `unknown key "${key}" for column ${name}${didYouMean(key, columnKeys, { reach: keyReach })}: use label or unit`,
          true
        )
        continue
      }
      if (typeof value !== 'string' || value.trim() === '') {
        warn([name, key], `${key} of column ${name} must be text, e.g. ${key}: ${exampleOf(key)}`)
        continue
      }
      column[key] = value.trim()
    }
    into.set(name, Object.freeze(column))
  }
}

function exampleOf(key: string): string {
  const examples: Record<string, string> = {
    title: 'Bitcoin daily prices',
    subject: 'Bitcoin',
    source: 'CoinDesk',
    licence: 'CC BY 4.0',
    label: 'closing price',
    unit: 'USD'
  }
  return examples[key] ?? 'some words'
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOneOf<T extends string>(key: string, keys: readonly T[]): key is T {
  return (keys as readonly string[]).includes(key)
}
