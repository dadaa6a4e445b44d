/**
 * Where a template failed at render time (issue 15, item 7). Handlebars throws from deep inside a
 * render with no file and, mostly, no line: a helper called with the wrong arguments, a missing
 * helper, a missing partial. The page template is merely where the error comes out, not where
 * the editor has to look. So every render runs with the built-in helpers and the site's partials
 * wrapped: a helper records the line of the `{{...}}` that called it (Handlebars hands each helper
 * its `loc`), and a partial, or the page or layout itself, records its own file on the way out.
 * The innermost record wins, since it is the first to see the error.
 */
import Handlebars from 'handlebars'
import type { CompiledTemplate, Templates } from './templates.js'

/** Where an error thrown while rendering happened. */
export interface RenderPlace {
  /** The template or partial it happened in (`templates/partials/x.hbs`). */
  file: string
  /** 1-based line and column of the statement, when known. */
  line?: number
  column?: number
}

/** Handlebars' runtime options, as far as they are used here. */
export interface TracedOptions {
  helpers: Record<string, Handlebars.HelperDelegate>
  partials: Record<string, Handlebars.Template>
  data?: Record<string, unknown>
}

/** Renders `template`, recording where an error it throws happened (see `renderPlaceOf`). */
export function renderTraced(
  templates: Templates,
  template: CompiledTemplate,
  context: object,
  options: { partials?: Record<string, Handlebars.Template>; data?: Record<string, unknown> } = {}
): string {
  const traced = tracedOptions(templates)
  try {
    return template.render(context, {
      ...options,
      helpers: traced.helpers,
      partials: { ...traced.partials, ...options.partials }
    })
  } catch (error) {
    throw leaving(error, template)
  }
}

/** Where `error` happened, when it was thrown through `renderTraced`. */
export function renderPlaceOf(error: unknown): RenderPlace | undefined {
  return typeof error === 'object' && error !== null ? places.get(error) : undefined
}

const places = new WeakMap<object, RenderPlace>()
/** The statement a helper saw an error at, until the template it is in claims it. */
const statements = new WeakMap<object, { line: number; column: number }>()
const traces = new WeakMap<Templates, Pick<TracedOptions, 'helpers' | 'partials'>>()

function tracedOptions(templates: Templates): Pick<TracedOptions, 'helpers' | 'partials'> {
  let traced = traces.get(templates)
  if (traced === undefined) {
    const partials: Record<string, Handlebars.Template> = {}
    for (const [name, partial] of templates.partialTemplates) {
      partials[name] = (context: unknown, options?: Handlebars.RuntimeOptions) => {
        try {
          return partial.render(context as object, options)
        } catch (error) {
          throw leaving(error, partial)
        }
      }
    }
    traced = { helpers: tracedHelpers, partials }
    traces.set(templates, traced)
  }
  return traced
}

/**
 * The built-in helpers, each recording the statement that called it when it throws. A site's
 * templates can call no others: factdesk registers none.
 */
const tracedHelpers: Record<string, Handlebars.HelperDelegate> = Object.fromEntries(
  Object.entries(Handlebars.create().helpers).map(([name, helper]) => [
    name,
    function (this: unknown, ...args: unknown[]) {
      try {
        return Reflect.apply(helper, this, args) as unknown
      } catch (error) {
        const thrown = asObject(error)
        const loc = locOf(args[args.length - 1])
        if (loc !== undefined && !places.has(thrown) && !statements.has(thrown))
          statements.set(thrown, loc)
        throw thrown
      }
    }
  ])
)

/** Claims `error` for `template` unless a template it called already did; returns the error. */
function leaving(error: unknown, template: CompiledTemplate): object {
  const thrown = asObject(error)
  if (places.has(thrown)) return thrown
  // A missing partial comes with neither: Handlebars names it but not the `{{> name}}` that asked.
  const place = statements.get(thrown) ?? ownPlace(thrown)
  places.set(thrown, { file: template.file, ...place })
  return thrown
}

/** Errors are keyed by identity, so a thrown string or number becomes an Error first. */
function asObject(error: unknown): object {
  return typeof error === 'object' && error !== null ? error : new Error(String(error))
}

/** The `loc` Handlebars passes in a helper's options: 1-based line, 0-based column. */
function locOf(options: unknown): { line: number; column: number } | undefined {
  if (typeof options !== 'object' || options === null || !('loc' in options)) return undefined
  const { loc } = options
  if (typeof loc !== 'object' || loc === null || !('start' in loc)) return undefined
  const { start } = loc
  if (typeof start !== 'object' || start === null) return undefined
  if (!('line' in start) || !('column' in start)) return undefined
  const { line, column } = start
  return typeof line === 'number' && typeof column === 'number'
    ? { line, column: column + 1 }
    : undefined
}

/** A Handlebars `Exception` thrown with a node (strict-mode lookups) carries its own position. */
function ownPlace(error: object): { line: number; column: number } | undefined {
  if (!('lineNumber' in error) || !('column' in error)) return undefined
  const { lineNumber, column } = error
  return typeof lineNumber === 'number' && typeof column === 'number'
    ? { line: lineNumber, column: column + 1 }
    : undefined
}
