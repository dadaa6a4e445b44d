/**
 * The fact-check stage of the article processor (SPEC 6): binds each check of the frontmatter to
 * its figure, evaluates it against the data, judges every figure and assert, and puts the verdicts,
 * the panel, the figure marks and the problems on the article's file.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../article/article-file.js'
import type { DataStore } from './datasets/dataset.js'
import { pointAt } from './expression-place.js'
import { evaluateExpression } from './expression/evaluate-expression.js'
import { checkArticle } from './check-article.js'
import { explainingIn, wordingFor } from '../i18n/explain-words.js'
import type { FactcheckMode, Frontmatter, Settings } from '../types.js'

export interface FactcheckOptions {
  settings: Settings
  /** The build's data files, loaded once and shared by every article. */
  store: DataStore
  /** `--strict`: every article is checked strictly. */
  strict: boolean
}

export function factcheck(options: FactcheckOptions) {
  const wording = wordingFor(options.settings)
  return (_tree: Root, file: VFile): void => {
    const { frontmatter, prose, bodyProse, found } = file.data
    if (frontmatter === undefined || prose === undefined || bodyProse === undefined || !found)
      throw new TypeError(
        `${file.path}: the fact check runs on a loaded file after the figures stage`
      )
    const mode = modeOf(frontmatter, options)
    reportUnloadedData(file, frontmatter.data, options.store, mode)
    const scope = { aliases: frontmatter.data, store: options.store }
    // Its explanations and charts are worded in the site's language (issue 19).
    const checked = explainingIn(wording, () =>
      checkArticle({
        file,
        markdown: String(file.value),
        frontmatter,
        prose,
        bodyProse,
        figures: found,
        mode,
        tolerance: options.settings.factcheck.tolerance,
        evaluate: (source) => evaluateExpression(source, scope),
        ...(file.data.places === undefined ? {} : { places: file.data.places })
      })
    )
    file.data.mode = mode
    file.data.figures = checked.figures
    file.data.asserts = checked.asserts
    file.data.panel = checked.panel
    file.data.marks = checked.marks
  }
}

/**
 * One error for each `data:` path of the article that did not load, at the path as written
 * (issue 18, item 5): a mistyped path says which file it likely means, and the checks reading
 * the alias fail without saying it again. Reported before the checks, so that `off` mode, which
 * turns the fact check's problems into warnings, leaves a missing file's input error as it is.
 */
function reportUnloadedData(
  file: VFile,
  aliases: Readonly<Record<string, string>>,
  store: DataStore,
  mode: FactcheckMode
): void {
  const text = String(file.value)
  const places = file.data.places
  for (const [alias, path] of Object.entries(aliases)) {
    const unloaded = store.unloaded(path)
    if (unloaded === undefined) continue
    const offset =
      places?.data !== undefined && Object.hasOwn(places.data, alias)
        ? places.data[alias]
        : undefined
    const at = offset === undefined ? undefined : pointAt(text, offset)
    if (unloaded.missing) report(file, 'data-unreadable', unloaded.message, at)
    // A file that does not parse has its own problems; this one only ties the article to them,
    // and is a fact-check problem like the checks' it replaces: a warning in `off` mode.
    else {
      const severity = mode === 'off' ? 'warning' : 'error'
      report(file, 'check-error', `dataset "${alias}": ${unloaded.message}`, at, severity)
    }
  }
}

/**
 * SPEC 6: `--strict` makes every article strict; sections listed in `strict_sections` are always
 * strict; otherwise the article's own `factcheck`, else the site mode.
 */
export function modeOf(
  frontmatter: Pick<Frontmatter, 'section' | 'factcheck'>,
  options: { settings: Settings; strict: boolean }
): FactcheckMode {
  if (options.strict) return 'strict'
  if (options.settings.factcheck.strict_sections.includes(frontmatter.section)) return 'strict'
  return frontmatter.factcheck ?? options.settings.factcheck.mode
}
