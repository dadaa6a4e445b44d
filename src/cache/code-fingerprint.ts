/**
 * A fingerprint of factdesk itself: its version, the hash of its own code, and the runtime that
 * formats for it (Node, V8, ICU with its time zone and locale data: a new ICU prints dates and
 * numbers differently). Cache entries made by other code are never reused, also between two
 * builds of an unreleased version.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

let fingerprint: Promise<string> | undefined

/** The fingerprint of the running factdesk code (computed once per process). */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= compute()
  return fingerprint
}

async function compute(): Promise<string> {
  const codeRoot = fileURLToPath(new URL('../', import.meta.url))
  const hash = createHash('sha256')
  hash.update(await readFile(new URL('../../package.json', import.meta.url)))
  const { node, v8, icu, tz, unicode, cldr } = process.versions
  hash.update(JSON.stringify({ node, v8, icu, tz, unicode, cldr }))
  const entries = await readdir(codeRoot, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  for (const file of files) hash.update(file.slice(codeRoot.length)).update(await readFile(file))
  return hash.digest('hex')
}
