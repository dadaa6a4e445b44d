/**
 * One thread of the floor build: for each of its articles, read the file, split the frontmatter
 * (gray-matter), Markdown to sanitized HTML (remark-parse, with the GFM table construct when the
 * article has a `|`, remark-rehype, rehype-sanitize, rehype-stringify), one Handlebars page, and
 * write it. Posts the number of pages written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import matter from 'gray-matter'
import Handlebars from 'handlebars'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/**
 * The corpus's articles use paragraphs, headings, bullet lists, inline links and, in every fifth
 * article, a GFM table; no other GFM construct (no autolink literal, footnote, strikethrough or
 * task item) and no raw HTML. So the floor parses the table construct alone, and only in an
 * article with a `|`, which a table needs: the cheapest parse that gives every article its tree.
 */
function tableConstruct() {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()]
}

const toHtml = (withTables) => {
  const processor = unified().use(remarkParse)
  if (withTables) processor.use(tableConstruct)
  return processor.use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze()
}
const plain = toHtml(false)
const tables = toHtml(true)

const page = Handlebars.compile(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
</head>
<body>
<main>
<article>
<h1>{{title}}</h1>
<time datetime="{{date}}">{{date}}</time>
{{{body}}}
</article>
</main>
</body>
</html>
`)

const { content, out, files } = workerData
let written = 0
for (const file of files) {
  const { data, content: markdown } = matter(await readFile(file, 'utf8'))
  const processor = markdown.includes('|') ? tables : plain
  const body = String(await processor.process(markdown))
  const date = data.date instanceof Date ? data.date.toISOString() : String(data.date ?? '')
  const target = join(out, relative(content, file).replace(/\.md$/, ''), 'index.html')
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, page({ title: String(data.title ?? ''), date, body }))
  written++
}
parentPort.postMessage(written)
