/**
 * The site's Handlebars templates and stylesheet (SPEC 2, 8). A site's own `templates/` file
 * overrides the project default of the same name; anything it lacks falls back to the project's
 * folder. Each template is compiled once, in a Handlebars environment of its own, so that
 * partials registered here never leak into another build in the same process.
 */
import { readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHash } from 'node:crypto'
import Handlebars from 'handlebars'
import { describeRefusal, readSiteFile } from '../io/read-site-file.js'
import type { Refusal } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import type { Problem, SiteProblem } from '../types.js'
import { templateProblem } from './template-problems.js'
import { hasCode } from '../io/file-errors.js'
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
  /** What partial `name` reads of Handlebars' data variables (`template-uses.ts`). */
  partialReads(name: string): DataReads | undefined
  /**
   * The hash of what pages of page template `page` are made of (`template-uses.ts`): an edit to
   * a template they do not use leaves it as it was. `fingerprint` for a page of no template.
   */
  pageFingerprint(page: string): string
}

/**
 * The project's own folder, whose `templates/` are found next to `src/` and next to the compiled
 * `lib/` alike. Its files are read by the same rules as a site's, with the project as their root.
 */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const projectTemplates = path.join(projectRoot, 'templates')

/** The template folders, each holding `*.hbs` files. */
const kinds = ['layouts', 'pages', 'partials'] as const

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
  // A resident process loads the templates before each build, and a save rarely touches them:
  // the same texts read with the same problems compile to the same templates.
  const texts = JSON.stringify([
    [...read].map(([kind, { defaults, overrides }]) => [kind, [...defaults], [...overrides]]),
    problems,
    stylesheet,
    script
  ])
  if (lastLoaded?.texts !== texts) {
    const failures: SiteProblem[] = []
    lastLoaded = {
      texts,
      templates: compileTemplates(read, stylesheet, script, failures),
      failures
    }
  }
  return { templates: lastLoaded.templates, problems: [...problems, ...lastLoaded.failures] }
}

/**
 * The templates this process compiled last, with the texts they were compiled from and the
 * templates that failed to compile.
 */
let lastLoaded: { texts: string; templates: Templates; failures: SiteProblem[] } | undefined

/** Compiles the templates read, the site's before the project's defaults of the same name. */
function compileTemplates(
  read: ReadonlyMap<
    (typeof kinds)[number],
    { defaults: Map<string, string>; overrides: Map<string, string> }
  >,
  stylesheet: string,
  script: string,
  problems: SiteProblem[]
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

/**
 * `name -> source` of the `*.hbs` files in the folder `folder` of `base` (a site root, or the
 * project's); empty when the folder does not exist. A file that cannot be read (a link leaving
 * the site, a FIFO, a file over `sizeLimits.template`) is a problem, and the project default of
 * its name stands in for it.
 */
async function listTemplates(
  base: string,
  folder: string,
  problems: Problem[]
): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  let entries: string[]
  try {
    entries = await readdir(path.join(base, folder))
  } catch (error) {
    if (!hasCode(error, 'ENOENT', 'ENOTDIR')) problems.push(cannotList(folder, error))
    return found
  }
  for (const entry of entries.sort()) {
    if (!entry.endsWith('.hbs')) continue
    const file = `${folder}/${entry}`
    const read = await readSiteFile(base, file, sizeLimits.template)
    if (read instanceof Uint8Array) found.set(entry.slice(0, -'.hbs'.length), read.toString('utf8'))
    else problems.push(refused(file, 'template', read))
  }
  return found
}

/** The problem for a template folder that exists but cannot be listed. */
function cannotList(folder: string, error: unknown): SiteProblem {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'template-error',
    message: `cannot read the template folder (${reason}); check that it is a readable folder`,
    file: folder
  }
}

/** The problem for a template file that was not read: `path-unsafe` for a link leaving the site. */
function refused(file: string, what: 'template' | Asset, refusal: Refusal): SiteProblem {
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: refusal.reason === 'outside' ? 'path-unsafe' : 'template-error',
    message: `cannot read the ${what}: ${describeRefusal(refusal)}`,
    file
  }
}

/** The files of `templates/` copied to `assets/` rather than compiled. */
type Asset = 'stylesheet' | 'script'

/**
 * The stylesheet or script `file` of `base` (the site root, or the project's when the site uses
 * its templates), or the project's when the site has none or it cannot be read.
 */
async function readAsset(
  base: string,
  file: string,
  what: Asset,
  problems: SiteProblem[]
): Promise<string> {
  const read = await readSiteFile(base, file, sizeLimits.template)
  if (read instanceof Uint8Array) return read.toString('utf8')
  if (read.reason !== 'missing') problems.push(refused(file, what, read))
  const own = await readSiteFile(projectRoot, file, sizeLimits.template)
  if (own instanceof Uint8Array) return own.toString('utf8')
  throw new Error(`cannot read factdesk's own ${file}: ${describeRefusal(own)}; reinstall factdesk`)
}

/** A folder's real path, or the path itself when it does not exist. */
async function canonical(folder: string): Promise<string> {
  try {
    return await realpath(folder)
  } catch {
    return path.resolve(folder)
  }
}
