/**
 * The output a build writes through (issue 15): a file that cannot be written (a full disk, a
 * name too long) becomes one problem, and the build goes on checking every article; only the
 * output is given up, so nothing more is written to it. An error that is no such problem is a bug,
 * and is thrown on.
 */
import type { ContentDigest } from './content-digest.js'
import type { OutputWriter } from './write-site.js'
import type { ChunkedFile, OutputFile, Problem } from '../types.js'

/** `output` guarded, and the problems of the files it could not write, in the order met. */
export interface GuardedOutput {
  writer: OutputWriter
  unwritable: readonly Problem[]
}

/** Guards `output`; `problemOf` names an error writing `path` as the user's, or undefined. */
export function guardOutput(
  output: OutputWriter,
  problemOf: (error: unknown, path: string) => Problem | undefined
): GuardedOutput {
  const unwritable: Problem[] = []
  const attempt = <T>(write: () => T, path: string): T | undefined => {
    try {
      return write()
    } catch (error) {
      const problem = problemOf(error, path)
      if (problem === undefined) throw error
      unwritable.push(problem)
      return undefined
    }
  }
  const writer: OutputWriter = {
    ...output,
    put: (file: OutputFile | ChunkedFile) =>
      unwritable.length > 0 ? undefined : attempt(() => output.put(file), file.path),
    // Once the output is given up, every page counts as kept: the build renders nothing for it.
    keep: (path: string, digest: ContentDigest) =>
      unwritable.length > 0 ? true : (attempt(() => output.keep(path, digest), path) ?? true)
  }
  return { writer, unwritable }
}
