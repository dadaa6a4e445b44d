/**
 * Loads one article (SPEC 4): reads the file, splits the frontmatter with gray-matter, parses it
 * with positions, validates it, and derives the slug and URL. Every problem is positioned in the
 * article file; the caller keeps going with the next file.
 */
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename } from 'node:path'
import type matter from 'gray-matter'
import { describeRefusal, readSiteFile, readSiteFileSync } from '../io/read-site-file.js'
import type { SiteFileRead } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import { issuesToProblems } from '../schema/issues-to-problems.js'
import { decodeUtf8, describeNotUtf8 } from '../text/decode-utf8.js'
import { didYouMean } from '../text/did-you-mean.js'
import { parseYaml } from '../yaml/parse-yaml.js'
import { frontmatterKeys, frontmatterOf, frontmatterSchema, misspeltCheckingKey, namePattern } from './frontmatter-schema.js'
import { expandPermalink } from './permalink.js'
import { prosePlacesOf } from './prose-places.js'
import type { ParsedYaml } from '../yaml/parse-yaml.js'
import { hasErrors, report, reportAll } from '../article/article-file.js'
import type { ArticleFile } from '../article/article-file.js'
import type { Problem, Settings } from '../types.js'

/** Frontmatter YAML starts on line 2, after the opening `---`. */
const frontmatterOrigin = { lineOffset: 1 }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The bytes of an article file, or the problem that kept them from being read: a link leaving the
 * site, a FIFO or folder, a file over `sizeLimits.article` (SPEC 9).
 */
export async function readArticle(root: string, file: string): Promise<Uint8Array | Problem> {
  return problemUnlessRead(await readSiteFile(root, file, sizeLimits.article))
}

/** Articles read before the event loop gets a turn: a dev server stays responsive meanwhile. */
const readSlice = 256

/**
 * The bytes of every file of `files` (or the problem that kept each from being read), in order.
 * Read one at a time with blocking calls: for thousands of small files that is several times
 * faster than as many promised reads, and it never holds more than one file open.
 */
export async function readArticles(root: string, files: readonly string[]): Promise<(Uint8Array | Problem)[]> {
  const read: (Uint8Array | Problem)[] = []
  const realRoot = realpathSync.native(root)
  for (const [index, file] of files.entries()) {
    if (index > 0 && index % readSlice === 0) await new Promise((resolve) => setImmediate(resolve))
    read.push(problemUnlessRead(readSiteFileSync(root, file, sizeLimits.article, realRoot)))
  }
  return read
}

/**
 * Decodes article bytes as UTF-8 text and validates them; binary or non-UTF-8 files are refused,
 * at the first byte that is not UTF-8.
 */
export function decodeArticle(file: ArticleFile, bytes: Uint8Array, settings: Settings): void {
  const text = decodeUtf8(bytes)
  if (typeof text !== 'string') {
    const at = { line: text.line, column: text.column }
    report(file, 'article-unreadable', `${describeNotUtf8(text)}: save the file as UTF-8`, at)
    return
  }
  if (text.includes('\0')) {
    report(file, 'article-unreadable', 'the file holds NUL bytes; it looks binary, not Markdown')
    return
  }
  parseArticle(file, text, settings)
}

/**
 * The Markdown of article bytes that loaded before (the build cache keeps loads without it): the
 * text split from its frontmatter as `parseArticle` splits it, without parsing the frontmatter
 * again. Undefined for bytes that would not load.
 */
export function markdownOf(bytes: Uint8Array): string | undefined {
  let source: string
  try {
    source = utf8.decode(bytes)
  } catch {
    return undefined
  }
  const split = splitFrontmatter(withoutBom(source))
  return 'markdown' in split ? split.markdown : undefined
}

/** A BOM is invisible to editors: positions are counted as if it were not there. */
function withoutBom(source: string): string {
  return source.startsWith('\uFEFF') ? source.slice(1) : source
}

/**
 * Validates article text into `file`: its Markdown (the frontmatter blanked) as its value, and its
 * frontmatter and URL as its data when it loads; each problem a message where it was found.
 * Separated from reading so tests and the dev server can feed text.
 */
