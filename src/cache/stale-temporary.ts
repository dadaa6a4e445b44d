/**
 * Temporary files of cache writes (`*.tmp`, renamed into place when complete). One being written
 * by a build still running must be left alone; one a killed build left behind would stay forever:
 * after this long, none is still being written.
 */
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'

const abandonedAfterMs = 10 * 60 * 1000

/** Whether `name` in `folder` is a temporary file no build is writing any more. */
export async function isAbandonedTemporary(
  folder: string,
  name: string,
  now = Date.now()
): Promise<boolean> {
  if (!name.endsWith('.tmp')) return false
  const stats = await lstat(join(folder, name)).catch(() => undefined)
  return stats !== undefined && now - stats.mtimeMs > abandonedAfterMs
}
