/**
 * The files `factdesk init` copies: everything under the package's `starter/` folder, which
 * ships in the package beside `lib/` and `templates/`. npm never packs a file named
 * `.gitignore` (and a `.gitignore` inside `starter/` would hide starter files from the package),
 * so a name written there as `dot-gitignore` or `dot-github/` is the site's `.gitignore` or
 * `.github/`.
 */
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** One starter file: where the package holds it and where the site gets it. */
export interface StarterFile {
  /** Absolute path of the file inside the package's `starter/`. */
  source: string
  /** Path in the new site, relative to its root, with `/` (`.github/workflows/publish.yml`). */
  target: string
}

/** `starter/`, found next to `src/` and next to the compiled `lib/` alike. */
export const starterFolder = fileURLToPath(new URL('../../starter/', import.meta.url))

/** Every starter file, sorted by target path. */
export async function starterFiles(): Promise<StarterFile[]> {
  const entries = await readdir(starterFolder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const source = join(entry.parentPath, entry.name)
      return { source, target: siteName(relative(starterFolder, source)) }
    })
    .sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0))
}

/** `dot-github/workflows/publish.yml` -> `.github/workflows/publish.yml`. */
export function siteName(starterPath: string): string {
  return starterPath
    .split(sep)
    .map((part) => (part.startsWith('dot-') ? `.${part.slice('dot-'.length)}` : part))
    .join('/')
}
