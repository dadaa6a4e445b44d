/**
 * Article results kept in pack files: each pack holds many articles' results back to back, and
 * the cache index says where each one lies. A cold build of 4,000 articles then creates a few
 * dozen files rather than thousands (ext4 creates files slowly right after many were deleted, as
 * happens when an output and its cache are cleared and rebuilt), and CI saves and restores a few
 * dozen files. A pack is written once, renamed into place, and never changed; one whose entries
 * the index no longer names is deleted, and one mostly dead has its live entries copied on.
 * Where an entry lies comes with the digest of its bytes, kept in the index apart from the pack,
 * and checked on every read (SPEC 9): bytes changed in a pack are never taken for results.
 */
import { createHash } from 'node:crypto'
import { closeSync, readSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheDebug, openCacheFile } from './sealed-file.js'
import { isAbandonedTemporary } from './stale-temporary.js'
import { writeAtomically } from '../io/write-atomically.js'

/** Where one entry's bytes lie, and what they hold. */
export interface PackedRef {
  pack: string
  offset: number
  length: number
  /** The SHA-256 (hex) of the entry's bytes: a read that finds other bytes finds nothing. */
  hash: string
}

/** Bytes gathered before a pack is written: large enough for few files, small enough to hold. */
const packBytes = 4 * 1024 * 1024

/** Packs written at once; more wait, holding their bytes. */
const maxWrites = 2

const packName = /^[0-9a-z]+-(\d+)\.pack$/

/** Packs being filled in `folder`: entries go in as they come, and out in packs of a few MB. */
export interface PackWriter {
  add(key: string, bytes: Uint8Array): void
  /** Whether `key` was added, written yet or not. */
  has(key: string): boolean
  /** Writes what is gathered and waits for every pack; then `written` is complete. */
  flush(): Promise<void>
  /** Where each key added was written; a key whose pack failed to write is missing. */
  readonly written: ReadonlyMap<string, PackedRef>
}

let packCounter = 0

export function openPackWriter(folder: string): PackWriter {
  const written = new Map<string, PackedRef>()
  const added = new Set<string>()
  let gathered: { key: string; bytes: Uint8Array }[] = []
  let size = 0
  let running = 0
  const waiting: (typeof gathered)[] = []
  const idle: (() => void)[] = []
  let made: Promise<unknown> | undefined

  const write = async (entries: typeof gathered): Promise<void> => {
    packCounter += 1
    const name = `${process.pid.toString(36)}${Date.now().toString(36)}${packCounter.toString(36)}-${entries.length}.pack`
    const file = join(folder, name)
    let offset = 0
    const refs = entries.map(({ key, bytes }) => {
      const ref = { pack: name, offset, length: bytes.byteLength, hash: digestOf(bytes) }
      offset += bytes.byteLength
      return [key, ref] as const
    })
    // Unwritten, a pack only costs the next build checking its articles again.
    await (made ??= mkdir(folder, { recursive: true }).catch(() => undefined))
    if (
      !(await writeAtomically(
        file,
        entries.map((entry) => entry.bytes)
      ))
    )
      return
    for (const [key, ref] of refs) written.set(key, ref)
  }
  const pump = (): void => {
    while (running < maxWrites) {
      const next = waiting.shift()
      if (next === undefined) return
      running++
      void write(next).finally(() => {
        running--
        pump()
        if (running === 0 && waiting.length === 0) for (const resolve of idle.splice(0)) resolve()
      })
    }
  }
  const seal = (): void => {
    if (gathered.length === 0) return
    waiting.push(gathered)
    gathered = []
    size = 0
    pump()
  }
  return {
    written,
    has: (key) => added.has(key),
    add(key, bytes) {
      added.add(key)
      gathered.push({ key, bytes })
      size += bytes.byteLength
      if (size >= packBytes) seal()
    },
    async flush() {
      seal()
      if (running > 0 || waiting.length > 0)
        await new Promise<void>((resolve) => idle.push(resolve))
    }
  }
}

/**
 * The bytes `ref` names, or undefined when its pack is missing, shorter than it says, or holds
 * other bytes there than those it was written with.
 */
export function readPacked(folder: string, ref: PackedRef): Uint8Array | undefined {
  if (!packName.test(ref.pack) || typeof ref.hash !== 'string') return undefined
  let descriptor: number | undefined
  try {
    descriptor = openCacheFile(join(folder, ref.pack))
    if (descriptor === undefined) return undefined
    const bytes = new Uint8Array(ref.length)
    const read = readSync(descriptor, bytes, 0, ref.length, ref.offset)
    if (read === ref.length && digestOf(bytes) === ref.hash) return bytes
    cacheDebug('%s at %d is not what the index says: dropped', ref.pack, ref.offset)
    return undefined
  } catch {
    return undefined
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The packs of `folder` with fewer than a quarter of their entries still named by `live`: their
 * live entries are better copied into a new pack, and the rest of their bytes let go.
 */
export function sparsePacks(names: readonly string[], live: readonly PackedRef[]): Set<string> {
  const counts = new Map<string, number>()
  for (const ref of live) counts.set(ref.pack, (counts.get(ref.pack) ?? 0) + 1)
  const sparse = new Set<string>()
  for (const name of names) {
    const entries = Number(packName.exec(name)?.[1] ?? 0)
    const used = counts.get(name) ?? 0
    if (used > 0 && used * 4 < entries) sparse.add(name)
  }
  return sparse
}

/** The names of the packs in `folder`. */
export async function packsIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[])
  return names.filter((name) => packName.test(name))
}

/**
 * Deletes every file of `folder` that is not a pack `live` names, the files of an older layout
 * included; a pack another build may still be writing (`.tmp`) is left alone.
 */
export async function prunePacks(folder: string, live: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      if (live.has(name)) return
      if (name.endsWith('.tmp') && !(await isAbandonedTemporary(folder, name))) return
      await rm(join(folder, name), { recursive: true, force: true })
    })
  )
}
