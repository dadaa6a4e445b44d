/** Temporary folders for one test file, removed when its tests are done. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** Returns a maker of fresh folders named `factdesk-<name>-*`; all of them go after the file's tests. */
export function tempFolders(name: string): () => Promise<string> {
  const made: string[] = []
  afterAll(async () => {
    await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })))
  })
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), `factdesk-${name}-`))
    made.push(folder)
    return folder
  }
}
