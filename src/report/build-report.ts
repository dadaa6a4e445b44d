/**
 * Builds the JSON report (SPEC 7) from the checked files: per-file results and the summary
 * counts every format prints, the exit status included.
 */
import type { Problem, Report, ReportArticle } from '../types.js'
import { exitStatus } from './exit-status.js'
import { shapeArticle } from './report-shape.js'

/**
 * Builds the report. Entries are articles, or other files with problems (`data/site.yaml`, a data
 * file, a template): those have `slug: ''`, which no article can have, since a slug must match
 * `[a-z0-9]+(-[a-z0-9]+)*` (SPEC 4); they count their problems but not as articles.
 *
 * A problem whose `file` names another file than its entry (a template error found while rendering
 * an article) moves to that file's entry, created with `slug: ''` when missing, so that every
 * problem sits under the file its line and column are in, and the report keeps the SPEC's shape.
 */
export function buildReport(entries: readonly ReportArticle[]): Report {
  const articles = relocateProblems(entries).map(shapedOnce)
  // Counted in one pass: a large site's report holds a hundred thousand figures.
  let all = 0
  const figures: Record<string, number> = { verified: 0, contradicted: 0, unchecked: 0 }
  const problems: Record<string, number> = { error: 0, warning: 0 }
  for (const entry of articles) {
    all += entry.figures.length
    for (const { status } of entry.figures) figures[status] = (figures[status] ?? 0) + 1
    for (const { severity } of entry.problems) problems[severity] = (problems[severity] ?? 0) + 1
  }
  return {
    version: 1,
    summary: {
      articles: articles.filter(isArticle).length,
      figures: all,
      verified: figures['verified'] ?? 0,
      contradicted: figures['contradicted'] ?? 0,
      unchecked: figures['unchecked'] ?? 0,
      errors: problems['error'] ?? 0,
      warnings: problems['warning'] ?? 0,
      exit: exitStatus(allProblems(articles))
    },
    articles
  }
}

/**
 * `shapeArticle(entry)`, the same object as last time for an entry made of the same article
 * results: a rebuild after one edit reshapes one entry, and what is made of each entry (its
 * JSON, its piece of the report page) is made again only for new ones.
 */
function shapedOnce(entry: ReportArticle): ReportArticle {
  // An article's figures are the array its summary holds, the same from build to build while
  // the article's results are; an entry without figures is shaped anew (it is cheap).
  if (entry.figures.length === 0) return shapeArticle(entry)
  const { problems } = entry
  const known = shaped.get(entry.figures)
  if (
    known !== undefined &&
    known.file === entry.file &&
    known.slug === entry.slug &&
    known.url === entry.url &&
    known.mode === entry.mode &&
    known.asserts === entry.asserts &&
    sameItems(known.problems, problems)
  )
    return known.shaped
  const made = shapeArticle(entry)
  shaped.set(entry.figures, { ...entry, shaped: made })
  return made
}

/** The entry last shaped from each figures array, with what else it was made of. */
const shaped = new WeakMap<
  ReportArticle['figures'],
  Omit<ReportArticle, 'figures'> & { shaped: ReportArticle }
>()

/** Whether two lists hold the very same items (an article's problems are its summary's). */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

function* allProblems(articles: readonly ReportArticle[]): Generator<Problem> {
  for (const entry of articles) yield* entry.problems
}

/** Whether a report entry is an article rather than another file that has problems. */
export function isArticle(entry: Pick<ReportArticle, 'slug'>): boolean {
  return entry.slug !== ''
}

function relocateProblems(entries: readonly ReportArticle[]): ReportArticle[] {
  const byFile = new Map<string, ReportArticle>()
  const result: ReportArticle[] = []
  const moved: Array<[string, Problem, ReportArticle]> = []

  for (const entry of entries) {
    const stays = entry.problems.filter((problem) => (problem.file ?? entry.file) === entry.file)
    const copy = { ...entry, problems: stays }
    for (const problem of entry.problems) {
      if (problem.file !== undefined && problem.file !== entry.file) {
        moved.push([problem.file, problem, entry])
      }
    }
    result.push(copy)
    if (!byFile.has(entry.file)) byFile.set(entry.file, copy)
  }

  for (const [file, problem, origin] of moved) {
    let target = byFile.get(file)
    if (target === undefined) {
      target = {
        file,
        slug: '',
        url: '',
        mode: origin.mode,
        figures: [],
        asserts: [],
        problems: []
      }
      byFile.set(file, target)
      result.push(target)
    }
    target.problems.push(problem)
  }
  return result
}
