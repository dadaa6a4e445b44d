/**
 * GFM table alignment as classes. remark-rehype writes `align="right"` on cells, an attribute
 * HTML5 made obsolete (validators reject it); a class styled by the stylesheet reads the same.
 */
import type { Element, Root } from 'hast'

const alignments = new Set(['left', 'center', 'right'])

/** Rehype plugin: `<td align="x">` -> `<td class="fd-align-x">`, for `th` and `td`. */
export function alignmentToClass() {
  return (tree: Root): void => {
    // A plain walk over elements: every brief goes through here, and most hold no table.
    const pending: (Root | Element)[] = [tree]
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'td' || child.tagName === 'th') toClass(child)
        pending.push(child)
      }
    }
  }
}

function toClass(cell: Element): void {
  const align = cell.properties.align
  if (align === undefined) return
  delete cell.properties.align
  if (typeof align === 'string' && alignments.has(align)) {
    cell.properties.className = [`fd-align-${align}`]
  }
}
