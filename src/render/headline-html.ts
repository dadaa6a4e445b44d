/**
 * The headline as HTML (SPEC 5, 8): its figures marked by status exactly as the body's are, so a
 * contradicted headline figure shows where readers look first. The headline is plain text, never
 * Markdown; hast-util-to-html escapes it.
 */
import type { ElementContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { FigureMark } from '../types.js'
import { markClass } from './mark-figures.js'

/** `title` as HTML with a span around each of `marks` that is in the headline. */
export function headlineHtml(title: string, marks: readonly FigureMark[]): string {
  const inTitle = marks
    .filter((mark) => mark.in === 'title' && mark.start < mark.end && mark.end <= title.length)
    .sort((a, b) => a.start - b.start)
  const children: ElementContent[] = []
  let at = 0
  for (const mark of inTitle) {
    if (mark.start < at) continue
    if (mark.start > at) children.push({ type: 'text', value: title.slice(at, mark.start) })
    children.push({
      type: 'element',
      tagName: 'span',
      properties: {
        className: [markClass, `${markClass}--${mark.status}`],
        title: mark.title,
        dataStatus: mark.status
      },
      children: [{ type: 'text', value: title.slice(mark.start, mark.end) }]
    })
    at = mark.end
  }
  if (at < title.length) children.push({ type: 'text', value: title.slice(at) })
  return toHtml({ type: 'root', children })
}
