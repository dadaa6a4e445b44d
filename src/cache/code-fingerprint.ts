/**
 * A fingerprint of factdesk itself: its version, the hash of its own code, the exact versions of
 * the packages it runs with, and the runtime that formats for it (Node, V8, ICU with its time
 * zone and locale data: a new ICU prints dates and numbers differently). Cache entries made by
 * other code are never reused, also between two builds of an unreleased version.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installedPackages } from './installed-packages.js'

let fingerprint: string | undefined

/** The fingerprint of the running factdesk code (computed once per process). */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= compute()
  return Promise.resolve(fingerprint)
}

/**
 * Read with blocking calls: a few hundred small files, where a promise per read costs several
 * times the reading.
 */
function compute(): string {
  const codeRoot = fileURLToPath(new URL('../', import.meta.url))
  const manifest = fileURLToPath(new URL('../../package.json', import.meta.url))
  const hash = createHash('sha256')
  hash.update(readFileSync(manifest))
  const { node, v8, icu, tz, unicode, cldr } = process.versions
  hash.update(JSON.stringify({ node, v8, icu, tz, unicode, cldr }))
  const entries = readdirSync(codeRoot, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  for (const file of files) hash.update(file.slice(codeRoot.length)).update(readFileSync(file))
  hash.update(JSON.stringify(installedPackages(manifest)))
  return hash.digest('hex')
}
