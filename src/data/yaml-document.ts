/**
 * JSON and YAML documents into datasets (SPEC 6), shared by `json.ts` and `yaml.ts`: a list of
 * objects is a table keyed by the first key of the first object, an object is a record read as
 * `alias.a.b`. Both formats are read by factdesk's one YAML parser (`yaml/parse-yaml.ts`), whose
 * document nodes know their source lines (JSON is YAML's flow syntax).
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { Document, LineCounter, YAMLError, YAMLMap } from 'yaml'
import type { Problem } from '../types.js'
import { maxYamlNesting } from '../yaml/nesting.js'
import { readYaml, yamlIssue } from '../yaml/parse-yaml.js'
import type { YamlIssue } from '../yaml/parse-yaml.js'
import { buildTable } from '../checks/datasets/build-table.js'
import type { SourceRow } from '../checks/datasets/build-table.js'
import type { RecordNode, Table } from '../checks/datasets/dataset.js'
import type { DataLoad } from './data-source.js'

/**
 * How deep a record may nest before it is refused: deeper data is a mistake, not a dataset. The
 * text is refused before that at the same depth; aliases can still nest a record deeper.
 */
const maxDepth = maxYamlNesting

/**
 * The document of `text` read with `options` (its errors left on it, as the `yaml` package
 * gives them), or the problem of a text nested past the limit. JSON's reader (`json.ts`) takes
 * the document this way, because it keeps only some of the errors.
 */
export function parseWithin(
  text: string,
  file: string,
  options: { lineCounter: LineCounter; schema?: 'core' | 'json'; prettyErrors?: false }
): Document.Parsed | DataLoad {
  const read = readYaml(text, options)
  if (read.document !== undefined) return read.document
  return { dataset: undefined, problems: read.errors.map((issue) => issueProblem(file, issue)) }
}

/** The dataset a parsed document holds: a table for a list of objects, a record for an object. */
export function toDataset(document: Document, file: string, lineCounter: LineCounter): DataLoad {
  const problems: Problem[] = []
  const reader = new NodeReader(file, document, lineCounter, problems)
  const contents = document.contents
  if (
    contents === null ||
    contents === undefined ||
    (isScalar(contents) && contents.value === null)
  ) {
    problems.push({
      severity: 'error',
      line: 1,
      column: 1,
      rule: 'data-unreadable',
      message: `${file} is empty: write a list of rows or an object of values`,
      file
    })
    return { dataset: undefined, problems }
  }
  if (isSeq(contents)) {
    const table = reader.table(contents.items, reader.lineOf(contents))
    return {
      dataset: table === undefined ? undefined : Object.freeze({ kind: 'table', file, table }),
      problems
    }
  }
  if (isMap(contents)) {
    const root = reader.object(contents, 0)
    return { dataset: Object.freeze({ kind: 'record', file, root }), problems }
  }
  problems.push(
    malformed(
      file,
      reader.lineOf(contents),
      1,
      `${file} holds a single value: write a list of rows or an object of values`
    )
  )
  return { dataset: undefined, problems }
}

/** Walks YAML nodes into frozen record nodes and tables, collecting problems on the way. */
class NodeReader {
  constructor(
    private readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
    private readonly problems: Problem[]
  ) {}

  lineOf(node: unknown): number {
    const range =
      isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node.range : undefined
    return range === undefined || range === null ? 1 : this.lineCounter.linePos(range[0]).line
  }

  object(map: YAMLMap, depth: number): RecordNode & { kind: 'object' } {
    const entries = new Map<string, RecordNode>()
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      entries.set(key, this.node(pair.value, depth + 1))
    }
    return Object.freeze({ kind: 'object', line: this.lineOf(map), entries })
  }

  node(value: unknown, depth: number): RecordNode {
    const node = isAlias(value) ? value.resolve(this.document) : value
    const line = this.lineOf(node)
    if (depth > maxDepth) {
      this.problems.push(
        malformed(this.file, line, 1, `${this.file} nests deeper than ${maxDepth} levels`)
      )
      return Object.freeze({ kind: 'value', line, text: '' })
    }
    if (isMap(node)) return this.object(node, depth)
    if (isSeq(node)) {
      if (node.items.length > 0 && node.items.every((item) => isMap(item))) {
        const table = this.table(node.items, line)
        if (table !== undefined) return Object.freeze({ kind: 'table', line, table })
      }
      const items = node.items.map((item) => this.node(item, depth + 1))
      return Object.freeze({ kind: 'list', line, items: Object.freeze(items) })
    }
    return Object.freeze({ kind: 'value', line, text: cellText(node) })
  }

  resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node
  }

  table(items: readonly unknown[], line: number): Table | undefined {
    const header: string[] = []
    const rows: { map: YAMLMap; line: number }[] = []
    for (const listed of items) {
      const item = this.resolve(listed)
      if (!isMap(item)) {
        this.problems.push(
          malformed(
            this.file,
            this.lineOf(item),
            1,
            `a row in ${this.file} is not an object; a list of rows must hold only objects`
          )
        )
        continue
      }
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
        if (!header.includes(key)) header.push(key)
      }
      rows.push({ map: item, line: this.lineOf(item) })
    }
    if (header.length === 0) {
      this.problems.push(
        malformed(
          this.file,
          line,
          1,
          `${this.file} holds a list without rows; each row needs a key and values`
        )
      )
      return undefined
    }
    const sourceRows: SourceRow[] = rows.map(({ map, line: rowLine }) => ({
      line: rowLine,
      cells: header.map((name) => cellText(this.resolve(map.get(name, true))))
    }))
    const built = buildTable({ file: this.file, header, headerLine: line, rows: sourceRows })
    this.problems.push(...built.problems)
    return built.table
  }
}

/** A cell as text: scalars as written out by JavaScript, null as empty, nested values as JSON. */
function cellText(node: unknown): string {
  if (node === undefined || node === null) return ''
  if (isScalar(node))
    return node.value === null || node.value === undefined ? '' : String(node.value)
  if (isMap(node) || isSeq(node)) return JSON.stringify(node.toJSON())
  return String(node)
}

/**
 * An issue of the YAML parser as a positioned problem of `file`: a text nested too deep or a
 * repeated key in words, anything else as parsed.
 */
export function issueProblem(file: string, issue: YamlIssue): Problem {
  const { line, column } = issue.point
  const message =
    issue.code === 'TOO_DEEP'
      ? `${file} nests deeper than ${maxDepth} levels`
      : issue.code === 'DUPLICATE_KEY'
        ? `${file} repeats a key in one object; each key may appear once per object`
        : `${file} does not parse: ${issue.message}`
  return malformed(file, line, column, message)
}

/** `issueProblem` of an error of a document from `parseWithin`, read with `lineCounter`. */
export function yamlProblem(file: string, lineCounter: LineCounter, error: YAMLError): Problem {
  return issueProblem(file, yamlIssue(error, lineCounter))
}

/** A `data-malformed` problem at `line`:`column` of `file`. */
export function malformed(file: string, line: number, column: number, message: string): Problem {
  return { severity: 'error', line, column, rule: 'data-malformed', message, file }
}
