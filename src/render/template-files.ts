/**
 * Reading `templates/` from disk: a site's template files and assets, refused when they leave
 * the site or are not plain files of a sane size, with the project's own as the fallback.
 */
import { readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeRefusal, readSiteFile } from '../io/read-site-file.js'
import type { Refusal } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import { hasCode } from '../io/file-errors.js'
import type { Problem, SiteProblem } from '../types.js'

/**
 * The project's own folder, whose `templates/` are found next to `src/` and next to the compiled
 * `lib/` alike. Its files are read by the same rules as a site's, with the project as their root.
 */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
/**
 * `name -> source` of the `*.hbs` files in the folder `folder` of `base` (a site root, or the
 * project's); empty when the folder does not exist. A file that cannot be read (a link leaving
 * the site, a FIFO, a file over `sizeLimits.template`) is a problem, and the project default of
 * its name stands in for it.
 */
export async function listTemplates(
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
export type Asset = 'stylesheet' | 'script'

/**
 * The stylesheet or script `file` of `base` (the site root, or the project's when the site uses
 * its templates), or the project's when the site has none or it cannot be read.
 */
export async function readAsset(
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
export async function canonical(folder: string): Promise<string> {
  try {
    return await realpath(folder)
  } catch {
    return path.resolve(folder)
  }
}
