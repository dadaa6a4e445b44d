/**
 * The site kept at the dev server's last stop, read back (`stored-site.ts` keeps it): served
 * only when its code, options and input stamps are today's, each file read from its bin when
 * first asked for and checked against its digest; a read that finds other bytes throws, and the
 * server answers 500 for that one file until the build under way replaces the site.
 */
import { closeSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { cacheDebug, openCacheFile } from '../cache/sealed-file.js'
import { sameStamps } from './input-stamps.js'
import { digestOf, folderName, readManifest, sizeOf } from './stored-site-list.js'
import type { InputStamp } from './input-stamps.js'
import type { LocatedProblem } from './overlay.js'
import type { SiteToStore } from './stored-site.js'
import type { Entry } from './stored-site-list.js'

/** A kept site as read back: each file is read from the disk when first asked for. */
export interface StoredSite extends Omit<SiteToStore, 'files' | 'problems'> {
  files: Map<string, () => Uint8Array>
  /** The build's problems, parsed when first asked for (a passing build's overlay needs none). */
  problems(): readonly LocatedProblem[]
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
  const manifest = readManifest(folder)
  if (manifest === undefined) return undefined
  if (manifest.key !== key || !sameStamps(manifest.stamps, stamps)) {
    cacheDebug('the kept dev site is of other code, options or inputs: not served')
    return undefined
  }
  const bins = manifest.bins.map((bin) => join(folder, bin))
  const sizes = bins.map(sizeOf)
  const inside = ([index, offset, length]: Entry): boolean => {
    const size = sizes[index]
    return size !== undefined && offset + length <= size
  }
  if (!inside(manifest.problems) || !manifest.files.every(([, ...entry]) => inside(entry)))
    return undefined
  const files = new Map<string, () => Uint8Array>()
  for (const [path, ...entry] of manifest.files) files.set(path, reader(bins, path, entry))
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
        Buffer.from(reader(bins, 'its problems', problems)()).toString('utf8')
      ) as LocatedProblem[])
  }
}

/**
 * How to read one file, checked against its digest. Made out of `loadStoredSite`'s scope, so
 * that a file kept into a later site holds only its own entry.
 */
function reader(
  bins: readonly string[],
  path: string,
  [index, offset, length, hash]: Entry
): () => Uint8Array {
  const bin = bins[index] ?? ''
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
