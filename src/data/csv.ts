/**
 * CSV and TSV through csv-parse (SPEC 6): quoted commas and newlines are cells, a ragged row is a
 * positioned problem. csv-parse reports the line a record ends on; a record's first line is worked
 * out from the previous record's last line and the empty lines skipped in between, so that a
 * message about a multi-line row points at where the row starts. `delimitedSource` makes the
 * registry entry of any such format, so another delimiter is one more entry.
 */
import { parse } from 'csv-parse/sync'
import type { CsvError, InfoRecord } from 'csv-parse/sync'
import type { Problem } from '../types.js'
import { buildTable } from '../checks/datasets/build-table.js'
import type { SourceRow } from '../checks/datasets/build-table.js'
import type { TableDataset } from '../checks/datasets/dataset.js'
import type { DataSource } from './data-source.js'
import { textSource } from './read-text.js'

/** What sets a delimited format apart. */
export interface DelimitedFormat {
  /** The format's name as messages write it, e.g. `CSV`. */
  name: string
  /** Extensions, lower case without the dot, e.g. `['csv']`. */
  extensions: readonly string[]
  /** The cell delimiter, e.g. `,`. */
  delimiter: string
}

/** The registry entry of a delimited text format: UTF-8 text, one row per line, a header first. */
export function delimitedSource(format: DelimitedFormat): DataSource {
  return textSource(format.name, format.extensions, (text, file) =>
    parseDelimited(text, file, format.delimiter, format.name)
  )
}

/** Comma-separated values, `.csv`. */
export const csvSource = delimitedSource({ name: 'CSV', extensions: ['csv'], delimiter: ',' })

/** Tab-separated values, `.tsv`. */
export const tsvSource = delimitedSource({ name: 'TSV', extensions: ['tsv'], delimiter: '\t' })

/**
 * Parses delimited text (`,` for CSV, `\t` for TSV) into a table dataset, with every problem
 * found; `name` is the format's name in messages.
 */
function parseDelimited(
  text: string,
  file: string,
  delimiter: string,
  name: string
): { dataset: TableDataset | undefined; problems: Problem[] } {
  const problems: Problem[] = []
  const rows: SourceRow[] = []
  let lastLine = 0
  let lastEmptyLines = 0
  const startLine = (lines: number, emptyLines: number): number => {
    const line = lastLine + 1 + (emptyLines - lastEmptyLines)
    lastLine = lines
    lastEmptyLines = emptyLines
    return line
  }

  try {
    // Line breaks are normalized first: csv-parse guesses one record delimiter per file and
    // would miscount lines in a file that mixes `\r\n` and `\n`.
    parse(text.replace(/\r\n?/g, '\n'), {
      delimiter,
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[], context: InfoRecord) => {
        rows.push({ cells: record, line: startLine(context.lines, context.empty_lines) })
        return null
      },
      on_skip: (error: CsvError | undefined) => {
        if (error === undefined) return undefined
        const line = startLine(numberField(error, 'lines'), numberField(error, 'empty_lines'))
        problems.push(malformed(file, line, describeCsvError(error, file, line)))
        return undefined
      }
    })
  } catch (error) {
    // csv-parse throws for option errors and for failures it cannot skip past.
    const message = error instanceof Error ? error.message : String(error)
    problems.push(malformed(file, lastLine + 1, `${file} does not parse as ${name}: ${message}`))
    return { dataset: undefined, problems }
  }

  const [header, ...body] = rows
  if (header === undefined) {
    if (problems.length === 0) {
      problems.push({
        severity: 'error',
        line: 1,
        column: 1,
        rule: 'data-unreadable',
        message: `${file} is empty: add a header row naming each column, then one row per key`,
        file
      })
    }
    return { dataset: undefined, problems }
  }
  const built = buildTable({ file, header: header.cells, headerLine: header.line, rows: body })
  problems.push(...built.problems)
  if (built.table === undefined) return { dataset: undefined, problems }
  return { dataset: Object.freeze({ kind: 'table', file, table: built.table }), problems }
}

function describeCsvError(error: CsvError, file: string, line: number): string {
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const expected = /expect (\d+), got (\d+)/.exec(error.message)
    const counts =
      expected === null
        ? ''
        : `: ${expected[2] ?? '?'} cells where the header has ${expected[1] ?? '?'}`
    return `ragged row in ${file}${counts}; give every row one cell per header column (quote cells that contain the delimiter)`
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `a quoted cell in ${file} that starts on line ${line} is never closed; add the closing double quote`
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE') {
    return `a double quote in the middle of a cell in ${file}; quote the whole cell and double any quote inside it ("")`
  }
  return `${file} does not parse: ${error.message}`
}

/** CsvError carries the parser's counters as untyped fields. */
function numberField(error: CsvError, name: 'lines' | 'empty_lines'): number {
  const value = error[name]
  return typeof value === 'number' ? value : 0
}

function malformed(file: string, line: number, message: string): Problem {
  return { severity: 'error', line, column: 1, rule: 'data-malformed', message, file }
}
