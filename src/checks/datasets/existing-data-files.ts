/**
 * The data files that exist under `data/`, for the "did you mean" of a mistyped `data:` path
 * (issue 18, item 5). Listed only when an article names a file that is not there, so a build
 * whose paths are right never walks the folder.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { DataSource } from '../../data/data-source.js'
import { isDescriptionFile } from '../../data/dictionary.js'
import { sourceFor } from '../../data/sources.js'

/** Enough names to offer a likely one; a folder larger than this is only partly searched. */
const maxListed = 20_000

/**
 * Paths under `data/` (`markets/btc-usd.csv`, `/`-separated, sorted) of the files there that
 * some source reads; an unlistable folder gives none, as there is then nothing to suggest.
 */
export async function existingDataFiles(
  root: string,
  sources: readonly DataSource[]
): Promise<string[]> {
  let entries: string[]
  try {
    entries = await readdir(join(root, 'data'), { recursive: true, encoding: 'utf8' })
  } catch {
    return []
  }
  return entries
    .slice(0, maxListed)
    .map((entry) => entry.split('\\').join('/'))
    .filter((path) => sourceFor(path, sources) !== undefined && !isDescriptionFile(path))
    .sort()
}
