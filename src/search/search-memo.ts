/**
 * What a build remembers of its search index for the next (issue 19), in the build cache:
 *
 * - each brief's `<main>` by the digest of the brief, so an unchanged brief is kept in the output
 *   by its digest and never read or rendered again only to be indexed;
 * - the key the last index was made under (every indexed brief's path and `<main>`, the site's
 *   base and language) with the digests of its files, so that a build whose stories did not change
 *   keeps the index files the output already holds (verified by digest) without running pagefind.
 *
 * The memo is sealed with its digest (`cache/sealed-file.ts`, SPEC 9) and salted with factdesk's
 * code fingerprint (which holds pagefind's exact version): a damaged memo, or one made by other
 * code, is none, and the index is made again.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { readSealed, writeSealed } from '../cache/sealed-file.js'
import type { ContentDigest } from '../output/content-digest.js'

/** The files of the last index made, and the key it was made under. */
export interface IndexRecord {
  key: string
  files: [path: string, digest: ContentDigest][]
}

/** The memo of one build; see the file's comment. */
export interface SearchMemo {
  /** Whether the `<main>` of the brief with digest `hash` is known. */
  has(hash: string): boolean
  /** The `<main>` of the brief with digest `hash`; undefined when not known. */
  main(hash: string): Uint8Array | undefined
  /** The brief with digest `hash` has `main`. */
  remember(hash: string, main: Uint8Array): void
  /** The last index made, when its key is `key`. */
  index(key: string): IndexRecord['files'] | undefined
  /** Whether it holds an index at all: without one, this build's index is made whole. */
  readonly holdsIndex: boolean
  /** The index made under `key` has `files`. */
  recordIndex(record: IndexRecord): void
  /** Keeps the mains of this build's briefs and its index for the next build, when changed. */
  save(): Promise<void>
}

interface Stored {
  salt: string
  mains: Map<string, Uint8Array>
  index?: IndexRecord
}

/** The memo in cache folder `dir`, salted with `salt`; without a folder, one that keeps nothing. */
export function openSearchMemo(dir: string | undefined, salt: string): SearchMemo {
  const file = dir === undefined ? undefined : join(dir, 'search.v8')
  const stored: Stored = (file && readStored(file, salt)) || { salt, mains: new Map() }
  // A brief this build did not ask about (an article edited or removed) is forgotten.
  const used = new Set<string>()
  let changed = false
  return {
    has(hash) {
      if (!stored.mains.has(hash)) return false
      used.add(hash)
      return true
    },
    main: (hash) => stored.mains.get(hash),
    remember(hash, main) {
      used.add(hash)
      if (file === undefined || stored.mains.has(hash)) return
      stored.mains.set(hash, main)
      changed = true
    },
    index: (key) => (stored.index?.key === key ? stored.index.files : undefined),
    get holdsIndex() {
      return stored.index !== undefined
    },
    recordIndex(record) {
      if (file === undefined) return
      stored.index = record
      changed = true
    },
    async save() {
      for (const hash of stored.mains.keys()) {
        if (used.has(hash)) continue
        stored.mains.delete(hash)
        changed = true
      }
      if (file === undefined || !changed) return
      // Unwritten, the memo only costs the next build a new index.
      await mkdir(join(file, '..'), { recursive: true }).catch(() => undefined)
      await writeSealed(file, serialize(stored))
    }
  }
}

function readStored(file: string, salt: string): Stored | undefined {
  const payload = readSealed(file)
  if (payload === undefined) return undefined
  try {
    const value = deserialize(payload) as Partial<Stored> | null
    if (value?.salt !== salt || !(value.mains instanceof Map)) return undefined
    return value as Stored
  } catch {
    return undefined
  }
}
