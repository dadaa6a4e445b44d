/**
 * Many warnings of one rule, folded into one line (issue 18, item 4): a site of 4,000 articles
 * with no checks has 24,800 unchecked figures, and a log that lists each buries the one error
 * above them. Past `foldAbove` warnings of a rule, the text and github outputs show the first
 * `keptWhenFolded` in full and then one line saying how many there are, in how many files, and
 * where all of them are (`--format json`, which never folds). Errors are never folded: each is
 * something to fix before the build passes.
 */
import type { RuleId } from '../rules.js'
import type { Problem } from '../types.js'

/** More warnings of one rule than this are folded. */
export const foldAbove = 20

/** How many warnings of a folded rule are still shown in full. */
export const keptWhenFolded = 5

/** A problem as an output lists it: with the file it is in. */
export interface ListedProblem {
  problem: Problem
  /** Site-relative path of the file the position is in. */
  file: string
}

/** The warnings of one rule that were folded, counted. */
export interface Fold {
  rule: RuleId
  /** Every warning of the rule, those shown in full included. */
  count: number
  /** How many files they are in. */
  files: number
  /** How many are shown in full. */
  kept: number
}

/**
 * `problems` with the warnings of each rule past `foldAbove` left out but for the first
 * `keptWhenFolded` (in the order given), and what was folded, by rule in order of first warning.
 */
export function foldWarnings(problems: readonly ListedProblem[]): {
  listed: ListedProblem[]
  folds: Fold[]
} {
  const byRule = new Map<RuleId, { count: number; files: Set<string> }>()
  for (const { problem, file } of problems) {
    if (problem.severity !== 'warning') continue
    let tally = byRule.get(problem.rule)
    if (tally === undefined) byRule.set(problem.rule, (tally = { count: 0, files: new Set() }))
    tally.count++
    tally.files.add(file)
  }
  const folded = new Set(
    [...byRule].filter(([, tally]) => tally.count > foldAbove).map(([rule]) => rule)
  )
  if (folded.size === 0) return { listed: [...problems], folds: [] }

  const kept = new Map<RuleId, number>()
  const listed = problems.filter(({ problem }) => {
    if (problem.severity !== 'warning' || !folded.has(problem.rule)) return true
    const shown = kept.get(problem.rule) ?? 0
    kept.set(problem.rule, shown + 1)
    return shown < keptWhenFolded
  })
  const folds = [...folded].map((rule): Fold => {
    const tally = byRule.get(rule)
    return { rule, count: tally?.count ?? 0, files: tally?.files.size ?? 0, kept: keptWhenFolded }
  })
  return { listed, folds }
}

/**
 * What is counted, by rule, as the fold line names it: `24,800 unchecked figures`. A rule not
 * named here is counted as its warnings: `30 "frontmatter" warnings`.
 */
const counted: Partial<Record<RuleId, readonly [one: string, many: string]>> = {
  'figure-unchecked': ['unchecked figure', 'unchecked figures'],
  'figure-understated': ['understated figure', 'understated figures'],
  frontmatter: ['frontmatter warning', 'frontmatter warnings'],
  'check-error': ['check that could not be evaluated', 'checks that could not be evaluated']
}

/**
 * The fold's line: `24,800 unchecked figures in 4,000 files, the first 5 shown; `--format json`
 * lists them all`, counts with thousands separators.
 */
export function foldLine(fold: Fold): string {
  const words = counted[fold.rule] ?? [`"${fold.rule}" warning`, `"${fold.rule}" warnings`]
  const what = fold.count === 1 ? words[0] : words[1]
  const files = `${grouped(fold.files)} ${fold.files === 1 ? 'file' : 'files'}`
  return `${grouped(fold.count)} ${what} in ${files}, the first ${fold.kept} shown; \`--format json\` lists them all`
}

/** `24800` as `24,800`, whatever the machine's locale: CI logs read the same everywhere. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US')
}
