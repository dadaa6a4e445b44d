/**
 * The files of `public/`, copied byte for byte to the same paths at the site root (issue 18):
 * `public/favicon.ico` becomes `/favicon.ico`, `public/downloads/report.pdf`
 * `/downloads/report.pdf`. They are files, not pages: the sitemap does not list them.
 *
 * This output comes last in the table, so every generated path is known when a public file is
 * placed: a public file at a path a generated file uses, or at a folder of generated files, or
 * below a generated file, is a `public-collision` input error at `public/<path>` and is not
 * copied; the generated file stays. Paths are compared without regard to case, since a site
 * built on macOS or Windows (or served from there) would silently keep only one of `Index.html`
 * and `index.html`. Names beginning `.factdesk-` are factdesk's own (its output marker, its
 * working files) and collide too, and so does every file below a folder factdesk writes whole
 * (the search index, whose file names are only known once it is made).
 */
import { realpathSync } from 'node:fs'
import { readPublicFile } from '../content/read-public-file.js'
import type { SiteProblem } from '../types.js'
import type { Output } from './output.js'
import { reservedFolders } from './search.js'

/** The files of `public/` a build copies: site-relative paths (`public/...`), in order. */
export interface PublicFiles {
  /** The site folder the paths are relative to. */
  readonly root: string
  readonly files: readonly string[]
}

/** A site without a `public/` folder. */
export const noPublicFiles: PublicFiles = { root: '', files: [] }

/** Every file of `public/` at its path below the site root. */
export const publicFiles: Output = {
  name: 'public-files',
  render(context) {
    const { root, files } = context.publicFiles
    if (files.length === 0) return
    const generated = generatedPaths(context.taken(), reservedFolders(context.settings))
    const realRoot = realpathSync.native(root)
    for (const file of files) {
      const path = file.slice('public/'.length)
      const clash = collision(path, generated)
      if (clash !== undefined) {
        context.problems.push(collided(file, path, clash))
        continue
      }
      const content = readPublicFile(root, file, realRoot)
      if (content instanceof Uint8Array)
        context.add({ path, content }, `the public file ${file}`, file)
      else context.problems.push(content)
    }
  }
}

/**
 * The generated files, and the folders holding them, by lower-cased path; `reserved` folders are
 * written whole by factdesk, so every file below them is its own.
 */
interface GeneratedPaths {
  files: Map<string, { path: string; owner: string }>
  folders: Map<string, { path: string; owner: string }>
  reserved: Map<string, { path: string; owner: string }>
}

function generatedPaths(
  taken: Iterable<readonly [string, string]>,
  reserved: readonly { folder: string; owner: string }[]
): GeneratedPaths {
  const files = new Map<string, { path: string; owner: string }>()
  const folders = new Map<string, { path: string; owner: string }>()
  for (const [path, owner] of taken) {
    files.set(path.toLowerCase(), { path, owner })
    for (let end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1)) {
      const folder = path.slice(0, end).toLowerCase()
      if (!folders.has(folder)) folders.set(folder, { path, owner })
    }
  }
  const whole = new Map(
    reserved.map(({ folder, owner }) => [folder.toLowerCase(), { path: folder, owner }])
  )
  return { files, folders, reserved: whole }
}

/** What `path` clashes with, described for the message; undefined when nothing. */
function collision(path: string, generated: GeneratedPaths): string | undefined {
  const lower = path.toLowerCase()
  const segments = path.split('/')
  if (segments.some((segment) => segment.toLowerCase().startsWith('.factdesk-')))
    return 'a name factdesk keeps for its own files (.factdesk-...)'
  const same = generated.files.get(lower)
  if (same) return `${same.path}, which factdesk writes (${same.owner})`
  const under = generated.folders.get(lower)
  if (under) return `the folder of ${under.path}, which factdesk writes (${under.owner})`
  const whole = generated.reserved.get(lower)
  if (whole) return `the folder ${whole.path}/, which factdesk writes whole (${whole.owner})`
  for (let end = lower.indexOf('/'); end > 0; end = lower.indexOf('/', end + 1)) {
    const above = generated.files.get(lower.slice(0, end))
    if (above)
      return `${above.path}, a file factdesk writes (${above.owner}), as if it were a folder`
    const inside = generated.reserved.get(lower.slice(0, end))
    if (inside) return `the folder ${inside.path}/, which factdesk writes whole (${inside.owner})`
  }
  return undefined
}

function collided(file: string, path: string, clash: string): SiteProblem {
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'public-collision',
    message: `${file} would be copied to ${path}, which collides with ${clash}; rename or move it in public/, or remove it`,
    file
  }
}
