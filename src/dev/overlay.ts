/**
 * The problem overlay of the dev server (SPEC 7: "shows failing checks in the page"). When a
 * build fails, every served page carries a panel listing each problem in the same
 * `file:line:column  severity  message  rule` form the terminal prints, so an editor can jump to
 * the line, and under the list what each rule named is about and what to do, from the catalogue
 * in `src/rules.ts`, once per rule. The panel sits at the bottom of the window and leaves the page
 * above it readable, because the page itself shows the flagged figures. It is dev-server only:
 * built files never contain it.
 */
import { count } from '../report/summary-line.js'
import { escapeControls } from '../report/terminal-safe.js'
import { rules, rulesIn } from '../rules.js'
import { overlayStatus } from './rebuild-status.js'
import type { RuleId } from '../rules.js'
import type { Problem, Report } from '../types.js'

/** A problem with the site-relative file it is in. */
export interface LocatedProblem extends Problem {
  file: string
  /** The article whose report entry holds it (the same as `file` unless it is in a data file). */
  article?: string
  /** For a figure's problem in the headline or the summary: that part (SPEC 5). */
  part?: 'title' | 'summary'
}

/** What the overlay calls the parts of an article that are not its body. */
const partNames = { title: 'headline', summary: 'summary' } as const

/** Id of the overlay element; the live-reload client wires its close button by id. */
export const overlayId = 'factdesk-overlay'

/** Id of the overlay's close button. */
export const overlayCloseId = 'factdesk-overlay-close'

/** Id of the panel of suggested checks shown on its own when the build passed, and its button. */
export const suggestionsPanelId = 'factdesk-suggestions'
export const suggestionsCloseId = 'factdesk-suggestions-close'

/** Every problem of a report with its file: the problem's own, else its report entry's. */
export function problemsOf(report: Report): LocatedProblem[] {
  // A rebuild that changed no entry keeps its report (`keptReport`): so are its problems.
  const known = located.get(report)
  if (known !== undefined) return known
  const found: LocatedProblem[] = []
  for (const entry of report.articles) {
    // Most entries of a large site have no problem: their figures are not looked at.
    if (entry.problems.length === 0) continue
    // A figure's problem is at the figure: its position tells whether it is in the headline.
    const parts = new Map<string, 'title' | 'summary'>()
    for (const figure of entry.figures)
      if (figure.in !== 'body') parts.set(`${figure.line}:${figure.column}`, figure.in)
    for (const problem of entry.problems) {
      const one: LocatedProblem = {
        ...problem,
        file: problem.file ?? entry.file,
        article: entry.file
      }
      const part =
        problem.file === undefined ? parts.get(`${problem.line}:${problem.column}`) : undefined
      if (part !== undefined) one.part = part
      found.push(one)
    }
  }
  located.set(report, found)
  return found
}

/** The problems of each report seen, by report. */
const located = new WeakMap<Report, LocatedProblem[]>()

/**
 * One problem as the terminal prints it: `file:line:column  severity  message  rule`, with
 * control characters from content escaped as the terminal report shows them.
 */
export function problemLine(problem: LocatedProblem): string {
  return escapeControls(
    `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.message}  ${problem.rule}`
  )
}

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character)
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** The page an overlay is shown on, when it is an article's. */
export interface OverlayPage {
  /** The article the page is made from (`content/...md`). */
  article: string
  /** The page is the last good one of an article that no longer builds (issue 18, item 3). */
  kept: boolean
}

/**
 * The overlay for a build that exited with `exit` and found `problems`; empty when the build
 * passed, so that the reload after a fix clears it. Errors come first; warnings (unchecked
 * figures are warnings, and a sample site has dozens) fold away under a count, so that the one
 * error that stops the build is never buried. On an article's page, that article's problems
 * come first, under their own heading: they are the ones the editor looking at it came to fix.
 * `suggestions` (suggest-overlay.ts) closes the panel; when the build passed it is the whole
 * panel, since unchecked figures are only warnings then.
 */
export function renderOverlay(
  exit: number,
  problems: readonly LocatedProblem[],
  page?: OverlayPage,
  suggestions = ''
): string {
  if (exit === 0) return suggestions === '' ? '' : suggestionsOnly(suggestions)
  const ordered = page === undefined ? problems : thisPageFirst(problems, page.article)
  const errors = ordered.filter((problem) => problem.severity === 'error')
  const warnings = ordered.filter((problem) => problem.severity !== 'error')
  const own = page === undefined ? [] : errors.filter((problem) => isOn(problem, page.article))
  const heading =
    exit === 1 ? 'factdesk: a fact check failed' : 'factdesk: the build has input errors'
  // A rule's hint sits with the first list that names it: the warnings' fold repeats none of the
  // errors' hints, and hides its own with its warnings.
  const errorRules = rulesIn(errors)
  const warningRules = rulesIn(warnings).filter((id) => !errorRules.includes(id))
  const warningList =
    warnings.length === 0
      ? ''
      : `<details><summary>${count(warnings.length, 'warning')}</summary>${list(warnings)}${hints(warningRules)}</details>`
  return (
    `<div id="${overlayId}" role="dialog" aria-modal="false" aria-labelledby="${overlayId}-title">` +
    `<style>${overlayStyle}</style>` +
    `<div class="fd-overlay-head">` +
    `<h2 id="${overlayId}-title">${escapeHtml(heading)} (${count(errors.length, 'error')})</h2>` +
    `<button type="button" id="${overlayCloseId}" aria-label="Close the problem list">Close</button>` +
    `</div>` +
    overlayStatus() +
    `<p>${page?.kept === true ? keptNote(page.article) : liveNote} ` +
    `Fix each problem and save: open pages reload by themselves, and this list goes away when the build passes.</p>` +
    errorLists(errors, own, page) +
    hints(errorRules) +
    warningList +
    suggestions +
    `</div>`
  )
}

