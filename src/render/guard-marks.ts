/**
 * Keeps raw HTML from forging figure marks. The sanitizer has to let
 * `<span class="fd-fig fd-fig--verified">` through for the real marks, so an article could
 * otherwise type one itself and show a "verified" badge no check stands behind. Before rehype-raw
 * parses the raw HTML, every mark span in the tree is ours (raw HTML is still a string); they are
 * set aside as a node type rehype-raw passes through, forged marks are then stripped, and ours
 * are put back.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { markClass } from './mark-figures.js'

/** Node type the real marks wear while rehype-raw runs; give it to rehype-raw's `passThrough`. */
export const stashedMarkType = 'factdeskFigureMark'

/** A real mark set aside: the element it was, under a type rehype-raw does not parse. */
interface StashedMark {
  type: typeof stashedMarkType
  element: Element
  children: ElementContent[]
}

/** Plugin to run before rehype-raw: sets every figure-mark span aside. */
export function stashFigureMarks() {
  return (tree: Root): void => {
    replaceChildren(tree, (node) => {
      if (node.type !== 'element' || !isMarkElement(node)) return undefined
      const stashed: StashedMark = { type: stashedMarkType, element: node, children: node.children }
      // hast has no slot for foreign nodes; rehype-raw keeps this one by its `passThrough` type.
      return stashed as unknown as RootContent
    })
  }
}

/** Plugin to run after rehype-raw: strips forged marks, then puts the real ones back. */
export function restoreFigureMarks() {
  return (tree: Root): void => {
    replaceChildren(tree, (node) => {
      const seen: unknown = node
      if (isStashedMark(seen)) return { ...seen.element, children: seen.children }
      if (node.type === 'element' && isMarkElement(node)) unmark(node)
      return undefined
    })
  }
}

/** Whether an element carries the figure-mark class. */
function isMarkElement(element: Element): boolean {
  const className = element.properties.className
  return Array.isArray(className) && className.some((name) => String(name).startsWith(markClass))
}

/** Removes what makes an element look like a mark, keeping the rest of it. */
function unmark(element: Element): void {
  const className = element.properties.className
  if (Array.isArray(className)) {
    const kept = className.filter((name) => !String(name).startsWith(markClass))
    if (kept.length > 0) element.properties.className = kept
    else delete element.properties.className
  }
  delete element.properties.dataStatus
}

/** Whether a node is a real mark set aside by `stashFigureMarks`. */
function isStashedMark(node: unknown): node is StashedMark {
  return (
    typeof node === 'object' && node !== null && 'type' in node && node.type === stashedMarkType
  )
}

/** Depth-first walk that replaces each child for which `replace` returns a node. */
function replaceChildren(
  parent: { children: RootContent[] },
  replace: (node: RootContent) => RootContent | undefined
): void {
  parent.children.forEach((child, index) => {
    const replacement = replace(child)
    const next = replacement ?? child
    if (replacement !== undefined) parent.children[index] = replacement
    if ('children' in next && Array.isArray(next.children)) {
      replaceChildren(next as { children: RootContent[] }, replace)
    }
  })
}
