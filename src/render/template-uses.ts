/**
 * Which templates each kind of page is made of (issue 21): its page template, the layouts it is
 * rendered inside, and every partial those name, and the partials those name in turn. A page's
 * fingerprint hashes only those (with the stylesheet and script every page links), so that an
 * edit to the listings' story line does not render the site's thousands of briefs again.
 */
import { createHash } from 'node:crypto'

/** A template as loaded: its site-relative file, its source and the partials it names. */
export interface TemplateSource {
  file: string
  source: string
  /** The partials it names; undefined when it names one by an expression (any might be used). */
  partials: ReadonlySet<string> | undefined
  /** What it reads of Handlebars' data variables (`dataReadsOf`). */
  reads: DataReads
}

/**
 * What a template reads besides its context, through Handlebars' `@` variables: the item's
 * place in its `{{#each}}` (`@index`, `@first`, `@last`, `@key`), the site view under
 * `@root.site`, or something else (`@root.report`, `@../index`, a partial block).
 */
export interface DataReads {
  position: boolean
  rootSite: boolean
  other: boolean
}

/** The data variables a Handlebars AST reads. */
export function dataReadsOf(ast: unknown): DataReads {
  const reads: DataReads = { position: false, rootSite: false, other: false }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const path = node as { type?: unknown; data?: unknown; depth?: unknown; parts?: unknown }
    if (path.type === 'PathExpression' && path.data === true) {
      const parts = Array.isArray(path.parts) ? (path.parts as unknown[]) : []
      const [head, next] = parts
      if (path.depth !== 0 && path.depth !== undefined) reads.other = true
      else if (typeof head === 'string' && positionVariables.has(head) && parts.length === 1)
        reads.position = true
      else if (head === 'root' && next === 'site') reads.rootSite = true
      else reads.other = true
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value)
  }
  visit(ast)
  return reads
}

const positionVariables = new Set(['index', 'first', 'last', 'key'])

/**
 * What partial `name` reads of the data variables, with every partial it reaches; undefined
 * when there is no such partial.
 */
export function partialReads(
  partials: ReadonlyMap<string, TemplateSource>,
  name: string
): DataReads | undefined {
  const start = partials.get(name)
  if (start === undefined) return undefined
  const reads: DataReads = { position: false, rootSite: false, other: false }
  const reached = new Set<string>([name])
  const reach = (template: TemplateSource): void => {
    reads.position ||= template.reads.position
    reads.rootSite ||= template.reads.rootSite
    reads.other ||= template.reads.other
    for (const next of template.partials ?? partials.keys()) {
      const found = partials.get(next)
      if (found === undefined || reached.has(next)) continue
      reached.add(next)
      reach(found)
    }
  }
  reach(start)
  return reads
}

/**
 * The partials a Handlebars AST names: `{{> name}}` and `{{#> name}}`; undefined when one is
 * named by an expression, `{{> (lookup . 'kind')}}`.
 */
export function partialsNamed(ast: unknown): Set<string> | undefined {
  const names = new Set<string>()
  let dynamic = false
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const { type, name } = node as { type?: unknown; name?: unknown }
    if (type === 'PartialStatement' || type === 'PartialBlockStatement') {
      const path = name as { type?: unknown; original?: unknown } | undefined
      if (path?.type === 'PathExpression' && typeof path.original === 'string')
        names.add(path.original)
      else dynamic = true
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value)
  }
  visit(ast)
  return dynamic ? undefined : names
}

/**
 * The fingerprint of each page template's pages: `assets` (the stylesheet and script), the
 * layouts, the page and the partials reachable from them, by name. A template naming a partial
 * by expression makes every partial part of it.
 */
export function pageFingerprints(
  templates: {
    layouts: ReadonlyMap<string, TemplateSource>
    pages: ReadonlyMap<string, TemplateSource>
    partials: ReadonlyMap<string, TemplateSource>
  },
  assets: readonly string[]
): Map<string, string> {
  const fingerprints = new Map<string, string>()
  for (const [name, page] of templates.pages) {
    const used = [...templates.layouts.values(), page]
    const reached = new Set<string>()
    const reach = (template: TemplateSource): void => {
      const named = template.partials ?? new Set(templates.partials.keys())
      for (const partial of [...named].sort()) {
        const found = templates.partials.get(partial)
        if (found === undefined || reached.has(partial)) continue
        reached.add(partial)
        used.push(found)
        reach(found)
      }
    }
    for (const template of [...used]) reach(template)
    const hash = createHash('sha256')
    for (const template of used) hash.update(`${template.file}\0${template.source}\0`)
    for (const asset of assets) hash.update(asset).update('\0')
    fingerprints.set(name, hash.digest('hex'))
  }
  return fingerprints
}
