/**
 * YAML parsing that keeps positions, so every frontmatter and settings problem can name its
 * line and column (SPEC 4: "each with the file, line and column").
 */
import { isMap, isPair, isScalar, isSeq, LineCounter } from 'yaml'
import type { Document, Node } from 'yaml'
import { parseBounded, tooDeepMessage } from './parse-bounded.js'

/** A 1-based position in the YAML text. */
export interface YamlPoint {
  line: number
  column: number
}

/** A YAML document parsed with positions. */
export interface ParsedYaml {
  /** The plain value, or undefined when the text did not parse. */
  value: unknown
  /** Parse errors with their positions. */
  errors: { message: string; point: YamlPoint }[]
  /**
   * What the parser read but did not understand, such as an unknown tag (`!!js/function`): the
   * value is kept as plain data, but the writer meant something else and should hear about it.
   */
  warnings: { message: string; point: YamlPoint }[]
  /** Position of the value at `path` (or of its key, with `key: true`); the nearest parent when absent. */
  pointOf(path: readonly PropertyKey[], options?: { key?: boolean }): YamlPoint
}

/** Anchors and aliases are capped so that a "billion laughs" document cannot blow up memory. */
const maxAliasCount = 100

/**
 * Parses YAML with the YAML 1.2 core schema (dates stay strings) and unique keys; a text nesting
 * more than `maxYamlNesting` collections is one error at the collection past the limit.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter()
  const toPoint = (offset: number): YamlPoint => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const parsed = parseBounded(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if ('tooDeepAt' in parsed) {
    const point = toPoint(parsed.tooDeepAt)
    return {
      value: undefined,
      errors: [{ message: tooDeepMessage, point }],
      warnings: [],
      pointOf: () => point
    }
  }
  const document = parsed.document
  const errors = document.errors.map((error) => ({
    message: firstLine(error.message),
    point: toPoint(error.pos[0])
  }))
  const warnings = document.warnings.map((warning) => ({
    message: firstLine(warning.message),
    point: toPoint(warning.pos[0])
  }))
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
      return toPoint(offsetOf(document, path, options.key === true))
    }
  }
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
