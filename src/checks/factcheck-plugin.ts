/**
 * The fact-check stage of the article processor (SPEC 6): binds each check of the frontmatter to
 * its figure, evaluates it against the data, judges every figure and assert, and puts the verdicts,
 * the panel, the figure marks and the problems on the article's file.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { DataStore } from './datasets/dataset.js'
import { evaluateExpression } from './expression/evaluate-expression.js'
import { checkArticle } from './check-article.js'
import type { FactcheckMode, Frontmatter, Settings } from '../types.js'

export interface FactcheckOptions {
  settings: Settings
  /** The build's data files, loaded once and shared by every article. */
  store: DataStore
  /** `--strict`: every article is checked strictly. */
  strict: boolean
}

export function factcheck(options: FactcheckOptions) {
  return (_tree: Root, file: VFile): void => {
    const { frontmatter, prose, bodyProse, found } = file.data
    if (frontmatter === undefined || prose === undefined || bodyProse === undefined || !found)
      throw new TypeError(
        `${file.path}: the fact check runs on a loaded file after the figures stage`
      )
    const mode = modeOf(frontmatter, options)
    const scope = { aliases: frontmatter.data, store: options.store }
    const checked = checkArticle({
      file,
      markdown: String(file.value),
      frontmatter,
      prose,
      bodyProse,
      figures: found,
      mode,
      tolerance: options.settings.factcheck.tolerance,
      evaluate: (source) => evaluateExpression(source, scope)
    })
    file.data.mode = mode
    file.data.figures = checked.figures
    file.data.asserts = checked.asserts
    file.data.panel = checked.panel
    file.data.marks = checked.marks
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
