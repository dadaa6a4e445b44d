/**
 * The data sources factdesk reads (SPEC 6, "Datasets"), in order: the registry the data store
 * looks each file's format up in. A new format is one more entry here, a `DataSource` in a module
 * of its own beside these; nothing else changes, the message listing the formats included.
 */
import { extname } from 'node:path'
import { csvSource, tsvSource } from './csv.js'
import type { DataSource } from './data-source.js'
import { jsonSource } from './json.js'
import { yamlSource } from './yaml.js'

/** Every data source, in the order their extensions are matched and listed. */
export const dataSources: readonly DataSource[] = Object.freeze([
  csvSource,
  tsvSource,
  jsonSource,
  yamlSource
])

/**
 * The first source among `sources` listing the last extension of `path` (case-insensitively), or
 * undefined: a file without an extension, or a dotfile like `.csv`, has none.
 */
export function sourceFor(
  path: string,
  sources: readonly DataSource[] = dataSources
): DataSource | undefined {
  const extension = extname(path).slice(1).toLowerCase()
  if (extension === '') return undefined
  return sources.find((source) => source.extensions.includes(extension))
}

/** The extensions of `sources` as a message lists them: `.csv, .tsv, .json, .yaml or .yml`. */
export function listExtensions(sources: readonly DataSource[] = dataSources): string {
  const extensions = sources.flatMap((source) => source.extensions.map((name) => `.${name}`))
  const last = extensions.pop()
  if (last === undefined) return 'no extension'
  return extensions.length === 0 ? last : `${extensions.join(', ')} or ${last}`
}
