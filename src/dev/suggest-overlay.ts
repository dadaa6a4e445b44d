/**
 * Suggested checks in the dev overlay (issue 20, item 4): for the article on screen, each
 * unchecked figure with the checks the build found for it, each with what it computes, the
 * verdict it would give, its expression, and an "Add this check" button that has the dev server
 * write it into the frontmatter. A suggestion that would contradict the figure is the closest
 * the data came, not a fix: it is listed after those that verify, said to contradict, and its
 * button says so, because adding it turns a warning into a failed check.
 */
import { count } from '../report/summary-line.js'
import { escapeControls } from '../report/terminal-safe.js'
import { escapeHtml } from './overlay.js'
import type { FigureResult, ReportArticle, Suggestion } from '../types.js'

/** Attribute that marks an "Add this check" button; the live-reload client finds them by it. */
export const addCheckAttribute = 'data-fd-add-check'

/** Id of the line where the client says what became of a press. */
export const addCheckStatusId = 'factdesk-add-check-status'

/** The unchecked figures of `article` that have suggestions, in the order the report lists them. */
export function suggestedFigures(article: ReportArticle | undefined): FigureResult[] {
  return (article?.figures ?? []).filter(
    (figure) => figure.status === 'unchecked' && (figure.suggestions?.length ?? 0) > 0
  )
}

/**
 * The overlay section for `article`, folded under a count so that the page stays readable; empty
 * when no unchecked figure of it has a suggestion.
 */
export function renderSuggestions(article: ReportArticle | undefined): string {
  const figures = suggestedFigures(article)
  if (article === undefined || figures.length === 0) return ''
  const items = figures.map((figure) => figureItem(article.file, figure)).join('')
  return (
    `<details class="fd-suggest"><summary>Suggested checks: ` +
    `${count(figures.length, 'unchecked figure')} on this page</summary>` +
    `<p>Each was computed from the article's data; adding one writes it under <code>checks:</code> ` +
    `in <code>${text(article.file)}</code>, and the page reloads with the figure checked.</p>` +
    `<ol>${items}</ol>` +
    `<p id="${addCheckStatusId}" role="status" aria-live="polite"></p>` +
    `</details>`
  )
}

function figureItem(file: string, figure: FigureResult): string {
  // Those that verify first: the first button on offer is never one that fails the build.
  const ordered = [...(figure.suggestions ?? [])].sort(
    (a, b) => Number(a.status === 'contradicted') - Number(b.status === 'contradicted')
  )
  const choices = ordered.map((suggestion) => choice(file, figure, suggestion)).join('')
  return (
    `<li><strong>“${text(figure.text)}”</strong> <span class="fd-suggest-where">line ${figure.line}</span>` +
    `<ul>${choices}</ul></li>`
  )
}

function choice(file: string, figure: FigureResult, suggestion: Suggestion): string {
  const contradicts = suggestion.status === 'contradicted'
  const what = contradicts
    ? `closest: ${text(suggestion.explanation)} — would contradict`
    : `${text(suggestion.explanation)} — would verify`
  const label = contradicts ? 'Add this check anyway (it would contradict)' : 'Add this check'
  const data = [
    `${addCheckAttribute}=""`,
    // As they are, not as shown: the server matches them with the report's own.
    `data-file="${escapeHtml(file)}"`,
    `data-figure="${escapeHtml(figure.text)}"`,
    `data-expr="${escapeHtml(suggestion.expr)}"`,
    suggestion.occurrence === undefined ? '' : `data-occurrence="${suggestion.occurrence}"`
  ]
  return (
    `<li class="fd-suggest-${suggestion.status}">${what} <code>${text(suggestion.expr)}</code> ` +
    `<button type="button" ${data.filter((part) => part !== '').join(' ')}>${label}</button></li>`
  )
}

/** Text shown in the page: control characters as the terminal shows them, then escaped. */
function text(value: string): string {
  return escapeHtml(escapeControls(value))
}
