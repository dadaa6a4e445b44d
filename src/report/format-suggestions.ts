/**
 * The suggested checks of `--suggest` (issue 20) as the terminal shows them: for each unchecked
 * figure, by file and position, its candidates best first, each with what it computes, the value
 * and the verdict it would give, and the `checks:` entry ready to paste (written by the YAML
 * library, so its quoting is right whatever the figure holds). A candidate that contradicts is
 * the closest reading of a figure nothing verifies: said so, as a likely error in the copy.
 */
import { stringify } from 'yaml'
import { formatValue } from '../checks/format-value.js'
import type { FigureResult, Report, Suggestion } from '../types.js'
import { escapeControls } from './terminal-safe.js'

/** The block of suggestions for every unchecked figure of `report`; empty when there is none. */
export function formatSuggestions(report: Report): string {
  const blocks: string[] = []
  let figures = 0
  let found = 0
  for (const entry of report.articles) {
    const unchecked = entry.figures.filter((figure) => figure.suggestions !== undefined)
    if (unchecked.length === 0) continue
    figures += unchecked.length
    found += unchecked.filter((figure) => (figure.suggestions ?? []).length > 0).length
    blocks.push([escapeControls(entry.file), ...unchecked.map(figureBlock)].join('\n'))
  }
  if (figures === 0) return ''
  const head =
    "suggested checks: paste one under checks: in the article's frontmatter. A suggestion is\n" +
    'data that agrees with the text, not yet a check: add it only if it means what the copy says.\n'
  const tally = `${found} of ${figures} unchecked ${figures === 1 ? 'figure has' : 'figures have'} a suggestion\n`
  return `${head}\n${blocks.join('\n\n')}\n\n${tally}`
}

function figureBlock(figure: FigureResult): string {
  const at = `  ${figure.line}:${figure.column}  "${escapeControls(figure.text)}"`
  const suggestions = figure.suggestions ?? []
  if (suggestions.length === 0) return `${at}  no candidate in its data: bind it by hand`
  const closest = suggestions[0]?.status === 'contradicted'
  const lines = suggestions.map((suggestion, index) =>
    suggestionLines(figure, suggestion, closest ? 'closest:' : `${index + 1}.`)
  )
  return [at, ...lines].join('\n')
}

function suggestionLines(figure: FigureResult, suggestion: Suggestion, label: string): string {
  const value = formatValue(suggestion.actual, figure.unit)
  const verdict =
    suggestion.status === 'verified' ? 'verifies it' : 'would contradict it: is the figure wrong?'
  const said = suggestion.explanation === '' ? suggestion.expr : suggestion.explanation
  // The figure in double quotes as the SPEC writes it; the expression as YAML needs it (plain
  // unless it holds what a plain scalar cannot).
  const yaml = [
    `- figure: ${JSON.stringify(figure.text)}`,
    ...(suggestion.occurrence === undefined ? [] : [`  occurrence: ${suggestion.occurrence}`]),
    `  expr: ${stringify(suggestion.expr, { lineWidth: 0 }).trimEnd()}`
  ].join('\n')
  const data =
    suggestion.data === undefined
      ? []
      : [
          `       and under data:`,
          ...Object.entries(suggestion.data).map(([alias, path]) => `         ${alias}: ${path}`)
        ]
  return [
    `    ${label} ${escapeControls(said)}  (${value}; ${verdict})`,
    ...yaml.split('\n').map((line) => `       ${escapeControls(line)}`),
    ...data.map((line) => escapeControls(line))
  ].join('\n')
}
