/**
 * JSON data files (SPEC 6): a list of objects is a table, an object a record. The text goes
 * through `JSON.parse` first, so that what is valid JSON is decided by JSON's own rules, and is
 * then read through the `yaml` document model for its lines (`yaml-document.ts`).
 */
import { Document, LineCounter } from 'yaml'
import type { DataLoad, DataSource } from './data-source.js'
import { textSource } from './read-text.js'
import { malformed, parseWithin, toDataset, yamlProblem } from './yaml-document.js'

/** JSON, `.json`. */
export const jsonSource: DataSource = textSource('JSON', ['json'], parseJson)

/** Parses a JSON data file into a table or record dataset, with every problem found. */
function parseJson(text: string, file: string): DataLoad {
  const source = text.replace(/^\uFEFF/, '')
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const { line, column } = jsonErrorPosition(reason, source)
    const message = reason
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
    return {
      dataset: undefined,
      problems: [malformed(file, line, column, `${file} is not valid JSON: ${message}`)]
    }
  }
  const lineCounter = new LineCounter()
  const document = parseWithin(source, file, { lineCounter, schema: 'json', prettyErrors: false })
  if (!(document instanceof Document)) return document
  const duplicates = document.errors.filter((error) => error.code === 'DUPLICATE_KEY')
  if (duplicates.length > 0) {
    return {
      dataset: undefined,
      problems: duplicates.map((error) => yamlProblem(file, lineCounter, error))
    }
  }
  // Valid JSON that the YAML reader still refuses (rare whitespace cases) is read without lines.
  const readable = document.errors.length === 0 ? document : new Document(value)
  return toDataset(readable, file, lineCounter)
}

function jsonErrorPosition(reason: string, source: string): { line: number; column: number } {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(reason)
  if (lineColumn !== null) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
  const position = /at position (\d+)/.exec(reason)
  const offset =
    position !== null ? Number(position[1]) : /end of JSON input/.test(reason) ? source.length : 0
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
