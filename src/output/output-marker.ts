/**
 * The record a build leaves in its output folder: that factdesk made the folder, how it writes
 * there, and every file it wrote. It is how a later build tells its own folder from the user's
 * (SPEC 9) and, in a folder shared with the user's files, which files it may remove. Like
 * Sphinx's `.buildinfo`, it is published with the site; it says nothing the sitemap does not.
 */
import { lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The marker's file name, at the top of the output folder. */
export const markerName = '.factdesk-output.json'

/** A marker larger than this is not one factdesk wrote (a million files' names fit). */
const maxMarkerBytes = 256 * 1024 * 1024

/** What the marker records. */
export interface OutputMarker {
  mode: 'swap' | 'in-place'
  /** Every file the build wrote, `/`-separated, relative to the output folder, sorted. */
  files: readonly string[]
}

/** The marker's bytes for `marker`: the same files give the same bytes (SPEC 8). */
export function markerContent(marker: OutputMarker): string {
  return `${JSON.stringify({ generator: 'factdesk', format: 1, mode: marker.mode, files: [...marker.files].sort() })}\n`
}

/** The marker in `folder`, or undefined when there is none or it is not one factdesk wrote. */
export function readOutputMarker(folder: string): OutputMarker | undefined {
  const path = join(folder, markerName)
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (!stats?.isFile() || stats.size > maxMarkerBytes) return undefined
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return markerOf(value)
  } catch {
    return undefined
  }
}

function markerOf(value: unknown): OutputMarker | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const { mode, files } = record
  if (record.generator !== 'factdesk' || record.format !== 1) return undefined
  if (mode !== 'swap' && mode !== 'in-place') return undefined
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) return undefined
  return { mode, files: files as string[] }
}
