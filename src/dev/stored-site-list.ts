/**
 * The list of a kept dev site (`stored-site.ts`): its layout, its names in the cache, and its
 * reading, sealed (`sealed-file.ts`) and checked field by field before anything in it is used
 * (SPEC 9).
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync } from 'node:fs'
import { join } from 'node:path'
import { openCacheFile, readSealed } from '../cache/sealed-file.js'
import type { InputStamp } from './input-stamps.js'

export const layout = 'factdesk-dev-site-2'
/** The cache's folder for the kept site. */
export const folderName = 'dev-site'
export const manifestName = 'site.sealed'
export const binName = /^[0-9a-z]+\.bin$/
/** The name the problems' entry is kept under: no output path has it. */
export const problemsPath = ':problems'

export interface Manifest {
  layout: typeof layout
  key: string
  stamps: InputStamp[]
  /** The bins the entries name, by index. */
  bins: string[]
  base: string
  exit: number
  pages: [string, string][]
  kept: string[]
  /** The problems' JSON, stored as one more entry. */
  problems: Entry
  files: [string, ...Entry][]
}

/** Where a file lies: its bin (an index into `bins`), offset, length and SHA-256 (hex). */
export type Entry = [bin: number, offset: number, length: number, hash: string]

/** The kept list, sealed and of this layout; undefined when missing or damaged. */
export function readManifest(folder: string): Manifest | undefined {
  const payload = readSealed(join(folder, manifestName))
  if (payload === undefined) return undefined
  try {
    const manifest: unknown = JSON.parse(Buffer.from(payload).toString('utf8'))
    return isManifest(manifest) ? manifest : undefined
  } catch {
    return undefined
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return (
    m.layout === layout &&
    typeof m.key === 'string' &&
    isList(m.bins, (bin) => typeof bin === 'string' && binName.test(bin)) &&
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
    value.length === 4 &&
    value.slice(0, 3).every((n) => Number.isSafeInteger(n) && (n as number) >= 0) &&
    typeof value[3] === 'string' &&
    /^[0-9a-f]{64}$/.test(value[3])
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

/** The SHA-256 of `content`'s UTF-8 bytes; a string is hashed without being copied out. */
export function digestOf(content: string | Uint8Array): string {
  return typeof content === 'string'
    ? createHash('sha256').update(content, 'utf8').digest('hex')
    : createHash('sha256').update(content).digest('hex')
}

/** The size of a cache file, opened as every cache file is; undefined when it is not one. */
export function sizeOf(file: string): number | undefined {
  const descriptor = openCacheFile(file)
  if (descriptor === undefined) return undefined
  try {
    return fstatSync(descriptor).size
  } finally {
    closeSync(descriptor)
  }
}
