/**
 * Brings a staging folder to exactly the files of a build, touching as little as it can. The
 * staging folder may start empty or hold an earlier build (the spare a previous swap retired,
 * or one left half-updated by a killed build): every file kept is first verified byte for byte,
 * so whatever state it is in, it ends holding exactly `files`.
 *
 * A file that must change is unlinked first and never written into: it may be a hard link shared
 * with the live output. A file whose bytes equal the live output's file at the same path is
 * hard-linked from it rather than written, so unchanged pages keep their modification time (an
 * rsync or S3 sync uploads only what changed) and cost a link instead of a write. The calls are
 * synchronous on purpose: thousands of small metadata calls in a row cost a fraction of their
 * promise-per-call form, and nothing else runs while the site is written.
 */
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import type { OutputFile } from '../types.js'

/** Makes `staging` hold exactly `files`, borrowing unchanged files from the live output `live`. */
export function fillStaging(staging: string, live: string, files: readonly OutputFile[]): void {
  const wanted = new Map<string, OutputFile['content']>()
  for (const file of files) {
    safeJoin(staging, file.path)
    wanted.set(normalize(file.path), file.content)
  }
  const folders = new Set<string>()
  for (const path of wanted.keys()) {
    for (let folder = dirname(path); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder)
  }
  // Whatever stood at the spare's place was moved here; a spare that is no folder cannot serve.
  if (lstatSync(staging, { throwIfNoEntry: false })?.isDirectory() === false) rmSync(staging, { force: true })
  mkdirSync(staging, { recursive: true })
  const present = prune(staging, '', wanted, folders)
  for (const folder of [...folders].sort()) {
    if (!present.folders.has(folder)) mkdirSync(join(staging, folder), { recursive: true })
  }
  for (const [path, text] of wanted) {
    // Encoded one file at a time: a large site's pages, all encoded at once, double its memory.
    const content = typeof text === 'string' ? Buffer.from(text) : text
    const target = join(staging, path)
    if (present.files.has(path)) {
      if (holdsBytes(target, content)) continue
      unlinkSync(target)
    }
    if (holdsBytes(join(live, path), content) && linked(join(live, path), target)) continue
    writeFileSync(target, content)
  }
}

/** Joins an output path under `root`, refusing any path that would leave it (SPEC 9). */
export function safeJoin(root: string, path: string): string {
  const joined = resolve(root, path)
  if (!joined.startsWith(resolve(root) + sep)) {
    throw new TypeError(`output path \`${path}\` leaves the output folder`)
  }
  return joined
}

/** `a/./b//c.html` -> `a/b/c.html`, with the platform's separator, as the staging walk names it. */
function normalize(path: string): string {
  return join(path)
}

/**
 * Removes everything under `staging/prefix` that is not wanted (stale pages, a folder where a
 * file is wanted, a symlink anything planted) and returns the regular files and folders kept.
 */
function prune(
  staging: string,
  prefix: string,
  wanted: ReadonlyMap<string, unknown>,
  folders: ReadonlySet<string>,
  present: { files: Set<string>; folders: Set<string> } = { files: new Set(), folders: new Set() }
): { files: Set<string>; folders: Set<string> } {
  for (const entry of readdirSync(join(staging, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : join(prefix, entry.name)
    if (entry.isDirectory() && folders.has(path)) {
      present.folders.add(path)
      prune(staging, path, wanted, folders, present)
    } else if (entry.isFile() && wanted.has(path)) {
      present.files.add(path)
    } else {
      rmSync(join(staging, path), { recursive: true, force: true })
    }
  }
  return present
}

/** Whether `path` is a regular file (not a symlink) holding exactly `content`. */
function holdsBytes(path: string, content: Uint8Array): boolean {
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (!stats?.isFile() || stats.size !== content.byteLength) return false
  try {
    return readFileSync(path).equals(content)
  } catch {
    return false
  }
}

/** Hard-links `from` to `to`; false where links are refused (another device, no link support). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to)
    return true
  } catch {
    return false
  }
}
