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
import { frontmatterKeys, frontmatterSchema, misspeltCheckingKey, namePattern } from './frontmatter-schema.js'
import { expandPermalink } from './permalink.js'
import type { ParsedYaml } from '../yaml/parse-yaml.js'
import type { AssertSpec, CheckSpec, Frontmatter, LoadedArticle, Problem, Settings } from '../types.js'

/** The outcome of loading one article: the article when it is usable, and its problems. */
export interface ArticleLoad {
  file: string
  article?: LoadedArticle
  problems: Problem[]
}

/** Frontmatter YAML starts on line 2, after the opening `---`. */
const frontmatterOrigin = { lineOffset: 1 }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads and validates the article at site-relative path `file`. */
export async function loadArticle(root: string, file: string, settings: Settings): Promise<ArticleLoad> {
  const bytes = await readArticle(root, file)
  return bytes instanceof Uint8Array ? decodeArticle(file, bytes, settings) : { file, problems: [bytes] }
}

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
export function decodeArticle(file: string, bytes: Uint8Array, settings: Settings): ArticleLoad {
  const text = decodeUtf8(bytes)
  if (typeof text !== 'string') {
    const problem = unreadable(`${describeNotUtf8(text)}: save the file as UTF-8`)
    return { file, problems: [{ ...problem, line: text.line, column: text.column }] }
  }
  if (text.includes('\0')) return { file, problems: [unreadable('the file holds NUL bytes; it looks binary, not Markdown')] }
  return parseArticle(file, text, settings)
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

/** Validates article text; separated from reading so tests and the dev server can feed text. */
export function parseArticle(file: string, source: string, settings: Settings): ArticleLoad {
  const text = withoutBom(source)
  const split = splitFrontmatter(text)
  if ('problem' in split) return { file, problems: [split.problem] }
  const yaml = parseYaml(split.yaml)
  if (yaml.errors.length > 0) {
    return {
      file,
      problems: yaml.errors.map((error) =>
        frontmatterError(error.point.line + frontmatterOrigin.lineOffset, error.point.column, `frontmatter is not valid YAML: ${error.message}`)
      )
    }
  }
  const raw = yaml.value ?? {}
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { file, problems: [frontmatterError(2, 1, 'frontmatter must be a mapping of keys such as title: and date:')] }
  }
  const problems = [...yamlWarnings(yaml), ...unknownKeyWarnings(raw, yaml)]
  const result = frontmatterSchema(settings.timezone).safeParse(raw, { reportInput: true })
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, yaml, frontmatterOrigin, 'frontmatter', (key) => `"${key}"`))
  }
  const slug = result.success ? (result.data.slug ?? basename(file).replace(/\.md$/i, '')) : undefined
  if (result.success && result.data.slug === undefined && slug !== undefined && !namePattern.test(slug)) {
    problems.push(
      frontmatterError(1, 1, `the file name gives the slug "${slug}", which is not lower-case words joined by hyphens; rename the file or set slug:`)
    )
  }
  if (!result.success || slug === undefined || problems.some((problem) => problem.severity === 'error')) {
    return { file, problems }
  }
  const data = result.data
  const frontmatter: Frontmatter = {
    ...withoutUndefined({
      updated: data.updated,
      byline: data.byline,
      dateline: data.dateline,
      summary: data.summary,
      embargo: data.embargo,
      factcheck: data.factcheck
    }),
    title: data.title,
    date: data.date,
    slug,
    section: data.section,
    tags: data.tags,
    draft: data.draft,
    sources: data.sources.map((source) => withoutUndefined(source)),
    corrections: data.corrections,
    data: data.data,
    checks: data.checks.map((check, index): CheckSpec => ({ ...withoutUndefined(check), ...pointIn(yaml, ['checks', index]) })),
    asserts: data.asserts.map((entry, index): AssertSpec => ({ ...entry, ...pointIn(yaml, ['asserts', index]) }))
  }
  const url = expandPermalink(settings.permalink, frontmatter, settings.timezone)
  return { file, problems, article: { file, frontmatter, markdown: split.markdown, url } }
}

type Split = { yaml: string; markdown: string } | { problem: Problem }

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
  return { yaml: parsed.matter.replace(/^\r?\n/, '').replace(/\r$/, ''), markdown }
}

function unknownKeyWarnings(raw: object, yaml: ParsedYaml): Problem[] {
  const known = new Set<string>(frontmatterKeys)
  const problems: Problem[] = []
  for (const key of Object.keys(raw)) {
    // A misspelt checking key is already an error of the schema's (frontmatter-schema.ts).
    if (known.has(key) || misspeltCheckingKey(key) !== undefined) continue
    const point = yaml.pointOf([key], { key: true })
    problems.push({
      severity: 'warning',
      line: point.line + frontmatterOrigin.lineOffset,
      column: point.column,
      rule: 'frontmatter',
      message: `unknown key "${key}"${didYouMean(key, frontmatterKeys)}`
    })
  }
  return problems
}

/** An unknown tag such as `!!js/function` is read as plain text; the editor should know. */
function yamlWarnings(yaml: ParsedYaml): Problem[] {
  return yaml.warnings.map((warning) => ({
    severity: 'warning',
    line: warning.point.line + frontmatterOrigin.lineOffset,
    column: warning.point.column,
    rule: 'frontmatter',
    message: `${warning.message}; the value is read as plain text`
  }))
}

function pointIn(yaml: ParsedYaml, path: (string | number)[]): { line: number; column: number } {
  const point = yaml.pointOf(path)
  return { line: point.line + frontmatterOrigin.lineOffset, column: point.column }
}

/** Drops keys whose value is undefined, as `exactOptionalPropertyTypes` requires. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
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
