/**
 * Articles with their `checks:` taken away (issue 20, the suggestion suite): the lines of the
 * block are blanked rather than removed, so that every figure keeps the line and column the
 * original build gave it and the suite can pair each figure with its original check by place.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isMap, isScalar, parseDocument } from 'yaml'

/** The Markdown files under `dir`, as absolute paths, in a stable order. */
export async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** `text` (a whole article) with the lines of its frontmatter's `checks:` entry blanked. */
export function stripChecks(text: string): string {
  const open = /^---\r?\n/u.exec(text)
  if (open === null) return text
  const close = /\r?\n---\r?\n/u.exec(text.slice(open[0].length))
  if (close === null) return text
  const yamlStart = open[0].length
  const yaml = text.slice(yamlStart, yamlStart + close.index)
  const document = parseDocument(yaml)
  if (!isMap(document.contents)) return text
  const pair = document.contents.items.find(
    (item) => isScalar(item.key) && item.key.value === 'checks'
  )
  if (pair === undefined || !isScalar(pair.key) || pair.key.range === undefined) return text
  const from = yamlStart + pair.key.range[0]
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range
  const to = yamlStart + (valueRange === undefined ? pair.key.range[1] : valueRange[1])
  return blankLines(text, from, to)
}

/** `text` with every character of the lines touched by `[from, to)` removed, newlines kept. */
function blankLines(text: string, from: number, to: number): string {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  let lineEnd = text.indexOf('\n', Math.max(from, to - 1))
  if (lineEnd < 0) lineEnd = text.length
  const middle = text.slice(lineStart, lineEnd).replace(/[^\n]/gu, '')
  return text.slice(0, lineStart) + middle + text.slice(lineEnd)
}

/** Strips the checks of every article under `contentDir`, in place. */
export async function stripSite(contentDir: string): Promise<void> {
  for (const file of await markdownFiles(contentDir)) {
    const text = await readFile(file, 'utf8')
    const stripped = stripChecks(text)
    if (stripped !== text) await writeFile(file, stripped)
  }
}
