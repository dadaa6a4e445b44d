/**
 * The one YAML parser of factdesk: frontmatter, `data/site.yaml` and JSON and YAML data files
 * are all read here, with the same options, the same nesting limit (`nesting.ts`) and positions
 * for every error and warning, so that every problem can name its line and column (SPEC 4: "each
 * with the file, line and column"). `readYaml` gives the document, for readers that walk its
 * nodes (data files); `parseYaml` gives its plain value, for readers that validate it with a
 * schema (frontmatter, settings).
 */
import { Composer, isMap, isPair, isScalar, isSeq, LineCounter, Parser, YAMLParseError } from 'yaml'
import type {
  CST,
  Document,
  DocumentOptions,
  Node,
  ParseOptions,
  SchemaOptions,
  YAMLError
} from 'yaml'
import { firstTooDeep, tooDeepMessage } from './nesting.js'
import { scalarOffsets } from './scalar-offsets.js'

/** A 1-based position in the YAML text. */
export interface YamlPoint {
  line: number
  column: number
}

/** An error or warning of the parser, at its position in the YAML text. */
export interface YamlIssue {
  /**
   * The `yaml` package's code (`DUPLICATE_KEY`, `TAG_RESOLVE_FAILED`, ...), or `TOO_DEEP` for a
   * text nesting more than `maxYamlNesting` collections.
   */
  code: string
  /** As the parser words it; it names no position (the package's `prettyErrors` is off). */
  message: string
  point: YamlPoint
}

/** A YAML text read into a document with positions. */
export interface YamlDocument {
  /**
   * The first document of the text, or undefined when the text nests too deep to be built (then
   * `errors` holds that one `TOO_DEEP` issue).
   */
  document: Document.Parsed | undefined
  errors: YamlIssue[]
  /**
   * What the parser read but did not understand, such as an unknown tag (`!!js/function`): the
   * value is kept as plain data, but the writer meant something else and may need to hear it.
   */
  warnings: YamlIssue[]
  /** The line starts of the text, for positions of the document's nodes. */
  lineCounter: LineCounter
}

/** Options of `readYaml`. */
export interface ReadYamlOptions {
  /**
   * `core`, the YAML 1.2 core schema (dates stay strings), by default; `json` for JSON data
   * files, whose scalars are JSON's.
   */
  schema?: 'core' | 'json'
  /** The line counter to fill, when the caller keeps its own; a new one by default. */
  lineCounter?: LineCounter
}

/**
 * Reads `text` as `parseDocument` of the `yaml` package does, with unique keys, unless it nests
 * too deep. Unlike `parseDocument`, it never rewrites messages with the package's pretty errors:
 * positions are ours to place.
 */
export function readYaml(text: string, options: ReadYamlOptions = {}): YamlDocument {
  const lineCounter = options.lineCounter ?? new LineCounter()
  const pointAt = (offset: number): YamlPoint => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)]
  const tooDeepAt = firstTooDeep(tokens)
  if (tooDeepAt !== undefined) {
    const tooDeep = { code: 'TOO_DEEP', message: tooDeepMessage, point: pointAt(tooDeepAt) }
    return { document: undefined, errors: [tooDeep], warnings: [], lineCounter }
  }
  const document = firstDocument(text, tokens, {
    uniqueKeys: true,
    // Only when asked: an explicit undefined would replace the package's default schema.
    ...(options.schema === undefined ? {} : { schema: options.schema })
  })
  const issueOf = (error: YAMLError): YamlIssue => yamlIssue(error, lineCounter)
  return {
    document,
    errors: document.errors.map(issueOf),
    warnings: document.warnings.map(issueOf),
    lineCounter
  }
}

/** The positioned issue of an error or warning of a document read with `lineCounter`. */
export function yamlIssue(error: YAMLError, lineCounter: LineCounter): YamlIssue {
  const { line, col } = lineCounter.linePos(error.pos[0])
  return { code: error.code, message: error.message, point: { line, column: col } }
}

/** A YAML text's plain value, with positions. */
export interface ParsedYaml {
  /** The plain value, or undefined when the text did not parse. */
  value: unknown
  /** Parse errors with their positions; the message is its first line. */
  errors: { message: string; point: YamlPoint }[]
  /** Warnings of the parser (see `YamlDocument.warnings`); the message is its first line. */
  warnings: { message: string; point: YamlPoint }[]
  /** Position of the value at `path` (or of its key, with `key: true`); the nearest parent when absent. */
  pointOf(path: readonly PropertyKey[], options?: { key?: boolean }): YamlPoint
  /**
   * The offset in the YAML text of each UTF-16 unit of the string at `path` (`scalar-offsets.ts`),
   * or undefined when there is no string there.
   */
  stringOffsets(path: readonly PropertyKey[]): Int32Array | undefined
}

/** Anchors and aliases are capped so that a "billion laughs" document cannot blow up memory. */
const maxAliasCount = 100

/**
 * Parses YAML into its plain value with the YAML 1.2 core schema (dates stay strings) and unique
 * keys; a text nesting more than `maxYamlNesting` collections is one error at the collection
 * past the limit.
 */
export function parseYaml(text: string): ParsedYaml {
  const read = readYaml(text)
  const errors = read.errors.map(({ message, point }) => ({ message: firstLine(message), point }))
  const warnings = read.warnings.map(({ message, point }) => ({
    message: firstLine(message),
    point
  }))
  const { document, lineCounter } = read
  if (document === undefined) {
    const point = errors[0]?.point ?? { line: 1, column: 1 }
    return {
      value: undefined,
      errors,
      warnings,
      pointOf: () => point,
      stringOffsets: () => undefined
    }
  }
  let value: unknown
  if (errors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount })
    } catch (error) {
      // toJS throws on excessive aliasing; report it at the document start like a parse error.
      errors.push({ message: messageOf(error), point: { line: 1, column: 1 } })
    }
  }
  return {
    value,
    errors,
    warnings,
    pointOf(path, options = {}) {
      const { line, col } = lineCounter.linePos(offsetOf(document, path, options.key === true))
      return { line, column: col }
    },
    stringOffsets(path) {
      const node = document.getIn(path, true)
      return isScalar(node) ? scalarOffsets(node, text) : undefined
    }
  }
}

/** As `parseDocument`: the first document of the tokens, and an error for any other. */
function firstDocument(
  text: string,
  tokens: readonly CST.Token[],
  // The composer reads parse options too (`uniqueKeys`), though its constructor names only these.
  options: ParseOptions & DocumentOptions & SchemaOptions
): Document.Parsed {
  let document: Document.Parsed | undefined
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (document === undefined) {
      document = next
      continue
    }
    document.errors.push(
      new YAMLParseError(
        [next.range[0], next.range[1]],
        'MULTIPLE_DOCS',
        'Source contains multiple documents; please use YAML.parseAllDocuments()'
      )
    )
    break
  }
  if (document === undefined)
    throw new TypeError('`Composer.compose` with `forceDoc` made no document')
  return document
}

function offsetOf(document: Document, path: readonly PropertyKey[], key: boolean): number {
  let node: unknown = document.contents
  let offset = rangeStart(node) ?? 0
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment
      )
      if (!pair) return offset
      if (last && key) return rangeStart(pair.key) ?? offset
      node = pair.value
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment]
      if (item === undefined) return offset
      node = item
      offset = rangeStart(item) ?? offset
    } else {
      return offset
    }
  }
  return offset
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as Node).range
    return range ? range[0] : undefined
  }
  return undefined
}

/** The library's message names a position relative to the YAML text; ours names the file's. */
function firstLine(message: string): string {
  return (message.split('\n', 1)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '')
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
