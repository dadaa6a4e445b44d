/**
 * The site's Handlebars templates and stylesheet (SPEC 2, 8). A site's own `templates/` file
 * overrides the project default of the same name; anything it lacks falls back to the project's
 * folder. Each template is compiled once, in a Handlebars environment of its own, so that
 * partials registered here never leak into another build in the same process.
 */
import path from 'node:path'
import { createHash } from 'node:crypto'
import Handlebars from 'handlebars'
import type { SiteProblem } from '../types.js'
import { templateProblem } from './template-problems.js'
import { canonical, listTemplates, projectRoot, readAsset } from './template-files.js'
import { dataReadsOf, pageFingerprints, partialReads, partialsNamed } from './template-uses.js'
import type { DataReads } from './template-uses.js'
import type { TemplateSource } from './template-uses.js'

/** One compiled template and the site-relative file it came from (`templates/pages/brief.hbs`). */
export interface CompiledTemplate {
  file: string
  render: Handlebars.TemplateDelegate<object>
}

/** Everything the renderer needs from `templates/`. */
export interface Templates {
  /** `templates/layouts/*.hbs` by name; pages are rendered inside `base`. */
  layouts: ReadonlyMap<string, CompiledTemplate>
  /** `templates/pages/*.hbs` by name: `listing`, `brief`, `factcheck`, `not-found`. */
  pages: ReadonlyMap<string, CompiledTemplate>
  /** Names of the partials registered from `templates/partials/*.hbs`. */
  partials: readonly string[]
  /** The partials themselves, for a page rendered a piece at a time. */
  partialTemplates: ReadonlyMap<string, CompiledTemplate>
  /** `templates/style.css`. */
  stylesheet: string
  /** `templates/figure-marks.js`: the script that opens a figure mark's popover (issue 19). */
  script: string
  /** Hash of every template source used and the stylesheet: the build cache keys pages on it. */
  fingerprint: string
  /** The texts these were compiled from, for a worker thread to compile (`templatesOfTexts`). */
  texts: string
  /** What partial `name` reads of Handlebars' data variables (`template-uses.ts`). */
  partialReads(name: string): DataReads | undefined
  /**
   * The hash of what pages of page template `page` are made of (`template-uses.ts`): an edit to
   * a template they do not use leaves it as it was. `fingerprint` for a page of no template.
   */
  pageFingerprint(page: string): string
}

const projectTemplates = path.join(projectRoot, 'templates')

/** The template folders, each holding `*.hbs` files. */
const kinds = ['layouts', 'pages', 'partials'] as const
type Kind = (typeof kinds)[number]

/** The texts of each folder's templates: the project's defaults and the site's own. */
type ReadTemplates = ReadonlyMap<
  Kind,
  { defaults: Map<string, string>; overrides: Map<string, string> }
>

/**
 * Loads and compiles the templates of the site at `root`. A template that does not compile is a
 * `template-error` problem at its line and column; the project default of the same name (when
 * there is one) is used instead, so the rest of the site can still be rendered and checked.
 */
export async function loadTemplates(
  root: string
): Promise<{ templates: Templates; problems: SiteProblem[] }> {
  const siteTemplates = path.join(root, 'templates')
  const sameFolder = (await canonical(siteTemplates)) === (await canonical(projectTemplates))
  const problems: SiteProblem[] = []
  const read = new Map<
    (typeof kinds)[number],
    { defaults: Map<string, string>; overrides: Map<string, string> }
  >()
  for (const kind of kinds) {
    const defaults = await listTemplates(projectRoot, `templates/${kind}`, problems)
    const overrides = sameFolder
      ? new Map<string, string>()
      : await listTemplates(root, `templates/${kind}`, problems)
    read.set(kind, { defaults, overrides })
  }
  const own = sameFolder ? projectRoot : root
  const stylesheet = await readAsset(own, 'templates/style.css', 'stylesheet', problems)
  const script = await readAsset(own, 'templates/figure-marks.js', 'script', problems)
  const texts = JSON.stringify([
    [...read].map(([kind, { defaults, overrides }]) => [kind, [...defaults], [...overrides]]),
    problems,
    stylesheet,
    script
  ])
  const { templates, failures } = compiledOnce(texts, () => ({ read, stylesheet, script }))
  return { templates, problems: [...problems, ...failures] }
}

