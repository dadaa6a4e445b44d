/**
 * The text of a data file in one of the text formats (CSV, TSV, JSON, YAML): strict UTF-8, and
 * something in it besides a byte order mark and whitespace. Each text source calls it first, so
 * that every text format refuses binary and empty files with the same positioned problems.
 */
import { decodeUtf8, describeNotUtf8 } from '../text/decode-utf8.js'
import { digestBytes } from './data-source.js'
import type { DataContext, DataLoad, DataSource } from './data-source.js'

/**
 * The registry entry of a text format: its text read by `readText`, then `parse`d; its digest is
 * that of its bytes. CSV, TSV, JSON and YAML are each one call.
 */
export function textSource(
  name: string,
  extensions: readonly string[],
  parse: (text: string, file: string) => DataLoad | Promise<DataLoad>
): DataSource {
  return Object.freeze({
    name,
    extensions: Object.freeze([...extensions]),
    load(context) {
      const text = readText(context)
      return typeof text === 'string' ? parse(text, context.file) : text
    },
    digest: digestBytes
  } satisfies DataSource)
}

/** The file's text, or the load to return: the problem of a file that is not UTF-8 or is empty. */
export function readText(context: DataContext): string | DataLoad {
  const { file } = context
  const text = decodeUtf8(context.bytes)
  if (typeof text !== 'string') {
    return unreadable(
      file,
      `${file} is not UTF-8 text: ${describeNotUtf8(text)}; save the file as UTF-8`,
      text.line,
      text.column
    )
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return unreadable(
      file,
      `${file} is empty: add a header row (or, for JSON and YAML, a list of rows or an object)`
    )
  }
  return text
}

function unreadable(file: string, message: string, line = 1, column = 1): DataLoad {
  return {
    dataset: undefined,
    problems: [{ severity: 'error', line, column, rule: 'data-unreadable', message, file }]
  }
}