export function parseArticle(file: ArticleFile, source: string, settings: Settings): void {
  const text = withoutBom(source)
  const split = splitFrontmatter(text)
  if ('problem' in split) {
    reportAll(file, [split.problem])
    return
  }
  file.value = split.markdown
  const yaml = parseYaml(split.yaml)
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors)
      report(file, 'frontmatter', `frontmatter is not valid YAML: ${error.message}`, inFile(error.point))
    return
  }
  const raw = yaml.value ?? {}
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const reason = 'frontmatter must be a mapping of keys such as title: and date:'
    report(file, 'frontmatter', reason, { line: 2, column: 1 })
    return
  }
  for (const warning of yaml.warnings) {
    // An unknown tag such as `!!js/function` is read as plain text; the editor should know.
    const reason = `${warning.message}; the value is read as plain text`
    report(file, 'frontmatter', reason, inFile(warning.point), 'warning')
  }
  reportUnknownKeys(file, raw, yaml)
  const result = frontmatterSchema(settings.timezone).safeParse(raw, { reportInput: true })
  if (!result.success) {
    const quoted = (key: string): string => `"${key}"`
    reportAll(file, issuesToProblems(result.error.issues, yaml, frontmatterOrigin, 'frontmatter', quoted))
  }
  const slug = result.success ? (result.data.slug ?? basename(file.path).replace(/\.md$/i, '')) : undefined
  if (result.success && result.data.slug === undefined && slug !== undefined && !namePattern.test(slug)) {
    const reason = `the file name gives the slug "${slug}", which is not lower-case words joined by hyphens; rename the file or set slug:`
    report(file, 'frontmatter', reason)
  }
  if (!result.success || slug === undefined || hasErrors(file)) return
  const frontmatter = frontmatterOf(result.data, slug, (path) => pointIn(yaml, path))
  file.data.frontmatter = frontmatter
  file.data.places = prosePlacesOf(yaml, split.yamlStart, raw as Record<string, unknown>)
  file.data.url = expandPermalink(settings.permalink, frontmatter, settings.timezone)
}

/** A point of the frontmatter's YAML as a point of the article file. */
function inFile(point: { line: number; column: number }): { line: number; column: number } {
  return { line: point.line + frontmatterOrigin.lineOffset, column: point.column }
}

/** The frontmatter's YAML, where it starts in the file, and the Markdown (frontmatter blanked). */
type Split = { yaml: string; yamlStart: number; markdown: string } | { problem: Problem }

let grayMatter: typeof matter | undefined

/**
 * gray-matter, loaded on first use: a warm build that loads no article from its text (every one
 * from the cache's index) never pays for it. It is CommonJS, so it can be required in place.
 */
function splitter(): typeof matter {
  grayMatter ??= createRequire(import.meta.url)('gray-matter') as typeof matter
  return grayMatter
}

function splitFrontmatter(text: string): Split {
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return { problem: frontmatterError(1, 1, 'the article has no frontmatter; start the file with a --- line, then title: and date:, then ---') }
  }
  const parsed = splitter()(text, { engines: { yaml: () => ({}) } })
  const bodyStart = text.length - parsed.content.length
  if (!text.endsWith(parsed.content) || !/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(0, bodyStart + 1))) {
    return { problem: frontmatterError(1, 1, 'the frontmatter is not closed; add a line with --- after its last key') }
  }
  // Blank the frontmatter but keep its line breaks and length: positions in the parsed body are
  // then positions in the file, which every message depends on.
  const markdown = text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + parsed.content
  // gray-matter ends the YAML at "\n---", so with CRLF line ends its last line keeps a lone "\r",
  // which the yaml parser reads into the last value or rejects after a flow collection.
  const yaml = parsed.matter.replace(/^\r?\n/, '')
  // gray-matter's matter starts right after the opening `---`.
  const yamlStart = 3 + parsed.matter.length - yaml.length
  return { yaml: yaml.replace(/\r$/, ''), yamlStart, markdown }
}

function reportUnknownKeys(file: ArticleFile, raw: object, yaml: ParsedYaml): void {
  const known = new Set<string>(frontmatterKeys)
  for (const key of Object.keys(raw)) {
    // A misspelt checking key is already an error of the schema's (frontmatter-schema.ts).
    if (known.has(key) || misspeltCheckingKey(key) !== undefined) continue
    const reason = `unknown key "${key}"${didYouMean(key, frontmatterKeys)}`
    report(file, 'frontmatter', reason, inFile(yaml.pointOf([key], { key: true })), 'warning')
  }
}

function pointIn(yaml: ParsedYaml, path: (string | number)[]): { line: number; column: number } {
  return inFile(yaml.pointOf(path))
}

function frontmatterError(line: number, column: number, message: string): Problem {
  return { severity: 'error', line, column, rule: 'frontmatter', message }
}

/** The bytes read, or the refusal as the article's problem: `path-unsafe` for a link leaving the site. */
function problemUnlessRead(read: SiteFileRead): Uint8Array | Problem {
  if (read instanceof Uint8Array) return read
  const problem = unreadable(`cannot read the file: ${describeRefusal(read)}`)
  return read.reason === 'outside' ? { ...problem, rule: 'path-unsafe' } : problem
}

function unreadable(message: string): Problem {
  return { severity: 'error', line: 1, column: 1, rule: 'article-unreadable', message }
}
