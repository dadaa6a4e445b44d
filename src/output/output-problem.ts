/**
 * A file of the site that cannot be written becomes one problem, not a stop on an unexpected
 * error (issue 15): a full disk or a name too long for the file system is the user's to fix, and
 * the report says where and how. Other errors are bugs and are thrown on.
 */
import { isAbsolute, join, relative } from 'node:path'
import { errorCode } from '../io/file-errors.js'
import type { Problem } from '../types.js'

/** A file factdesk did not write stands where a page of the site goes: the user's to move. */
export class OutputInTheWay extends Error {
  override name = 'OutputInTheWay'
}

/** What each file-system error means for the user, and what to do. */
const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full: free some space, then build again',
  EDQUOT: 'the disk quota is used up: free some space, then build again',
  EFBIG: 'the file is larger than the file system allows',
  ENAMETOOLONG: 'its name is longer than the file system allows: shorten the slug, section or tag',
  EROFS: 'the file system is read-only: choose another output folder with --out',
  EACCES: 'permission denied: check who owns the output folder',
  EPERM: 'the operation is not permitted: check who owns the output folder',
  EIO: 'the disk reported an input/output error',
  EMLINK: 'the folder holds too many entries for the file system',
  EEXIST: 'something else stands where it goes',
  ENOTDIR: 'something that is not a folder stands in its path',
  EISDIR: 'a folder stands where the file goes'
}

/**
 * The problem for `error` met writing `path` (relative to the output folder `out`; '' for the
 * folder itself), or undefined when it is not a file-system error a user can act on.
 */
export function outputProblem(
  error: unknown,
  root: string,
  out: string,
  path: string
): Problem | undefined {
  const code = errorCode(error)
  const reason = code === undefined ? undefined : reasons[code]
  if (reason === undefined && !(error instanceof OutputInTheWay)) return undefined
  const where = relative(root, join(out, path))
  const file = where.startsWith('..') || isAbsolute(where) ? join(out, path) : where
  const message =
    reason === undefined
      ? (error as Error).message
      : `cannot write ${path === '' ? 'the output folder' : path}: ${reason} (${code ?? ''}); the previous site is left as it was`
  return { severity: 'error', line: 1, column: 1, rule: 'output-unwritable', message, file }
}
