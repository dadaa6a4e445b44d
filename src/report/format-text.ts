/**
 * `--format text` (SPEC 7), the default: problems as the unified ecosystem's reporters print them
 * (vfile-reporter: grouped by file, aligned columns), each line reading
 * `file:line:column  severity  message  rule`, with the code frame of its position under it when
 * the site's files can be read (issue 18); then a line for each rule with more warnings than are
 * worth listing (`fold-warnings.ts`); then what to do about each rule listed (its hint from the
 * catalogue, once per rule), then the summary line.
 */
import type { VFile } from 'vfile'
import { rules, rulesIn } from '../rules.js'
import type { Problem, Report } from '../types.js'
import { foldLine, foldWarnings } from './fold-warnings.js'
import type { ListedProblem } from './fold-warnings.js'
import { problemFrames } from './problem-frames.js'
import { summaryLine } from './summary-line.js'
import { escapeControls } from './terminal-safe.js'

/** How to print. */
export interface TextOptions {
  /** ANSI colours, for a terminal. */
  color: boolean
  /**
   * Errors only: warnings are left out of the listing (the summary still counts them), and so are
   * the rules' hints, which a quiet CI log can look up with `factdesk rules`.
   */
  quiet: boolean
  /**
   * The site root the report's files are relative to: a problem's code frame is read from there.
   * Default: none, and no frames (a report read back from `factcheck.json` has no site at hand).
   */
  root?: string
}

/**
 * The report as text: problems grouped by file, then the hint of each rule they name, then the
 * summary line; ends with a newline.
 */
export async function formatText(report: Report, options: TextOptions): Promise<string> {
  // Quiet lists errors only; a big site's tens of thousands of warnings need no message each.
  const all = report.articles.flatMap((entry) =>
    entry.problems
      .filter((problem) => !options.quiet || problem.severity === 'error')
      .map((problem): ListedProblem => ({ problem, file: problem.file ?? entry.file }))
  )
  const summary = summaryLine(report.summary)
  if (all.length === 0) return `${summary}\n`

  const { listed, folds } = foldWarnings(all)
  // Loaded only when there is something to list: a clean build never pays for the reporter.
  const [{ VFile }, { reporter }, frames] = await Promise.all([
    import('vfile'),
    import('vfile-reporter'),
    options.root === undefined
      ? new Map<ListedProblem, string>()
      : problemFrames(listed, options.root, { color: options.color })
  ])
  const files = new Map<string, VFile>()
  for (const item of listed) {
    // File names come from the site too: a name can hold an escape sequence as well as a title.
    const path = escapeControls(item.file)
    let file = files.get(path)
    if (file === undefined) {
      file = new VFile({ path })
      files.set(path, file)
    }
    addMessage(file, item.problem, frames.get(item))
  }
  const listing = reporter([...files.values()], {
    color: options.color,
    quiet: true,
    silent: options.quiet
  })
  // Its own block, rows not starting with a position, so no log matcher takes one for a problem.
  const folded = folds.length === 0 ? '' : `${folds.map(foldLine).join('\n')}\n\n`
  const hints = options.quiet ? '' : ruleHints(listed.map(({ problem }) => problem))
  return `${withFileOnEachLine(withoutByline(listing))}\n\n${folded}${hints}${summary}\n`
}

// The hint of each rule listed, once, as a block of its own ending in a blank line: a site with
// forty unchecked figures says what to do about them once, not forty times. Its rows start with
// spaces, so none reads as a `file:line:column` problem line to an editor or a CI log matcher.
function ruleHints(problems: readonly Problem[]): string {
  const listed = rulesIn(problems)
  if (listed.length === 0) return ''
  const width = Math.max(...listed.map((id) => id.length))
  const rows = listed.map((id) => `  ${id.padEnd(width)}  ${rules[id].hint}`)
  return `what to do:\n${rows.join('\n')}\n\n`
}

function addMessage(file: VFile, problem: Problem, frame: string | undefined): void {
  // One line per problem: the reporter prints anything after a line break unaligned. The
  // reporter pads columns to one space and the SPEC's lines have two: the spaces around the
  // reason widen the columns on both sides of it. Control characters from content are shown
  // escaped, never sent to the terminal (see terminal-safe.ts).
  const reason = ` ${escapeControls(problem.message.replace(/\s*[\r\n]+\s*/g, ' '))} `
  const message = file.message(reason, {
    place: { line: problem.line, column: problem.column },
    ruleId: escapeControls(problem.rule)
  })
  message.fatal = problem.severity === 'error'
  // The reporter prints what follows the first line of a message's stack under its row, as is:
  // the frame goes there, already indented, so it never reads as a problem line of its own.
  if (frame !== undefined) message.stack = `${reason}\n${frame}`
}

// The reporter closes with its own tally (`✖ 1 error, ⚠ 2 warnings`) after a blank line; the
// summary line says the same and more, so one tally is enough.
function withoutByline(listing: string): string {
  const end = listing.lastIndexOf('\n\n')
  return end === -1 ? listing : listing.slice(0, end)
}

// The reporter writes the file once, as a group header, and `line:column` on each row; the SPEC's
// line form carries the file too, so a line copied from a log still says where to look.
function withFileOnEachLine(listing: string): string {
  let path = ''
  let header = true
  return listing
    .split('\n')
    .map((line) => {
      if (line === '') {
        header = true
        return line
      }
      if (header) {
        header = false
        path = stripAnsi(line)
        return line
      }
      // Every row's position cell is padded to the same width, so one more space keeps the
      // columns aligned and makes the gap after the position two spaces wide too.
      return line.replace(/^(\d+:\d+ +)/, `${path}:$1 `)
    })
    .join('\n')
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[\d+m/g, '')
}