/**
 * The templates `texts` (a `Templates.texts`) compile to: how a worker thread renders with the
 * very templates the build's keys were made of, never with files read again from disk, which a
 * save may have changed since (a thread that kept its first templates rendered a session's
 * briefs with them after a template edit, and the build cache kept those pages).
 */
export function templatesOfTexts(texts: string): Templates {
  return compiledOnce(texts, () => {
    const [folders, , stylesheet, script] = JSON.parse(texts) as [
      [Kind, [string, string][], [string, string][]][],
      unknown,
      string,
      string
    ]
    const read: ReadTemplates = new Map(
      folders.map(([kind, defaults, overrides]) => [
        kind,
        { defaults: new Map(defaults), overrides: new Map(overrides) }
      ])
    )
    return { read, stylesheet, script }
  }).templates
}

/**
 * A resident process loads the templates before each build, and a save rarely touches them:
 * the same texts read with the same problems compile to the same templates.
 */
function compiledOnce(
  texts: string,
  read: () => { read: ReadTemplates; stylesheet: string; script: string }
): { templates: Templates; failures: SiteProblem[] } {
  if (lastLoaded?.texts !== texts) {
    const failures: SiteProblem[] = []
    const { read: files, stylesheet, script } = read()
    lastLoaded = {
      texts,
      templates: compileTemplates(files, stylesheet, script, failures, texts),
      failures
    }
  }
  return lastLoaded
}

/**
 * The templates this process compiled last, with the texts they were compiled from and the
 * templates that failed to compile.
 */
let lastLoaded: { texts: string; templates: Templates; failures: SiteProblem[] } | undefined

/** Compiles the templates read, the site's before the project's defaults of the same name. */
function compileTemplates(
  read: ReadTemplates,
  stylesheet: string,
  script: string,
  problems: SiteProblem[],
  texts: string
): Templates {
  const env = Handlebars.create()
  const fingerprint = createHash('sha256')
  const compiled: Record<(typeof kinds)[number], Map<string, CompiledTemplate>> = {
    layouts: new Map(),
    pages: new Map(),
    partials: new Map()
  }
  const sources: Record<(typeof kinds)[number], Map<string, TemplateSource>> = {
    layouts: new Map(),
    pages: new Map(),
    partials: new Map()
  }
  for (const [kind, { defaults, overrides }] of read) {
    const names = [...new Set([...defaults.keys(), ...overrides.keys()])].sort()
    for (const name of names) {
      const file = `templates/${kind}/${name}.hbs`
      const candidates = [overrides.get(name), defaults.get(name)].filter(
        (found) => found !== undefined
      )
      for (const source of candidates) {
        const result = compileTemplate(env, source, file)
        if ('problem' in result) {
          problems.push(result.problem)
          continue
        }
        compiled[kind].set(name, { file, render: result.render })
        sources[kind].set(name, { file, source, partials: result.partials, reads: result.reads })
        fingerprint.update(`${file}\0${source}\0`)
        break
      }
    }
  }
  for (const [name, partial] of compiled.partials) env.registerPartial(name, partial.render)
  const whole = fingerprint.update(stylesheet).update('\0').update(script).digest('hex')
  const byPage = pageFingerprints(sources, [stylesheet, script])
  return {
    layouts: compiled.layouts,
    pages: compiled.pages,
    partials: [...compiled.partials.keys()],
    partialTemplates: compiled.partials,
    stylesheet,
    script,
    fingerprint: whole,
    texts,
    pageFingerprint: (page) => byPage.get(page) ?? whole,
    partialReads: (name) => partialReads(sources.partials, name)
  }
}

/** Parses (to catch syntax errors with their position) and compiles one template source. */
function compileTemplate(
  env: typeof Handlebars,
  source: string,
  file: string
):
  | {
      render: Handlebars.TemplateDelegate<object>
      partials: Set<string> | undefined
      reads: DataReads
    }
  | { problem: SiteProblem } {
  try {
    const ast = env.parse(source)
    const partials = partialsNamed(ast)
    const reads = dataReadsOf(ast)
    return { render: env.compile<object>(ast, { preventIndent: true }), partials, reads }
  } catch (error) {
    return { problem: templateProblem(error, source, file) }
  }
}
