/**
 * What the walks of a site's folders (`content/`, `public/`) ask of a path: where a link really
 * leads, whether it is a folder, and its site-relative name. Each answers without throwing, so a
 * walk turns every failure into a positioned problem of its own rule.
 */
import { realpathSync, statSync } from 'node:fs'
import { relative, sep } from 'node:path'

/** The real path of `path`, or the error that kept it from being resolved. */
export function resolveLink(path: string): string | { error: unknown } {
  try {
    return realpathSync.native(path)
  } catch (error) {
    return { error }
  }
}

/** Whether `path` is a folder (a link is followed); false when it cannot be read. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** `path` relative to `root`, with `/` separators, as problems and outputs name files. */
export function siteFile(walk: { root: string }, path: string): string {
  return relative(walk.root, path).split(sep).join('/')
}
