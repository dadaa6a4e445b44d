/**
 * How many files each builder must write for a corpus, computed from the corpus itself (its
 * articles' frontmatter), and how many it did write. A builder that wrote a different number is
 * reported as FAILED, so one that silently skipped pages can never look fast.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'

/**
 * @typedef {object} CorpusShape
 * @property {number} articles
 * @property {number[]} listingSizes stories per listing: home, then each section, then each tag
 * @property {number} dataFiles distinct data files the articles bind
 * @property {number} pageSize
 */

/**
 * Reads what the page count depends on from a corpus: every article's section, tags and `data:`
 * paths, and `page_size` from `data/site.yaml` (SPEC 3, default 20).
 * @param {string} root the site folder
 * @returns {Promise<CorpusShape>}
 */
export async function readCorpusShape(root) {
  const site = parse(await readFile(join(root, 'data', 'site.yaml'), 'utf8')) ?? {}
  const files = await markdownFiles(join(root, 'content'))
  const sections = new Map()
  const tags = new Map()
  const dataPaths = new Set()
  for (const file of files) {
    const frontmatter = readFrontmatter(await readFile(file, 'utf8'))
    const section = typeof frontmatter.section === 'string' ? frontmatter.section : 'news'
    sections.set(section, (sections.get(section) ?? 0) + 1)
    // Tags sharing a slug share a page (SPEC 8 tag pages), counted once per article.
    const slugs = new Set(
      (Array.isArray(frontmatter.tags) ? frontmatter.tags : []).map((tag) => tagSlug(String(tag)))
    )
    for (const slug of slugs) if (slug !== '') tags.set(slug, (tags.get(slug) ?? 0) + 1)
    for (const path of Object.values(frontmatter.data ?? {})) dataPaths.add(String(path))
  }
  return {
    articles: files.length,
    listingSizes: [files.length, ...sections.values(), ...tags.values()],
    dataFiles: dataPaths.size,
    pageSize: typeof site.page_size === 'number' ? site.page_size : 20
  }
}

/**
 * The files a builder must write for a corpus: `html` pages and `total` files.
 *
 * - factdesk (SPEC 8): briefs, listing pages, `/factcheck/`, `404.html`, `/search/`; then `factcheck.json`,
 *   `latest.txt`, `feed.xml`, `atom.xml`, `feed.json`, `sitemap.xml`, `robots.txt`, the hashed
 *   stylesheet and figure-marks script (issue 19), `.factdesk-output.json` (the record of what it wrote, SPEC 9) and a copy of every
 *   bound data file.
 * - Eleventy: briefs, listing pages, `404.html`; then `feed.xml` and `sitemap.xml`.
 * - Hugo: the same as Eleventy, plus the `page/1/` redirect Hugo 0.111 writes for every paged
 *   listing, which it cannot be told to skip.
 * @param {'ours' | 'eleventy' | 'hugo'} builder
 * @param {CorpusShape} shape
 * @returns {{ html: number, total: number }}
 */
export function expectedFiles(builder, shape) {
  const listingPages = shape.listingSizes.reduce(
    (sum, size) => sum + Math.max(1, Math.ceil(size / shape.pageSize)),
    0
  )
  const listings = shape.listingSizes.length
  if (builder === 'ours') {
    // + `/factcheck/`, `404.html` and `/search/` (search is on by default, issue 19)
    const html = shape.articles + listingPages + 3
    return { html, total: html + 10 + shape.dataFiles }
  }
  const html = shape.articles + listingPages + 1 + (builder === 'hugo' ? listings : 0)
  return { html, total: html + 2 }
}

/**
 * The files under `dir`: HTML pages and all files; zero for a folder that does not exist.
 * @param {string} dir
 * @returns {Promise<{ html: number, total: number }>}
 */
export async function countOutput(dir) {
  let entries
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true })
  } catch {
    return { html: 0, total: 0 }
  }
  // factdesk's search index, `pagefind/`, holds files named by their content: not counted.
  const index = join(dir, 'pagefind')
  const files = entries.filter(
    (entry) => entry.isFile() && !`${entry.parentPath ?? entry.path}/`.startsWith(`${index}/`)
  )
  return { html: files.filter((entry) => entry.name.endsWith('.html')).length, total: files.length }
}

/** The YAML between the opening `---` and the next `---` line; empty when there is none. */
export function readFrontmatter(markdown) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(markdown)
  if (match === null) return {}
  const data = parse(match[1] ?? '')
  return data !== null && typeof data === 'object' ? data : {}
}

/** The tag page segment, as factdesk's `tagSlug` writes it. */
function tagSlug(tag) {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Every article file of a site, sorted by path.
 * @param {string} root the site folder
 */
export function listArticles(root) {
  return markdownFiles(join(root, 'content'))
}

async function markdownFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}
