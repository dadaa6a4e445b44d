/** The data files a build publishes beside its pages (SPEC 8), read as every site file is. */
import { readSiteFile } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'

/**
 * The data files the fact-check panels name (`data/...`), to publish beside the pages. Read as
 * every site file is (SPEC 9); one that is not read is left out: the data store has reported it
 * already, and that problem fails the build, so nothing is published without it.
 */
export async function readDataFiles(
  root: string,
  paths: readonly string[]
): Promise<{ path: string; content: Uint8Array }[]> {
  const read = await Promise.all(
    paths.map(async (path) => ({
      path,
      content: await readSiteFile(root, path, sizeLimits.dataFile)
    }))
  )
  return read.flatMap(({ path, content }) =>
    content instanceof Uint8Array ? [{ path, content }] : []
  )
}
