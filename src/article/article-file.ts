/**
 * One article, one file: the VFile that carries an article from its bytes to its page. Loading
 * sets its Markdown and `data.frontmatter`/`data.url`; the article processor adds the fact check
 * and the body HTML; problems are messages on it, made where they are found. What each stage adds
 * is typed here, as remark-parse types unified's data, so a new field is declared once.
 */
import { VFile } from 'vfile'
import type { ProsePlaces } from '../content/prose-places.js'
import { rules } from '../rules.js'
import type { RuleId } from '../rules.js'
import type {
  AssertResult,
  FactcheckMode,
  Figure,
  FigureMark,
  FigureResult,
  Frontmatter,
  PanelEntry,
  Problem,
  Prose,
  Severity
} from '../types.js'

declare module 'vfile' {
  interface DataMap {
    /** Validated frontmatter (SPEC 4), set by loading when it is usable. */
    frontmatter: Frontmatter
    /** Site-relative URL path without `base`, e.g. `/2025/11/04/slug/`. */
    url: string
    /** Where the headline and summary were written in the file, for their figures' positions. */
    places: ProsePlaces
    /** The fact-check mode the article was checked in (SPEC 6). */
    mode: FactcheckMode
    /** The lead: `summary`, or the first paragraph's plain text. */
    lead: string
    /** Every figure of the body with its verdict, in document order (SPEC 7). */
    figures: FigureResult[]
    asserts: AssertResult[]
    /** The fact-check panel of the brief, one entry per check (SPEC 8). */
    panel: PanelEntry[]
    /** Sanitized body HTML with every figure marked by status. */
    bodyHtml: string
    /** The headline as HTML, its figures marked by status like the body's. */
    headlineHtml: string
    /**
     * Between plugins only: the article's prose (title, summary, body, `article-prose.ts`), the
     * body's alone, the figures found in it, and their marks.
     */
    prose: Prose
    bodyProse: Prose
    found: Figure[]
    marks: FigureMark[]
  }
}

/** An article's file. Its `path` is site-relative (`content/2025/11/04/x.md`). */
export type ArticleFile = VFile

/** What loading sets on a file that loaded. */
export type LoadedData = Pick<Required<VFile['data']>, 'frontmatter' | 'url' | 'places'>

/** What the article processor adds to a loaded file. */
export type CheckedData = Pick<
  Required<VFile['data']>,
  'mode' | 'lead' | 'figures' | 'asserts' | 'panel' | 'bodyHtml' | 'headlineHtml'
>

/** A file that loaded: its frontmatter and URL are there. */
export type LoadedFile = ArticleFile & { data: LoadedData }

/** A file the processor ran on: everything downstream reads is there. */
export type CheckedFile = ArticleFile & { data: LoadedData & CheckedData }

/** A new article file at site-relative `path`, holding `value` when given. */
export function articleFile(path: string, value?: string): ArticleFile {
  // `cwd` is given so that VFile does not ask the process for it once per article.
  return new VFile(value === undefined ? { path, cwd: '/' } : { path, cwd: '/', value })
}

/** Where a message is: a point of the file, or the whole file (1:1). */
export interface Place {
  line: number
  column: number
}

/**
 * Adds a problem of `rule` to `file` where it was found. `severity` is the rule's outcome here:
 * a fact-check rule is an error or a warning by the article's mode (SPEC 6). `inFile` names
 * another site file the position is in (a data file, a template).
 */
export function report(
  file: VFile,
  rule: RuleId,
  reason: string,
  place: Place = { line: 1, column: 1 },
  severity: Severity = 'error',
  inFile?: string
): void {
  // vfile-message replaces the stack V8 captures in its `super()` with '' at once: not capturing
  // it saves the walk and its memory for every problem (a site of 40,000 articles has 250,000).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: ReturnType<VFile['message']>
  try {
    message = file.message(reason, { place, ruleId: rule, source: 'factdesk' })
  } finally {
    Error.stackTraceLimit = limit
  }
  message.fatal = severity === 'error'
  // The rule's hint travels with the message, for reporters that show one (the dev overlay).
  message.note = rules[rule].hint
  if (inFile !== undefined) message.file = inFile
}

/** Adds problems found as values (by a pure helper) to `file`, as its messages. */
export function reportAll(file: VFile, problems: readonly Problem[]): void {
  for (const problem of problems)
    report(
      file,
      problem.rule,
      problem.message,
      { line: problem.line, column: problem.column },
      problem.severity,
      problem.file
    )
}

/**
 * Orders the messages of `file` from index `start` on by position, keeping the order they were
 * found in between messages at the same place (as the report lists a stage's problems).
 */
export function sortMessagesFrom(file: VFile, start: number): void {
  const sorted = file.messages
    .slice(start)
    .sort((a, b) => (a.line ?? 1) - (b.line ?? 1) || (a.column ?? 1) - (b.column ?? 1))
  file.messages.splice(start, sorted.length, ...sorted)
}

/** The problems of `file` as the report shows them (SPEC 7), in the order they were found. */
export function problemsOf(file: VFile): Problem[] {
  return file.messages.map((message): Problem => {
    const problem: Problem = {
      severity: message.fatal === true ? 'error' : 'warning',
      line: message.line ?? 1,
      column: message.column ?? 1,
      rule: message.ruleId as RuleId,
      message: message.reason
    }
    if (message.file && message.file !== file.path) problem.file = message.file
    return problem
  })
}

/** Whether any problem of `file` fails the build. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/** Whether `file` loaded: its frontmatter and URL are set. */
export function isLoaded(file: ArticleFile): file is LoadedFile {
  return file.data.frontmatter !== undefined && file.data.url !== undefined
}