/**
 * The panel of a build that passed, with the suggested checks of the page's unchecked figures.
 * Not the problem overlay: no dialog, no red, and its own id, since the build has no problem.
 */
function suggestionsOnly(suggestions: string): string {
  return (
    `<aside id="${suggestionsPanelId}" aria-label="Suggested checks (factdesk)">` +
    `<style>${overlayStyle.replaceAll(`#${overlayId}`, `#${suggestionsPanelId}`)}</style>` +
    `<div class="fd-overlay-head">` +
    `<h2>factdesk: the build passed</h2>` +
    `<button type="button" id="${suggestionsCloseId}" aria-label="Close the suggested checks">Close</button>` +
    `</div>` +
    overlayStatus() +
    suggestions +
    `</aside>`
  )
}

const liveNote = 'The page still shows this build, with its flagged figures marked.'

function keptNote(article: string): string {
  return `This is the last good version of this page: <code>${escapeHtml(escapeControls(article))}</code> no longer builds.`
}

// With problems of its own, a page lists them under a heading of their own, the others after.
function errorLists(
  errors: readonly LocatedProblem[],
  own: readonly LocatedProblem[],
  page: OverlayPage | undefined
): string {
  if (page === undefined || own.length === 0) return list(errors)
  const others = errors.slice(own.length)
  const file = escapeHtml(escapeControls(page.article))
  return (
    `<h3>On this page, <code>${file}</code></h3>${list(own)}` +
    (others.length === 0
      ? ''
      : `<h3>Elsewhere (${count(others.length, 'error')})</h3>${list(others)}`)
  )
}

/** `problems` with those of `article` first, each group in its own order. */
function thisPageFirst(problems: readonly LocatedProblem[], article: string): LocatedProblem[] {
  return [
    ...problems.filter((problem) => isOn(problem, article)),
    ...problems.filter((problem) => !isOn(problem, article))
  ]
}

function isOn(problem: LocatedProblem, article: string): boolean {
  return (problem.article ?? problem.file) === article
}

function list(problems: readonly LocatedProblem[]): string {
  const items = problems
    .map(
      (problem) => `<li>${partLabel(problem)}<code>${escapeHtml(problemLine(problem))}</code></li>`
    )
    .join('')
  return `<ol>${items}</ol>`
}

// Each rule's title and hint as a definition list, apart from the problem items: each item stays
// the terminal's line, ending with the rule id, for an editor or a test to read as it is.
function hints(ids: readonly RuleId[]): string {
  if (ids.length === 0) return ''
  const entries = ids
    .map(
      (id) =>
        `<dt><code>${escapeHtml(id)}</code>: ${escapeHtml(rules[id].title)}</dt>` +
        `<dd>${escapeHtml(rules[id].hint)}</dd>`
    )
    .join('')
  return `<dl>${entries}</dl>`
}

// A headline figure is the one most readers see: its problem says so before the line.
function partLabel(problem: LocatedProblem): string {
  if (problem.part === undefined) return ''
  return `<strong class="fd-overlay-part">In the ${partNames[problem.part]}:</strong> `
}

/** Scoped by id and set in full, so a site's own stylesheet cannot restyle or hide it. */
const overlayStyle = [
  `#${overlayId}{position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;`,
  'box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#1d1d1f;color:#f5f5f7;',
  'border-top:4px solid #d70015;font:14px/1.45 system-ui,sans-serif;text-align:left}',
  `#${overlayId} .fd-overlay-head{display:flex;gap:1rem;align-items:flex-start;justify-content:space-between}`,
  `#${overlayId} h2{margin:0 0 .5rem;font:600 1.05rem/1.3 system-ui,sans-serif;color:#fff}`,
  `#${overlayId} h3{margin:.75rem 0 .25rem;font:600 .95rem/1.3 system-ui,sans-serif;color:#fff}`,
  `#${overlayId} .fd-status{margin:0;font-weight:600;color:#f5e6b8}`,
  `#${overlayId} p{margin:0 0 .75rem;color:#d2d2d7}`,
  `#${overlayId} ol{margin:0 0 .75rem;padding-left:1.5rem}`,
  `#${overlayId} li{margin:.25rem 0}`,
  `#${overlayId} .fd-overlay-part{color:#fff;font-weight:600}`,
  `#${overlayId} dl{margin:0 0 .75rem}`,
  `#${overlayId} dt{margin:.25rem 0 0;color:#d2d2d7}`,
  `#${overlayId} dd{margin:0 0 0 1.5rem;color:#f5f5f7}`,
  `#${overlayId} code{white-space:pre-wrap;word-break:break-word;font:13px/1.45 ui-monospace,monospace;color:#ffd7d5}`,
  `#${overlayId} details code{color:#f5e6b8}`,
  `#${overlayId} summary{cursor:pointer;color:#f5e6b8}`,
  `#${overlayId} button{font:inherit;padding:.25rem .75rem;border:1px solid #f5f5f7;border-radius:4px;`,
  'background:transparent;color:#f5f5f7;cursor:pointer}',
  `#${overlayId} button:focus-visible{outline:2px solid #fff;outline-offset:2px}`,
  `#${suggestionsPanelId}{border-top-color:#0a7d32}`,
  `#${overlayId} .fd-suggest ul{margin:.25rem 0;padding-left:1.25rem}`,
  `#${overlayId} .fd-suggest-contradicted button{border-style:dashed;color:#ffd7d5}`
].join('')
