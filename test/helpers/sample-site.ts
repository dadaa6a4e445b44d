/**
 * The repository's own sample newsroom (`content/`, `data/` and `templates/` at the root), copied
 * into a temporary folder for tests that build it or change it, so that no test ever writes into
 * the repository.
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempFolders } from './temp-folders.js'

/** The repository root, which is also the sample site. */
export const sampleRoot = fileURLToPath(new URL('../../', import.meta.url))

/** A folder of the sample site. */
export type SampleFolder = 'content' | 'data' | 'templates'

const sampleFolder = tempFolders('sample')

/**
 * Copies the sample site's `folders` into a fresh temporary folder, removed after the test file's
 * tests, and returns its path. Default: `content/` and `data/`, so the copy renders with the
 * project's own templates.
 */
export async function copySample(
  folders: readonly SampleFolder[] = ['content', 'data']
): Promise<string> {
  const root = await sampleFolder()
  for (const folder of folders) {
    await cp(join(sampleRoot, folder), join(root, folder), { recursive: true })
  }
  return root
}
