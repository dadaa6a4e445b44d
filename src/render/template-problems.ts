/**
 * Handlebars errors as positioned `template-error` problems (SPEC 7, 9): a broken template is
 * reported at its line and column with what to fix, never as a stack trace.
 */
import type { SiteProblem } from '../types.js'
import { renderPlaceOf } from './render-trace.js'

/** Parse errors look like `Parse error on line 3:\n<context>\n----^\nExpecting 'ID', got 'CLOSE'`. */
const parseErrorHead = /^Parse error on line (\d+):$/

/** Block mismatches look like `if doesn't match each - 2:3`. */
const blockMismatch = /^(\S+) doesn't match (\S+)/

/**
 * The problem for an error thrown while compiling or rendering `file`. `source`, when given, is
 * the template text, used to turn the parser's context excerpt into an exact column.
 */
export function templateProblem(
  error: unknown,
  source: string | undefined,
  file: string
): SiteProblem {
  const message = error instanceof Error ? error.message : String(error)
  const lines = message.split('\n')
  const head = parseErrorHead.exec(lines[0] ?? '')
  if (head !== null) {
    const line = Number(head[1])
    const unclosed =
      source !== undefined && (lines[3] ?? '').endsWith("got 'EOF'")
        ? unclosedOpening(source)
        : undefined
    if (unclosed !== undefined) {
      return problem(file, unclosed, 'this {{ is never closed: end the expression with }}')
    }
    const place =
      source === undefined
        ? undefined
        : locateParseError(source, line, lines[1] ?? '', lines[2] ?? '')
    return problem(file, place ?? { line, column: 1 }, describeParseError(lines[3] ?? ''))
  }
  const place = handlebarsPlace(error) ?? { line: 1, column: 1 }
  const mismatch = blockMismatch.exec(message)
  if (mismatch !== null) {
    const [, opened = '', closed = ''] = mismatch
    return problem(
      file,
      place,
      `block {{#${opened}}} is closed by {{/${closed}}}: close it with {{/${opened}}}`
    )
  }
  return problem(
    file,
    place,
    `template failed: ${lines[0] ?? message}; fix the template or restore the project default`
  )
}

/**
 * The problem for an error thrown while rendering: at the template or partial, and the line, it
 * happened in when `renderTraced` recorded them, else at `file` (the template rendered).
 */
export function renderProblem(error: unknown, file: string): SiteProblem {
  const place = renderPlaceOf(error)
  const problem = templateProblem(error, undefined, place?.file ?? file)
  const message = runtimeMessage(error) ?? problem.message
  if (place?.line === undefined) return { ...problem, message }
  return { ...problem, message, line: place.line, column: place.column ?? 1 }
}

/** What the runtime errors a site's template can meet mean, in an editor's words. */
function runtimeMessage(error: unknown): string | undefined {
  if (error instanceof RangeError)
    return 'template failed: it never stops calling itself (a partial that includes itself?)'
  const message = error instanceof Error ? error.message : ''
  const partial = /^The partial (\S+) could not be found/.exec(message)?.[1]
  if (partial !== undefined)
    return `template failed: there is no partial "${partial}"; add templates/partials/${partial}.hbs or fix the name`
  const helper = /^Missing helper: "([^"]*)"/.exec(message)?.[1]
  if (helper !== undefined)
    return `template failed: there is no helper "${helper}"; templates can use Handlebars' built-in helpers only`
  return undefined
}

/** Builds the problem itself. */
function problem(
  file: string,
  place: { line: number; column: number },
  message: string
): SiteProblem {
  return {
    severity: 'error',
    line: place.line,
    column: place.column,
    rule: 'template-error',
    message,
    file
  }
}

/**
 * Where the parser stopped. Its excerpt shows up to 20 characters before the failing token with
 * line breaks removed, a caret under the token, and up to 20 characters from it; the position in
 * `source` whose surroundings print the same excerpt is the error, preferring the reported line.
 */
function locateParseError(
  source: string,
  line: number,
  excerpt: string,
  caretLine: string
): { line: number; column: number } | undefined {
  const caret = caretLine.indexOf('^')
  if (caret < 0) return undefined
  const before = excerpt.slice(0, caret)
  const after = excerpt.slice(caret).replace(/\.\.\.$/, '')
  let fallback: { line: number; column: number } | undefined
  for (let offset = 0; offset <= source.length; offset++) {
    const past = source.slice(0, offset)
    const shown = (past.length > 20 ? '...' : '') + past.slice(-20).replace(/\n/g, '')
    if (
      shown !== before ||
      !source
        .slice(offset, offset + 20)
        .replace(/\n/g, '')
        .startsWith(after.slice(0, 10))
    ) {
      continue
    }
    const place = positionOf(source, offset)
    if (place.line === line) return place
    fallback ??= place
  }
  return fallback
}

/**
 * Where the last `{{` without a `}}` after it opens. The parser only notices the end of the file,
 * which is not where the editor has to look.
 */
function unclosedOpening(source: string): { line: number; column: number } | undefined {
  const opening = source.lastIndexOf('{{')
  if (opening < 0 || source.includes('}}', opening)) return undefined
  return positionOf(source, opening)
}

/** 1-based line and column of an offset. */
function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}

/** `Expecting 'ID', 'STRING', got 'CLOSE'` in words an editor of templates can act on. */
function describeParseError(expectation: string): string {
  const got = /got '([^']+)'/.exec(expectation)?.[1]
  const found = got === undefined ? 'something unexpected' : (tokenWords[got] ?? got)
  const wanted = [...expectation.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '').slice(0, -1)
  const hint = wanted.includes('CLOSE')
    ? 'close the expression with }}'
    : 'check the {{ }} expression here'
  return `template does not parse: found ${found}; ${hint}`
}

/** Names of the parser's tokens, as an editor would call them. */
const tokenWords: Record<string, string> = {
  INVALID: 'a character that cannot stand here',
  EOF: 'the end of the file',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  OPEN: '{{',
  EQUALS: '=',
  ID: 'a name'
}

/** Handlebars' own position on an `Exception` (1-based line, 0-based column), when it has one. */
function handlebarsPlace(error: unknown): { line: number; column: number } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  if (!('lineNumber' in error) || !('column' in error)) return undefined
  const { lineNumber, column } = error
  if (typeof lineNumber !== 'number' || typeof column !== 'number') return undefined
  return { line: lineNumber, column: column + 1 }
}
