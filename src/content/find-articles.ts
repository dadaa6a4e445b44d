/**
 * Finds the article files of a site: every `.md` under `content/`, sorted so builds are
 * deterministic. A symlink that leads outside the site is refused rather than followed, so a
 * checkout cannot publish files from elsewhere on the machine. The walk is synchronous: a content
 * folder holds a folder per day, and a thousand awaited listings in a row cost ten times their
 * blocking form.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Problem } from '../types.js'

/** Article files (site-relative, `/`-separated) and the problems met looking for them. */
export interface FoundArticles {
  files: string[]
  problems: Problem[]
}

/** Lists the Markdown files under `root/content/`. */
export async function findArticles(root: string): Promise<FoundArticles> {
  const files: string[] = []
  const problems: Problem[] = []
  const realRoot = realpathSync(root)
  walk(join(root, 'content'), realRoot, root, files, problems)
  files.sort()
  return { files, problems }
}

function walk(dir: string, realRoot: string, root: string, files: string[], problems: Problem[]): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    if (isCode(error, 'ENOENT')) return
    throw error
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    const file = relative(root, path).split(sep).join('/')
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      const target = realTarget(path)
      if (target === undefined || !isInside(target, realRoot)) {
        if (isDirectory || entry.name.endsWith('.md') || target === undefined) {
          problems.push(unsafe(file, target === undefined ? 'is a broken symbolic link' : 'is a symbolic link that leads outside the site; copy the file in instead'))
        }
        continue
      }
      const stats = lstatSync(target)
      isDirectory = stats.isDirectory()
      isFile = stats.isFile()
    }
    if (isDirectory) walk(path, realRoot, root, files, problems)
    else if (isFile && entry.name.toLowerCase().endsWith('.md')) files.push(file)
  }
}

function realTarget(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root + sep)
}

function unsafe(file: string, what: string): Problem {
  return { severity: 'error', line: 1, column: 1, rule: 'path-unsafe', message: `${file} ${what}`, file }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
