/**
 * `parseDocument` of the `yaml` package with a nesting limit (issue 15, README "Limits"). The
 * package reads text into a syntax tree without recursion, but builds documents from it, and
 * later values from those, recursively: a document nested thousands deep would end as a stack
 * overflow, caught or not depending on where. So the syntax tree is measured first, in one pass,
 * and a document nesting more than `maxYamlNesting` collections is refused at the collection that
 * goes past the limit. This bounds frontmatter, `data/site.yaml` and JSON and YAML data alike.
 */
import { Composer, Parser, YAMLParseError } from 'yaml'
import type { CST, Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions } from 'yaml'

/** Collections (mappings, sequences, JSON objects and arrays) a YAML or JSON text may nest. */
export const maxYamlNesting = 200

/** Options of `parseBounded`: those of `parseDocument`, with the line counter required. */
export type BoundedOptions = ParseOptions &
  DocumentOptions &
  SchemaOptions & { lineCounter: LineCounter }

/** A parsed document, or the offset of the collection that nests past the limit. */
export type Bounded = { document: Document.Parsed } | { tooDeepAt: number }

/** The message of a text that nests past the limit. */
export const tooDeepMessage = `collections nest more than ${maxYamlNesting} levels deep, past factdesk's limit of ${maxYamlNesting}`

/** Parses `text` as `parseDocument(text, options)` does, unless it nests too deep. */
export function parseBounded(text: string, options: BoundedOptions): Bounded {
  const tokens = [...new Parser(options.lineCounter.addNewLine).parse(text)]
  const tooDeepAt = firstTooDeep(tokens)
  if (tooDeepAt !== undefined) return { tooDeepAt }
  // As `parseDocument`: the first document, and an error for any other.
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
  return { document }
}

/**
 * The offset of the first collection, in document order, nested past the limit; walked without
 * recursion (children are pushed last to first, so they come off the stack in order).
 */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = []
  for (let index = tokens.length - 1; index >= 0; index--) {
    stack.push({ token: tokens[index] as CST.Token, depth: 0 })
  }
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { token, depth } = entry
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth })
      continue
    }
    if (
      token.type !== 'block-map' &&
      token.type !== 'block-seq' &&
      token.type !== 'flow-collection'
    )
      continue
    if (depth + 1 > maxYamlNesting) return token.offset
    for (let index = token.items.length - 1; index >= 0; index--) {
      const item = token.items[index]
      if (item?.value) stack.push({ token: item.value, depth: depth + 1 })
      if (item?.key) stack.push({ token: item.key, depth: depth + 1 })
    }
  }
  return undefined
}
