/**
 * YAML data files (SPEC 6): a list of objects is a table, a mapping a record, read by factdesk's
 * one YAML parser into its document model (`yaml-document.ts`) so that every row and value knows
 * its line.
 */
import type { DataLoad, DataSource } from './data-source.js'
import { textSource } from './read-text.js'
import { readYaml } from '../yaml/parse-yaml.js'
import { issueProblem, toDataset } from './yaml-document.js'

/** YAML, `.yaml` or `.yml`. */
export const yamlSource: DataSource = textSource('YAML', ['yaml', 'yml'], parseYamlData)

/** Parses a YAML data file into a table or record dataset, with every problem found. */
function parseYamlData(text: string, file: string): DataLoad {
  const read = readYaml(text.replace(/^\uFEFF/, ''))
  if (read.document === undefined || read.errors.length > 0) {
    return { dataset: undefined, problems: read.errors.map((issue) => issueProblem(file, issue)) }
  }
  return toDataset(read.document, file, read.lineCounter)
}
