/**
 * The code frame under a problem in `--format text` (issue 18, item 5), as Babel and Astro print
 * one: the lines around `line:column` with the line numbers in a gutter and a caret under the
 * column, drawn by `@babel/code-frame`. The lines are the site's own text, so they are made safe
 * for a terminal first (see terminal-safe.ts), and cut around the column when a line is long (a
 * JSON data file may be one line of megabytes).
 */
import { codeFrameColumns } from '@babel/code-frame'
import { escapeControls } from './terminal-safe.js'

/** Lines shown above and below the problem's line. */
const linesAround = 2

/** The widest piece of a line a frame shows, in characters; longer lines are cut around the column. */
const maxWidth = 120

/** ANSI styles of the frame's gutter, marker and caret, when colour is on. */
const styles = {
  gutter: ['\u001B[90m', '\u001B[39m'],
  marker: ['\u001B[31m\u001B[1m', '\u001B[22m\u001B[39m']
}

/**
 * Line separators and the controls that reorder how a line is shown (a right-to-left override
 * makes the terminal show other text than the file holds): written as `\u{...}` like the
 * controls are written as `\xNN`.
 */
const invisibleLayout = /[\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

/** A file's text split into lines once, however many problems are framed in it. */
export type SourceLines = readonly string[]

/** `text` as the lines a frame is cut from; line breaks are `\n` or `\r\n`, as positions count them. */
export function sourceLines(text: string): SourceLines {
  return text.split(/\r?\n/)
}

/**
 * The frame of `line:column` (1-based) in `lines`, each row indented by two spaces, without a
 * final line break; undefined when the line is not in the file (it changed since it was read).
 */
export function codeFrame(
  lines: SourceLines,
  point: { line: number; column: number },
  options: { color: boolean }
): string | undefined {
  const target = lines[point.line - 1]
  if (target === undefined) return undefined
  const first = Math.max(1, point.line - linesAround)
  const last = Math.min(lines.length, point.line + linesAround)
  // Every line is cut at the same place, so that the lines around still line up with the caret.
  const from = cutStart(target, point.column)
  const shown: string[] = []
  for (let number = first; number <= last; number++)
    shown.push(piece(lines[number - 1] ?? '', from))
  // Each escape is wider than the character it stands for: the caret moves right with them.
  const before = `${from > 0 ? '…' : ''}${target.slice(from, Math.max(from, point.column - 1))}`
  const column = terminalSafe(before).length + 1
  // Empty lines stand for the lines above the window, which the frame never shows: the numbers
  // come out right without handing the library the whole file (nor an option its types lack).
  const frame = codeFrameColumns(
    '\n'.repeat(first - 1) + shown.map(terminalSafe).join('\n'),
    { start: { line: point.line, column } },
    { linesAbove: linesAround, linesBelow: linesAround }
  )
  return frame
    .split('\n')
    .map((row) => `  ${options.color ? colored(row) : row}`)
    .join('\n')
}

/** Where lines are cut so that `column` of `line` is shown, away from the cut: 0 for a short line. */
function cutStart(line: string, column: number): number {
  if (line.length <= maxWidth) return 0
  return Math.max(0, Math.min(column - 1 - maxWidth / 2, line.length - maxWidth))
}

/** `maxWidth` characters of `line` from `from`, with `…` where it was cut. */
function piece(line: string, from: number): string {
  if (from === 0 && line.length <= maxWidth) return line
  const prefix = from > 0 && line.length > from ? '…' : ''
  const suffix = from + maxWidth < line.length ? '…' : ''
  return `${prefix}${line.slice(from, from + maxWidth)}${suffix}`
}

function terminalSafe(text: string): string {
  return escapeControls(text).replace(
    invisibleLayout,
    (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`
  )
}

// The library colours by highlighting the code as JavaScript, which Markdown and YAML are not:
// the frame is drawn plain, and only its gutter, marker and caret are coloured here.
function colored(row: string): string {
  const bar = row.indexOf('|')
  if (bar === -1) return row
  const gutter = row.slice(0, bar + 1)
  const rest = row.slice(bar + 1)
  const marked = gutter.startsWith('>')
    ? `${styles.marker[0]}>${styles.marker[1]}${styles.gutter[0]}${gutter.slice(1)}${styles.gutter[1]}`
    : `${styles.gutter[0]}${gutter}${styles.gutter[1]}`
  // The caret row holds nothing of the file: spaces (or tabs) and carets only.
  const caret = /^[ \t]*\^+$/.test(rest)
    ? rest.replace(/\^+/, (carets) => `${styles.marker[0]}${carets}${styles.marker[1]}`)
    : rest
  return `${marked}${caret}`
}
