/**
 * The site the dev server served when it stopped, kept in the build cache for its next start
 * (issue 21, item 4): every file's bytes back to back in one file, and beside it a sealed list
 * of where each one lies with the SHA-256 of its bytes, the pages of the articles, the build's
 * exit status and problems, and the stamps of every input file at the stop (`input-stamps.ts`).
 * A start whose inputs stamp the same and whose code and options are the same serves these
 * files at once, each read from the disk when first asked for, while the build runs.
 *
 * Nothing here is trusted before it is checked (SPEC 9): the list is sealed (`sealed-file.ts`),
 * its shape is checked field by field, and each file's bytes are checked against their digest on
 * every read; a read that finds other bytes throws, and the server answers 500 for that one file
 * until the build under way replaces the site. Files a build leaves to be made when first read
 * (`factcheck.json`) are not kept: they wait for the build.
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, readSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheDebug, openCacheFile, readSealed, writeSealed } from '../cache/sealed-file.js'
import { isAbandonedTemporary } from '../cache/stale-temporary.js'
import { writeAtomically } from '../io/write-atomically.js'
import type { LocatedProblem } from './overlay.js'
import type { ServedContent } from './serve-site.js'
import { sameStamps } from './input-stamps.js'
import type { InputStamp } from './input-stamps.js'

/** What is kept of a served site. */
export interface SiteToStore {
  files: ReadonlyMap<string, ServedContent>
  /** The page of each article, by the article's site-relative file. */
  pages: ReadonlyMap<string, string>
  /** Pages of broken stories kept from an earlier build (`next-site.ts`). */
  kept: ReadonlySet<string>
  base: string
  exit: number
  problems: readonly LocatedProblem[]
}

/** A kept site as read back: each file is read from the disk when first asked for. */
export interface StoredSite extends Omit<SiteToStore, 'files' | 'problems'> {
  files: Map<string, () => Uint8Array>
  /** The build's problems, parsed when first asked for (a passing build's overlay needs none). */
  problems(): readonly LocatedProblem[]
}

interface Manifest {
  layout: typeof layout
  key: string
  stamps: InputStamp[]
  bin: string
  base: string
  exit: number
  pages: [string, string][]
  kept: string[]
  /** The problems' JSON, stored as one more entry of the bin. */
  problems: Entry
  files: [string, ...Entry][]
}

/** Where a file lies in the bin: offset, length and SHA-256 (hex) of its bytes. */
type Entry = [offset: number, length: number, hash: string]

const layout = 'factdesk-dev-site-1'
const folderName = 'dev-site'
const manifestName = 'site.sealed'
const binName = /^[0-9a-z]+\.bin$/
let storeCount = 0

/**
 * Keeps `site` in `cacheDir` under `key` (the code and the options it was built with) and the
 * inputs' `stamps`; the files that are functions (made when first read) are left out. False when
 * the disk refused; the last kept site is then still the one named.
 */
export async function storeSite(
  cacheDir: string,
  key: string,
  stamps: readonly InputStamp[],
  site: SiteToStore
): Promise<boolean> {
  const folder = join(cacheDir, folderName)
  const chunks: Uint8Array[] = []
  let offset = 0
  const add = (bytes: Uint8Array): Entry => {
    chunks.push(bytes)
    const entry: Entry = [offset, bytes.byteLength, digestOf(bytes)]
    offset += bytes.byteLength
    return entry
  }
  const files: Manifest['files'] = []
  for (const [path, content] of site.files) {
    if (typeof content === 'function') continue
    files.push([path, ...add(typeof content === 'string' ? Buffer.from(content) : content)])
  }
  const problems = add(Buffer.from(JSON.stringify(site.problems)))
  storeCount += 1
  const bin = `${process.pid.toString(36)}${Date.now().toString(36)}${storeCount.toString(36)}.bin`
  await mkdir(folder, { recursive: true }).catch(() => undefined)
  if (!(await writeAtomically(join(folder, bin), chunks))) return false
  const manifest: Manifest = {
    layout,
    key,
    stamps: [...stamps],
    bin,
    base: site.base,
    exit: site.exit,
    pages: [...site.pages],
    kept: [...site.kept],
    problems,
    files
  }
  const stored = await writeSealed(
    join(folder, manifestName),
    Buffer.from(JSON.stringify(manifest))
  )
  // Only the bin the list names is kept; a bin another server is writing is left alone.
  await dropOtherBins(folder, stored ? bin : undefined)
  return stored
}

