/** Reads a folder into a map of relative path -> bytes, to compare whole builds. */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** Every file under `dir`, keyed by `/`-separated relative path, sorted. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  const tree = new Map<string, Buffer>()
  for (const file of files) tree.set(relative(dir, file).split(sep).join('/'), await readFile(file))
  return tree
}

/** One string for a whole folder tree (paths and bytes), to compare builds cheaply. */
export async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256')
  for (const [path, content] of await readTree(dir)) {
    hash.update(`${path}\0${content.length}\0`)
    hash.update(content)
  }
  return hash.digest('hex')
}
