/**
 * How deep a YAML (or JSON) text nests, measured on its syntax tree (issue 15, README "Limits").
 * The `yaml` package reads text into that tree without recursion, but builds documents from it,
 * and later values from those, recursively: a document nested thousands deep would end as a
 * stack overflow, caught or not depending on where. So `parse-yaml.ts` measures the tree first,
 * in one pass, and refuses a text nesting more than `maxYamlNesting` collections.
 */
import type { CST } from 'yaml'

/** Collections (mappings, sequences, JSON objects and arrays) a YAML or JSON text may nest. */
export const maxYamlNesting = 200

/** The message of a text that nests past the limit. */
export const tooDeepMessage = `collections nest more than ${maxYamlNesting} levels deep, past factdesk's limit of ${maxYamlNesting}`

/**
 * The offset of the first collection, in document order, nested past the limit; walked without
 * recursion (children are pushed last to first, so they come off the stack in order).
 */
export function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
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
