/**
 * The site the dev server served when it stopped, kept in the build cache for its next start
 * (issue 21, item 4): every file's bytes back to back in a few bins, and beside them a sealed list
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
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeSealed } from '../cache/sealed-file.js'
import { isAbandonedTemporary } from '../cache/stale-temporary.js'
import type { LocatedProblem } from './overlay.js'
import type { ServedContent } from './serve-site.js'
import type { InputStamp } from './input-stamps.js'
import { openBinWriter } from './bin-writer.js'
import {
  binName,
  digestOf,
  folderName,
  layout,
  manifestName,
  problemsPath,
  readManifest,
  sizeOf
} from './stored-site-list.js'
import type { Entry, Manifest } from './stored-site-list.js'

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

/** Where a file lies, by its bin's name. */
interface Placed {
  bin: string
  offset: number
  length: number
  hash: string
}

let storeCount = 0

/** A file's content with its digest and length, as a store worked them out. */
interface Known {
  path: string
  content: string | Uint8Array
  hash: string
  length: number
}

/**
 * The contents the last store of this process hashed, by path: the next one takes their digests
 * as they are for the very same contents (a string compared to itself is not read).
 */
export type KnownContents = Map<string, Known>

/** Bytes hashed between two turns of the event loop: a few milliseconds. */
const hashSliceBytes = 4 * 1024 * 1024

/**
 * Keeps `site` in `cacheDir` under `key` (the code and the options it was built with) and the
 * inputs' `stamps`; the files that are functions (made when first read) are left out. A file
 * whose bytes the last kept site holds (same digest and length) is not written again but named
 * where it lies, so a stop after a day of saves writes what they changed, not the site (at
 * 40,000 articles, 1.1 GB); a bin less than half of which is still named is written anew. False
 * when the disk refused; the last kept site is then still the one named.
 */
export async function storeSite(
  cacheDir: string,
  key: string,
  stamps: readonly InputStamp[],
  site: SiteToStore,
  known: KnownContents = new Map()
): Promise<boolean> {
  const folder = join(cacheDir, folderName)
  await mkdir(folder, { recursive: true }).catch(() => undefined)
  const earlier = placedBefore(folder)
  // Each file's digest first: which bins stay worth keeping depends on how much of each is named.
  // Hashing a large site takes seconds (2.7 s at 40,000 articles): the event loop is let go
  // between slices, and a content this process hashed before is not hashed again.
  const wanted: Known[] = []
  let sinceTurn = 0
  for (const [path, content] of site.files) {
    if (typeof content === 'function') continue
    const before = known.get(path)
    if (before !== undefined && before.content === content) {
      wanted.push(before)
      continue
    }
    const length = lengthOf(content)
    wanted.push({ path, content, hash: digestOf(content), length })
    sinceTurn += length
    if (sinceTurn >= hashSliceBytes) {
      sinceTurn = 0
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  // The problems are one more entry, under a name no output path has.
  const problemsJson = JSON.stringify(site.problems)
  wanted.push({
    path: problemsPath,
    content: problemsJson,
    hash: digestOf(problemsJson),
    length: lengthOf(problemsJson)
  })
  const named = new Map<string, number>()
  const reusable = (path: string, hash: string, length: number): Placed | undefined => {
    const placed = earlier.files.get(path)
    return placed !== undefined && placed.hash === hash && placed.length === length
      ? placed
      : undefined
  }
  for (const file of wanted) {
    const placed = reusable(file.path, file.hash, file.length)
    if (placed !== undefined) named.set(placed.bin, (named.get(placed.bin) ?? 0) + placed.length)
  }
  const kept = new Set(
    [...named]
      .filter(([bin, bytes]) => bytes * 2 >= (earlier.sizes.get(bin) ?? Infinity))
      .map(([bin]) => bin)
  )
  storeCount += 1
  const bin = `${process.pid.toString(36)}${Date.now().toString(36)}${storeCount.toString(36)}.bin`
  const bins = [...kept, bin]
  const writer = openBinWriter(join(folder, bin))
  const place = async (
    content: string | Uint8Array,
    hash: string,
    length: number,
    path: string
  ): Promise<Entry> => {
    const placed = reusable(path, hash, length)
    if (placed !== undefined && kept.has(placed.bin))
      return [bins.indexOf(placed.bin), placed.offset, placed.length, placed.hash]
    return [bins.length - 1, await writer.add(content), length, hash]
  }
  const files: Manifest['files'] = []
  let problems: Entry | undefined
  for (const file of wanted) {
    const entry = await place(file.content, file.hash, file.length, file.path)
    if (file.path === problemsPath) problems = entry
    else files.push([file.path, ...entry])
  }
  if (!(await writer.close())) return false
  known.clear()
  for (const file of wanted) known.set(file.path, file)
  // Nothing new: the site is all in the bins kept.
  if (!writer.added()) bins.pop()
  if (problems === undefined) return false
  const manifest: Manifest = {
    layout,
    key,
    stamps: [...stamps],
    bins,
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
  // Only the bins the list names are kept; a bin another server is writing is left alone.
  await dropOtherBins(folder, new Set(stored ? bins : [...earlier.sizes.keys()]))
  return stored
}

/** The kept site's files by path, where they lie, and the size of each bin that is there. */
function placedBefore(folder: string): { files: Map<string, Placed>; sizes: Map<string, number> } {
  const files = new Map<string, Placed>()
  const sizes = new Map<string, number>()
  const manifest = readManifest(folder)
  if (manifest === undefined) return { files, sizes }
  for (const bin of manifest.bins) {
    const size = sizeOf(join(folder, bin))
    if (size !== undefined) sizes.set(bin, size)
  }
  const entries: [string, Entry][] = [
    ...manifest.files.map(([path, ...entry]): [string, Entry] => [path, entry]),
    [problemsPath, manifest.problems]
  ]
  for (const [path, [index, offset, length, hash]] of entries) {
    const bin = manifest.bins[index]
    const size = bin === undefined ? undefined : sizes.get(bin)
    if (bin !== undefined && size !== undefined && offset + length <= size)
      files.set(path, { bin, offset, length, hash })
  }
  return { files, sizes }
}

async function dropOtherBins(folder: string, named: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      if (named.has(name) || name === manifestName) return
      if (name.endsWith('.tmp') && !(await isAbandonedTemporary(folder, name))) return
      if (binName.test(name) || name.endsWith('.tmp')) await rm(join(folder, name), { force: true })
    })
  )
}

function lengthOf(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength
}
