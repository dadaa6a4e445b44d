/**
 * `factdesk rules` (SPEC 7): every problem rule of the catalogue, with its kind, title and hint.
 * The README's rule table is this command's `markdown` form, so the docs cannot drift from it.
 */
import { ruleIds, rules } from '../rules.js'

/** How the list is printed: a terminal table, JSON for tools, or the README's Markdown table. */
export type RulesFormat = 'text' | 'json' | 'markdown'

/** The catalogue in `format`, ending with a newline. */
export function listRules(format: RulesFormat): string {
  const entries = ruleIds.map((id) => ({ id, ...rules[id] }))
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`
  if (format === 'markdown') {
    const rows = entries.map(
      ({ id, kind, title, hint }) => `| \`${id}\` | ${kind} | ${cell(title)} | ${cell(hint)} |`
    )
    return `| rule | kind | what it is about | what to do |\n|---|---|---|---|\n${rows.join('\n')}\n`
  }
  const width = Math.max(...entries.map(({ id }) => id.length))
  const lines = entries.map(
    ({ id, kind, title, hint }) =>
      `${id.padEnd(width)}  ${kind.padEnd(10)}  ${title}\n${' '.repeat(width + 14)}${hint}`
  )
  return `${lines.join('\n')}\n`
}

/** Text made safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|')
}
