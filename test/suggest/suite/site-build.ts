/**
 * The builds the suggestion suite measures with: a site checked as `factdesk check` checks it
 * (nothing written, drafts in, a fixed clock far after every article so no embargo hides one),
 * then the same report with suggestions for every unchecked figure.
 */
import { existsSync } from 'node:fs'
import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { build } from '../../../src/build.js'
import { withSuggestions } from '../../../src/suggest/suggest-site.js'
import type { FigureResult, Report, Settings } from '../../../src/types.js'

/** A clock after every article of every corpus the suite reads. */
const now = DateTime.fromISO('2030-01-01T00:00:00Z')

/** The report and settings of a build of `root` that writes nothing. */
export async function checkSite(root: string): Promise<{ report: Report; settings: Settings }> {
  const built = await build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: true,
    now,
    write: false,
    search: false,
    variants: false
  })
  return { report: built.report, settings: built.settings }
}

/** The report of `root` with suggestions on its unchecked figures, and the seconds they took. */
export async function suggestSite(
  root: string
): Promise<{ report: Report; settings: Settings; suggestSeconds: number }> {
  const { report, settings } = await checkSite(root)
  const start = performance.now()
  const suggested = await withSuggestions(root, settings, report, { from: 'article' })
  return { report: suggested, settings, suggestSeconds: (performance.now() - start) / 1000 }
}

/** The folders of a site a check reads; the output and `node_modules` are left behind. */
const siteFolders = ['content', 'data', 'templates', 'public']

/** A copy of the site at `root` in a new temporary folder (the caller removes it). */
export async function copySite(root: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'factdesk-suggest-suite-'))
  for (const folder of siteFolders)
    if (existsSync(join(root, folder)))
      await cp(join(root, folder), join(copy, folder), { recursive: true })
  return copy
}

/** Where a figure is: its article and its 1-based line and column there. */
export function placeOf(file: string, figure: Pick<FigureResult, 'line' | 'column'>): string {
  return `${file}:${figure.line}:${figure.column}`
}

/** Each verified figure of `report` by its place: the figures whose check is known good. */
export function verifiedFigures(report: Report): Map<string, FigureResult> {
  const found = new Map<string, FigureResult>()
  for (const article of report.articles)
    for (const figure of article.figures)
      if (figure.status === 'verified' && figure.actual !== null && figure.expr !== null)
        found.set(placeOf(article.file, figure), figure)
  return found
}

/** Whether `a` and `b` are the same value, to a billionth of their size. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}
