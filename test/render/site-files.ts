/**
 * Helpers to read a rendered site in tests: files by path, pages parsed as browsers parse them,
 * and where an internal link lands.
 */
import type { Root } from 'hast'
import { selectAll } from 'hast-util-select'
import type { OutputFile } from '../../src/types.js'
import { parseHtml } from './fixtures.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The text of a rendered file; fails the test when it is missing or not UTF-8. Briefs come as
 * UTF-8 bytes (that is how they travel from worker threads), other pages as text.
 */
export function textOf(files: readonly OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path)
  if (file === undefined)
    throw new TypeError(`no file \`${path}\` in ${files.map((f) => f.path).join(', ')}`)
  if (typeof file.content === 'string') return file.content
  try {
    return utf8.decode(file.content)
  } catch {
    throw new TypeError(`\`${path}\` is not UTF-8 text`)
  }
}

/** A rendered page, parsed. */
export function pageOf(files: readonly OutputFile[], path: string): Root {
  return parseHtml(textOf(files, path))
}

/** Every HTML file of the site. */
export function htmlFiles(files: readonly OutputFile[]): OutputFile[] {
  return files.filter((file) => file.path.endsWith('.html'))
}

/** Every `href` and `src` of a page. */
export function linksOf(page: Root): string[] {
  return selectAll('[href], [src]', page).flatMap((element) =>
    [element.properties.href, element.properties.src].filter(
      (value): value is string => typeof value === 'string'
    )
  )
}

/**
 * The output file an internal link is served from under `base`, or undefined when the link is
 * external or a fragment of the same page.
 */
export function targetOf(link: string, base: string): string | undefined {
  if (link.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(link)) return undefined
  const url = new URL(link, 'https://site.test/')
  if (!url.pathname.startsWith(base)) return `outside base: ${url.pathname}`
  const relative = decodeURIComponent(url.pathname.slice(base.length))
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
}
