/**
 * What a failed file-system call says, read without trusting the thrown value's shape: Node's
 * errors carry a string `code` (`ENOENT`, `EACCES`, ...), but a `catch` receives `unknown`.
 */

/** The `code` of a Node system error (`ENOENT`, `EACCES`, ...), or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

/** Whether `error` says nothing is at the path (`ENOENT`). */
export function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT'
}

/**
 * Whether `error` carries one of `codes`: `hasCode(error, 'ENOENT', 'ENOTDIR')` also takes a file
 * standing where the path needs a folder for missing.
 */
export function hasCode(error: unknown, ...codes: readonly string[]): boolean {
  const code = errorCode(error)
  return code !== undefined && codes.includes(code)
}
