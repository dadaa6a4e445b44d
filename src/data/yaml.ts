/**
 * YAML data files (SPEC 6): a list of objects is a table, a mapping a record, read through the
 * `yaml` document model (`yaml-document.ts`) so that every row and value knows its line.
 */
import { Document, LineCounter } from 'yaml'
import type { DataLoad, DataSource } from './data-source.js'
import { textSource } from './read-text.js'
import { parseWithin, toDataset, yamlProblem } from './yaml-document.js'

/** YAML, `.yaml` or `.yml`. */
export const yamlSource: DataSource = textSource('YAML', ['yaml', 'yml'], parseYaml)

/** Parses a YAML data file into a table or record dataset, with every problem found. */
function parseYaml(text: string, file: string): DataLoad {
  const lineCounter = new LineCounter()
  const document = parseWithin(text.replace(/^\uFEFF/, ''), file, {
    lineCounter,
    prettyErrors: false
  })
  if (!(document instanceof Document)) return document
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => yamlProblem(file, lineCounter, error))
    return { dataset: undefined, problems }
  }
  return toDataset(document, file, lineCounter)
}
