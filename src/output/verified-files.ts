/**
 * Files verified to hold a digest, remembered by inode, size and times, as git's index does: a
 * warm build that keeps thousands of unchanged pages by digest then looks each up with one
 * `lstat` instead of reading and hashing it. Writing to a file changes its ctime, which no tool
 * can set back; a file changed in the same clock tick as it was verified could keep its times, so
 * only files whose ctime is a few seconds old when verified are remembered. Both the live output
 * and the spare are remembered (the same path alternates between their inodes, build after build).
 *
 * The ctime is what makes this safe for the spare, which lives in the build cache (SPEC 9): bytes
 * written over a kept page, its mtime then set back with `touch -d` or `utimes`, still move the
 * ctime, so the page is read and hashed again and found wrong. The records themselves are sealed
 * with their digest (`sealed-file.ts`): damaged, they vouch for nothing.
 */
import type { Stats } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { readSealed, writeSealed } from '../cache/sealed-file.js'
import type { ContentDigest } from './content-digest.js'

/** What is remembered of a file: its size and times, the hash it held, and when it last served. */
interface Verified {
  size: number
  mtimeMs: number
  ctimeMs: number
  hash: string
  build: number
}

/** How old a change must be before a file is remembered: past any clock tick or racing writer. */
const settledMs = 2_000

export interface VerifiedFiles {
  /** Whether the file `stats` describes was verified to hold `digest` and has not changed since. */
  vouches(stats: Stats, digest: ContentDigest): boolean
  /** The file `stats` describes was just verified to hold `digest`. */
  record(stats: Stats, digest: ContentDigest): void
  /** Keeps what this build and the one before used, for the next build. */
  save(): Promise<void>
}

/** The files remembered in `file`; without a file, nothing is vouched for and nothing kept. */
export function openVerifiedFiles(file: string | undefined, now = Date.now()): VerifiedFiles {
  const { build, records } = readRecords(file)
  const current = build + 1
  let changed = false
  return {
    vouches(stats, digest) {
      const record = records.get(identity(stats))
      const holds =
        record !== undefined &&
        record.hash === digest.hash &&
        record.size === stats.size &&
        stats.size === digest.size &&
        record.mtimeMs === stats.mtimeMs &&
        record.ctimeMs === stats.ctimeMs
      if (holds && record.build !== current) {
        record.build = current
        changed = true
      }
      return holds
    },
    record(stats, digest) {
      if (file === undefined || now - stats.ctimeMs < settledMs || stats.size !== digest.size)
        return
      const { size, mtimeMs, ctimeMs } = stats
      records.set(identity(stats), { size, mtimeMs, ctimeMs, hash: digest.hash, build: current })
      changed = true
    },
    async save() {
      if (file === undefined || !changed) return
      const kept = new Map([...records].filter(([, record]) => record.build >= current - 1))
      // Unwritten, the records only cost the next build reading and hashing files again.
      await mkdir(dirname(file), { recursive: true }).catch(() => undefined)
      await writeSealed(file, serialize({ build: current, records: kept }))
    }
  }
}

function identity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`
}

function readRecords(file: string | undefined): { build: number; records: Map<string, Verified> } {
  const empty = { build: 0, records: new Map<string, Verified>() }
  const payload = file === undefined ? undefined : readSealed(file)
  if (payload === undefined) return empty
  try {
    const value: unknown = deserialize(payload)
    if (
      typeof value === 'object' &&
      value !== null &&
      'build' in value &&
      typeof value.build === 'number' &&
      'records' in value &&
      value.records instanceof Map
    )
      return { build: value.build, records: value.records as Map<string, Verified> }
  } catch {
    // Missing or damaged: every file is verified by its bytes.
  }
  return empty
}
