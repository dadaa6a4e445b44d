/**
 * In-page links of the body, kept working after sanitizing. The sanitizer prefixes every `id` with
 * `user-content-` so that article HTML cannot clobber page globals (SPEC 9); links to those ids
 * (footnotes, a table of contents in raw HTML) get the same prefix here, once.
 */
import type { Element, Root, RootContent } from 'hast'

/** The prefix rehype-sanitize's default schema puts before every `id` and `name`. */
export const clobberPrefix = 'user-content-'

/** Plugin to run after rehype-sanitize: prefixes `href="#x"` to match the prefixed ids. */
export function prefixFragmentLinks() {
  return (tree: Root): void => {
    visitElements(tree.children, (element) => {
      const href = element.properties.href
      if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return
      if (href.startsWith(`#${clobberPrefix}`)) return
      element.properties.href = `#${clobberPrefix}${href.slice(1)}`
    })
  }
}

/** Calls `visit` on every element, depth first. */
function visitElements(nodes: readonly RootContent[], visit: (element: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    visit(node)
    visitElements(node.children, visit)
  }
}
