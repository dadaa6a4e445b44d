/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed into place,
 * so a reader sees the old file or the new one, never half of one. The cache's writers use it,
 * and a cache that cannot be written only costs speed: failures come back as `false`.
 */
import { rename, rm, writeFile } from 'node:fs/promises'

export async function writeAtomically(
  file: string,
  data: Uint8Array | readonly Uint8Array[]
): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, data)
    await rename(temporary, file)
    return true
  } catch {
    await rm(temporary, { force: true })
    return false
  }
}
