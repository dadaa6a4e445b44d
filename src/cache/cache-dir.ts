/** Where a site's build cache lives. */
import { resolve } from 'node:path'

/**
 * `ROOT/node_modules/.cache/factdesk`: beside the site's installed packages, where tools keep
 * caches by convention; git ignores it, CI can restore it, and deleting it is always safe.
 */
export function cacheDirOf(root: string): string {
  return resolve(root, 'node_modules', '.cache', 'factdesk')
}
