/**
 * The new site's `package.json`: factdesk as its dependency and the scripts an editor runs
 * (`npm run build`, `dev`, `check`, `preview`). `npm install factdesk` has usually written one
 * already; it is merged, not replaced: missing scripts are added, and every key and dependency
 * spec already there is kept as written. npm's own writer indents with two spaces, so does this.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isMissing } from '../io/file-errors.js'

/** The scripts a new site gets, each a factdesk command (SPEC 7). */
export const siteScripts: Readonly<Record<string, string>> = {
  build: 'factdesk build',
  dev: 'factdesk dev',
  check: 'factdesk check',
  preview: 'factdesk preview'
}

/** What to write: the new text, or `undefined` when the file already has everything. */
export type PackageJsonPlan =
  { ok: true; text: string | undefined; exists: boolean } | { ok: false; message: string }

type Manifest = Record<string, unknown>

/** Reads `dir/package.json` when there is one, and works out its merged text; writes nothing. */
export async function planPackageJson(dir: string): Promise<PackageJsonPlan> {
  let source: string
  try {
    source = await readFile(join(dir, 'package.json'), 'utf8')
  } catch (error) {
    if (!isMissing(error)) return fail(`cannot read package.json: ${String(error)}`)
    const fresh = merge({ private: true }, await ownVersion())
    return { ok: true, text: serialize(fresh.manifest), exists: false }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return fail(
      `package.json is not valid JSON (${why}); fix it, or move it away and run init again`
    )
  }
  if (!isRecord(parsed))
    return fail('package.json does not hold a JSON object; fix it, or move it away')
  for (const key of ['scripts', 'dependencies'] as const) {
    if (parsed[key] !== undefined && !isRecord(parsed[key]))
      return fail(`"${key}" in package.json is not an object; fix it, or move package.json away`)
  }
  const merged = merge(parsed, await ownVersion())
  return { ok: true, text: merged.changed ? serialize(merged.manifest) : undefined, exists: true }
}

/**
 * Writes the planned text. A new file is written only if none has appeared since; an existing
 * one is replaced in one rename, so an interrupted init never leaves it half written.
 */
export async function writePackageJson(dir: string, text: string, exists: boolean): Promise<void> {
  const file = join(dir, 'package.json')
  if (!exists) {
    await writeFile(file, text, { flag: 'wx' })
    return
  }
  const temporary = join(dir, `.package.json.factdesk-${process.pid}`)
  await writeFile(temporary, text, { flag: 'wx' })
  await rename(temporary, file)
}

/**
 * Adds what is missing: each script of `siteScripts` and, when no dependency list names
 * factdesk, `"factdesk": "^<version>"`. A spec npm wrote (`file:../factdesk-0.1.0.tgz`, a git
 * URL) stays: it is how this copy was installed.
 */
function merge(manifest: Manifest, version: string): { manifest: Manifest; changed: boolean } {
  let changed = false
  const scripts: Manifest = isRecord(manifest.scripts) ? { ...manifest.scripts } : {}
  for (const [name, command] of Object.entries(siteScripts)) {
    if (scripts[name] === undefined) {
      scripts[name] = command
      changed = true
    }
  }
  const listed = ['dependencies', 'devDependencies'].some((key) => {
    const list = manifest[key]
    return isRecord(list) && list.factdesk !== undefined
  })
  const dependencies: Manifest = isRecord(manifest.dependencies) ? { ...manifest.dependencies } : {}
  if (!listed) {
    dependencies.factdesk = `^${version}`
    changed = true
  }
  const result: Manifest = { ...manifest, scripts }
  if (!listed || manifest.dependencies !== undefined) result.dependencies = dependencies
  return { manifest: result, changed }
}

/** factdesk's own version, from the package.json next to `src/` or the compiled `lib/`. */
async function ownVersion(): Promise<string> {
  const manifest: unknown = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8')
  )
  if (isRecord(manifest) && typeof manifest.version === 'string') return manifest.version
  throw new TypeError("factdesk's own package.json has no `version`")
}

function serialize(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

function isRecord(value: unknown): value is Manifest {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(message: string): PackageJsonPlan {
  return { ok: false, message }
}
