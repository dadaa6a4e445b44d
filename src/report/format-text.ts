/**
 * `--format text` (SPEC 7), the default: problems as the unified ecosystem's reporters print them
 * (vfile-reporter: grouped by file, aligned columns), each line reading
 * `file:line:column  severity  message  rule`, then the summary line.
 */
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import type { Report } from '../types.js'
import { summaryLine } from './summary-line.js'

/** How to print. */
export interface TextOptions {
  /** ANSI colours, for a terminal. */
  color: boolean
  /** Errors only: warnings are left out of the listing (the summary still counts them). */
  quiet: boolean
}

/** The report as text: problems grouped by file, then the summary line; ends with a newline. */
export function formatText(report: Report, options: TextOptions): string {
  const files = new Map<string, VFile>()
  let shown = 0

  for (const entry of report.articles) {
    for (const problem of entry.problems) {
      // Quiet lists errors only; a big site's tens of thousands of warnings need no message each.
      if (options.quiet && problem.severity !== 'error') continue
      const path = problem.file ?? entry.file
      let file = files.get(path)
      if (file === undefined) {
        file = new VFile({ path })
        files.set(path, file)
      }
      // One line per problem: the reporter prints anything after a line break unaligned. The
      // reporter pads columns to one space and the SPEC's lines have two: the spaces around the
      // reason widen the columns on both sides of it.
      const reason = ` ${problem.message.replace(/\s*[\r\n]+\s*/g, ' ')} `
      const message = file.message(reason, {
        place: { line: problem.line, column: problem.column },
        ruleId: problem.rule
      })
      message.fatal = problem.severity === 'error'
      shown++
    }
  }

  const summary = summaryLine(report.summary)
  if (shown === 0) return `${summary}\n`

  const listing = reporter([...files.values()], {
    color: options.color,
    quiet: true,
    silent: options.quiet
  })
  return `${withFileOnEachLine(withoutByline(listing))}\n\n${summary}\n`
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
