/**
 * The digests of the site's pages that are not briefs (the fact-check report and page, the
 * listings), each with the key of the inputs it was rendered from. When a warm build's inputs hash to the same key, the output
 * already holds the page (verified by digest when it is staged), and it is not rendered at all:
 * at 4,000 articles that is 33 MB of JSON and HTML not produced, and ten times that at 40,000.
 * The memo is sealed with its digest (`sealed-file.ts`, SPEC 9): a damaged one is none.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { ContentDigest } from '../output/content-digest.js'
import { readSealed, writeSealed } from './sealed-file.js'

/** What was rendered at each path, under which key. */
export interface PageMemo {
  /** The digest `path` had when last rendered under `key`; undefined for any other key. */
  known(path: string, key: string): ContentDigest | undefined
  /** `path`, rendered under `key`, had `digest`. */
  record(path: string, key: string, digest: ContentDigest): void
  /** Keeps the records of the paths asked about in this build for the next, when any changed. */
  save(): Promise<void>
}

type Records = Map<string, { key: string; digest: ContentDigest }>

/** The memo kept in cache folder `dir`; without a folder, one that knows nothing and keeps nothing. */
export function openPageMemo(dir: string | undefined): PageMemo {
  const file = dir === undefined ? undefined : join(dir, 'pages.v8')
  const records: Records = file === undefined ? new Map() : readRecords(file)
  let changed = false
  // A path no build asks about any more (a listing page gone) is forgotten.
  const asked = new Set<string>()
  return {
    known: (path, key) => {
      asked.add(path)
      const record = records.get(path)
      return record?.key === key ? record.digest : undefined
    },
    record(path, key, digest) {
      if (file === undefined) return
      asked.add(path)
      const before = records.get(path)
      if (before?.key === key && before.digest.hash === digest.hash) return
      records.set(path, { key, digest })
      changed = true
    },
    async save() {
      for (const path of records.keys()) {
        if (asked.has(path)) continue
        records.delete(path)
        changed = true
      }
      if (file === undefined || !changed) return
      // Unwritten, the memo only costs the next build a rendering of its pages.
      await mkdir(join(file, '..'), { recursive: true }).catch(() => undefined)
      await writeSealed(file, serialize(records))
    }
  }
}

function readRecords(file: string): Records {
  const payload = readSealed(file)
  if (payload === undefined) return new Map()
  try {
    const value: unknown = deserialize(payload)
    return value instanceof Map ? (value as Records) : new Map()
  } catch {
    return new Map()
  }
}
