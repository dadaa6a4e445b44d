/**
 * The exact versions of the packages factdesk runs with, as installed: its dependencies and
 * theirs, found as Node finds them (the nearest `node_modules` up from the package that needs
 * them). `package.json` only gives ranges; an `npm update` within them can change how Markdown
 * parses or dates format, and cache entries made with other packages must not be reused.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * `name@version` of every package reachable from the package whose manifest is `manifest`,
 * sorted. Read with blocking calls: some 140 small files, where a promise per read costs several
 * times the reading.
 */
export function installedPackages(manifest: string): string[] {
  const found = new Map<string, string>()
  const pending = [manifest]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const read = readManifest(file)
    if (read === undefined) continue
    const names = Object.keys({
      ...read.dependencies,
      ...read.optionalDependencies,
      ...read.peerDependencies
    })
    for (const name of names) {
      const dependency = locate(name, dirname(file))
      if (dependency === undefined || found.has(dependency.file)) continue
      found.set(dependency.file, `${name}@${String(dependency.manifest.version)}`)
      pending.push(dependency.file)
    }
  }
  return [...new Set(found.values())].sort()
}

interface Manifest {
  version?: unknown
  dependencies?: Record<string, unknown>
  optionalDependencies?: Record<string, unknown>
  peerDependencies?: Record<string, unknown>
}

function readManifest(file: string): Manifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return typeof value === 'object' && value !== null ? (value as Manifest) : undefined
  } catch {
    return undefined
  }
}

/** The manifest Node would load for `name` required from the package in `from`, if installed. */
function locate(name: string, from: string): { file: string; manifest: Manifest } | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const file = join(dir, 'node_modules', name, 'package.json')
      const manifest = existsSync(file) ? readManifest(file) : undefined
      if (manifest !== undefined) return { file, manifest }
    }
    if (dirname(dir) === dir) return undefined
  }
}
