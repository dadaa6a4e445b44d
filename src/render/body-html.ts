/**
 * Body HTML of a brief (SPEC 8, 9): the Markdown tree with its figures marked by status, raw HTML
 * parsed and everything sanitized. The processors are built once: a build renders thousands of
 * articles and unified's setup is not free.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { FigureMark } from '../types.js'
import { articleImages } from './article-images.js'
import { keepEmbeds } from './embeds.js'
import { prefixFragmentLinks } from './fragment-links.js'
import { restoreFigureMarks, stashFigureMarks, stashedMarkType } from './guard-marks.js'
import { markFigures } from './mark-figures.js'
import { sanitizeSchema } from './sanitize-schema.js'
import { alignmentToClass } from './table-alignment.js'

/** For the common body without raw HTML: reparsing with rehype-raw would cost for nothing. */
const plainProcessor = unified()
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, sanitizeSchema)
  .use(articleImages)
  .use(prefixFragmentLinks)
  .use(alignmentToClass)
  .use(rehypeStringify)
  .freeze()

/** For a body with raw HTML: parsed, then held to the same schema, with no forged figure marks. */
const rawProcessor = unified()
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(stashFigureMarks)
  .use(rehypeRaw, { passThrough: [stashedMarkType] })
  .use(restoreFigureMarks)
  .use(keepEmbeds)
  .use(rehypeSanitize, sanitizeSchema)
  .use(articleImages)
  .use(prefixFragmentLinks)
  .use(alignmentToClass)
  .use(rehypeStringify)
  .freeze()

/**
 * Sanitized HTML of a Markdown tree (parsed with remark-parse and remark-gfm), each figure wrapped
 * in `<span class="fd-fig fd-fig--{status}" title="..." data-status="{status}">`, one span per text
 * piece when a figure crosses emphasis or a link. `marks` are offsets in the source the tree was
 * parsed from; pass that `markdown` too so offsets are exact where the parser changed the text
 * (escapes, character references, indented continuation lines). `tree` is left unchanged.
 * Given the article's `file`, iframes of its `data.embedHosts` are kept and every other one is
 * dropped with a warning on it (`embeds.ts`), and the images it placed are published
 * (`article-images.ts`).
 */
export function renderBodyHtml(
  tree: Root,
  marks: readonly FigureMark[],
  markdown?: string,
  file?: VFile
): string {
  const marked = markFigures(tree, marks, markdown)
  const processor = hasRawHtml(marked) ? rawProcessor : plainProcessor
  const hast = processor.runSync(marked, file)
  return processor.stringify(hast)
}

/** Whether the tree holds raw HTML anywhere (block or inline). */
function hasRawHtml(node: Root | Root['children'][number]): boolean {
  if (node.type === 'html') return true
  return 'children' in node && node.children.some((child) => hasRawHtml(child))
}
