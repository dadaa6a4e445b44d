/**
 * GFM table alignment as classes. remark-rehype writes `align="right"` on cells, an attribute
 * HTML5 made obsolete (validators reject it); a class styled by the stylesheet reads the same.
 */
import { visit } from 'unist-util-visit'
import type { Root } from 'hast'

const alignments = new Set(['left', 'center', 'right'])

/** Rehype plugin: `<td align="x">` -> `<td class="fd-align-x">`, for `th` and `td`. */
export function alignmentToClass() {
  return (tree: Root): void => {
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'td' && element.tagName !== 'th') return
      const align = element.properties.align
      if (align === undefined) return
      delete element.properties.align
      if (typeof align === 'string' && alignments.has(align)) {
        element.properties.className = [`fd-align-${align}`]
      }
    })
  }
}
