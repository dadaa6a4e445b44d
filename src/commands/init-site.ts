/**
 * `factdesk init [DIR]` (SPEC 7): scaffolds a newsroom site from the package's `starter/` folder,
 * so that a newsroom starts from a site that already builds with `--strict` and publishes. It
 * fills an empty folder only, unless `force` is given; even then it writes only files that are
 * missing, and never overwrites or deletes anything, because the folder may hold a day's work.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { hasCode, isMissing } from '../io/file-errors.js'
import { planPackageJson, writePackageJson } from './init-package-json.js'
import { starterFiles } from './init-starter-files.js'

/** What to scaffold. */
export interface InitSiteOptions {
  /** The folder of the new site; created when missing. */
  dir: string
  /** Add the missing starter files to a folder that is not empty, keeping every file there. */
  force: boolean
}

/**
 * The files written and the files left as they were (both relative to `dir`, with `/`), or why
 * nothing was written.
 */
export type InitSiteResult =
  { ok: true; dir: string; files: string[]; skipped: string[] } | { ok: false; message: string }

/**
 * What `npm install factdesk` leaves in a folder, and a fresh `git init`: a folder holding only
 * these is still empty for `init`, so that `npm install factdesk && npx factdesk init` works.
 */
const emptyEnough = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'node_modules',
  '.git'
])

/** Scaffolds a site into `options.dir`; see the module comment for what it refuses. */
export async function initSite(options: InitSiteOptions): Promise<InitSiteResult> {
  const dir = resolve(options.dir)
  const entries = await listFolder(dir, options.dir)
  if (!entries.ok) return entries
  const others = entries.names.filter((name) => !emptyEnough.has(name)).sort()
  if (others.length > 0 && !options.force) return fail(notEmpty(options.dir, others))

  // package.json is read before anything is written: a broken one stops init with the folder
  // as it was, rather than half scaffolded.
  const manifest = await planPackageJson(dir)
  if (!manifest.ok) return manifest

  const files: string[] = []
  const skipped: string[] = []
  try {
    await mkdir(dir, { recursive: true })
    for (const file of await starterFiles()) {
      if (await writeIfMissing(join(dir, file.target), await readFile(file.source)))
        files.push(file.target)
      else skipped.push(file.target)
    }
  } catch (error) {
    return fail(`cannot write into ${options.dir}: ${reason(error)}`)
  }
  if (manifest.text === undefined) skipped.push('package.json')
  else {
    try {
      await writePackageJson(dir, manifest.text, manifest.exists)
    } catch (error) {
      return fail(`cannot write ${join(options.dir, 'package.json')}: ${reason(error)}`)
    }
    files.push('package.json')
  }
  return { ok: true, dir, files: files.sort(), skipped: skipped.sort() }
}

/** The names in `dir`, none when it does not exist yet; a file at `dir` is refused. */
async function listFolder(
  dir: string,
  shown: string
): Promise<{ ok: true; names: string[] } | { ok: false; message: string }> {
  try {
    if (!(await stat(dir)).isDirectory())
      return fail(`${shown} is a file; name a new or empty folder for the site`)
    return { ok: true, names: await readdir(dir) }
  } catch (error) {
    if (isMissing(error)) return { ok: true, names: [] }
    return fail(`cannot read ${shown}: ${reason(error)}`)
  }
}

/**
 * Writes `content` at `file` unless something is there already. The exclusive flag makes the
 * check and the write one step: nothing that appears meanwhile is overwritten, not even a
 * symbolic link. The file gets the usual mode of a new file, whatever the package's copy has.
 */
async function writeIfMissing(file: string, content: Buffer): Promise<boolean> {
  await mkdir(dirname(file), { recursive: true })
  try {
    await writeFile(file, content, { flag: 'wx' })
    return true
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false
    throw error
  }
}

function notEmpty(dir: string, names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '')
  return (
    `${dir} is not empty (it holds ${shown}); init scaffolds a new site into an empty folder. ` +
    'Name a new folder (factdesk init my-site), or run factdesk init --force to add only the ' +
    'starter files that are missing: nothing there is overwritten or removed'
  )
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message }
}