/**
 * The site kept in `cacheDir`, when it was kept under `key` and `stamps` are the inputs' stamps
 * now; undefined otherwise, or when anything in it fails its checks.
 */
export function loadStoredSite(
  cacheDir: string,
  key: string,
  stamps: readonly InputStamp[]
): StoredSite | undefined {
  const folder = join(cacheDir, folderName)
  const payload = readSealed(join(folder, manifestName))
  if (payload === undefined) return undefined
  let manifest: unknown
  try {
    manifest = JSON.parse(Buffer.from(payload).toString('utf8'))
  } catch {
    return undefined
  }
  if (!isManifest(manifest) || manifest.key !== key || !sameStamps(manifest.stamps, stamps)) {
    if (isManifest(manifest)) cacheDebug('the kept dev site is of other inputs: not served')
    return undefined
  }
  const bin = join(folder, manifest.bin)
  const size = sizeOf(bin)
  if (size === undefined) return undefined
  const inside = ([offset, length]: Entry): boolean => offset + length <= size
  if (!inside(manifest.problems) || !manifest.files.every(([, ...entry]) => inside(entry)))
    return undefined
  const files = new Map<string, () => Uint8Array>()
  for (const [path, ...entry] of manifest.files) files.set(path, reader(bin, path, entry))
  const problems = manifest.problems
  let parsed: readonly LocatedProblem[] | undefined
  return {
    files,
    pages: new Map(manifest.pages),
    kept: new Set(manifest.kept),
    base: manifest.base,
    exit: manifest.exit,
    problems: () =>
      (parsed ??= JSON.parse(
        Buffer.from(reader(bin, 'its problems', problems)()).toString('utf8')
      ) as LocatedProblem[])
  }
}

/**
 * How to read one file of the bin, checked against its digest. Made out of `loadStoredSite`'s
 * scope, so that a file kept into a later site holds only its own entry.
 */
function reader(bin: string, path: string, [offset, length, hash]: Entry): () => Uint8Array {
  return () => {
    const descriptor = openCacheFile(bin)
    if (descriptor !== undefined) {
      try {
        const bytes = Buffer.alloc(length)
        if (readSync(descriptor, bytes, 0, length, offset) === length && digestOf(bytes) === hash)
          return bytes
      } finally {
        closeSync(descriptor)
      }
    }
    throw new Error(`the kept copy of ${path} is damaged; it is served again once the build ends`)
  }
}

function sizeOf(file: string): number | undefined {
  const descriptor = openCacheFile(file)
  if (descriptor === undefined) return undefined
  try {
    return fstatSync(descriptor).size
  } finally {
    closeSync(descriptor)
  }
}

async function dropOtherBins(folder: string, named: string | undefined): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      if (name === named || name === manifestName) return
      if (name.endsWith('.tmp') && !(await isAbandonedTemporary(folder, name))) return
      if (binName.test(name) || name.endsWith('.tmp')) await rm(join(folder, name), { force: true })
    })
  )
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return (
    m.layout === layout &&
    typeof m.key === 'string' &&
    typeof m.bin === 'string' &&
    binName.test(m.bin) &&
    typeof m.base === 'string' &&
    typeof m.exit === 'number' &&
    isEntry(m.problems) &&
    isList(m.stamps, isStamp) &&
    isList(m.pages, isPair) &&
    isList(m.kept, (kept) => typeof kept === 'string') &&
    isList(
      m.files,
      (file) => Array.isArray(file) && typeof file[0] === 'string' && isEntry(file.slice(1))
    )
  )
}

function isList(value: unknown, each: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(each)
}

function isEntry(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isSafeInteger(value[0]) &&
    (value[0] as number) >= 0 &&
    Number.isSafeInteger(value[1]) &&
    (value[1] as number) >= 0 &&
    typeof value[2] === 'string' &&
    /^[0-9a-f]{64}$/.test(value[2])
  )
}

function isStamp(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    value.slice(1).every((n) => typeof n === 'number')
  )
}

function isPair(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  )
}
