/**
 * Which problems of a text report get a code frame, and their frames (issue 18, item 5). Reading
 * sources costs time on a site of thousands of files, so only the files of framed problems are
 * read, each once however many of its problems are framed, and only so many problems are framed:
 * the first `framesPerRule` of each rule and `maxFrames` in all, which is what a reader of a long
 * log looks at; the rest are listed as before, without a frame.
 */
import { readSiteFile } from '../io/read-site-file.js'
import { codeFrame, sourceLines } from './code-frame.js'
import type { SourceLines } from './code-frame.js'
import type { ListedProblem } from './fold-warnings.js'

/** Frames of one rule at most: a rule's tenth problem looks like its first. */
export const framesPerRule = 5

/** Frames in one report at most. */
export const maxFrames = 30

/** A file larger than this is not read for a frame (a data file may be 100 MiB). */
const maxFramedFile = 4 * 1024 * 1024

/**
 * The frame of each problem of `listed` that gets one, by problem, read from the files under
 * `root`. A problem at 1:1 concerns a whole file or the site and gets none, and so does one
 * whose file cannot be read (it may be gone, or be a folder): the line says enough.
 */
export async function problemFrames(
  listed: readonly ListedProblem[],
  root: string,
  options: { color: boolean }
): Promise<Map<ListedProblem, string>> {
  const framed: ListedProblem[] = []
  const perRule = new Map<string, number>()
  for (const item of listed) {
    if (framed.length >= maxFrames) break
    const { line, column } = item.problem
    if (line === 1 && column === 1) continue
    const count = perRule.get(item.problem.rule) ?? 0
    if (count >= framesPerRule) continue
    perRule.set(item.problem.rule, count + 1)
    framed.push(item)
  }

  const files = [...new Set(framed.map((item) => item.file))]
  const read = await Promise.all(files.map((file) => linesOf(root, file)))
  const sources = new Map(files.map((file, index) => [file, read[index]]))
  const frames = new Map<ListedProblem, string>()
  for (const item of framed) {
    const lines = sources.get(item.file)
    const frame = lines && codeFrame(lines, item.problem, options)
    if (frame !== undefined) frames.set(item, frame)
  }
  return frames
}

const decoder = new TextDecoder('utf-8')

/** The lines of a site file, read as the build reads its inputs (inside the site, a regular file). */
async function linesOf(root: string, file: string): Promise<SourceLines | undefined> {
  const bytes = await readSiteFile(root, file, maxFramedFile)
  if (!(bytes instanceof Uint8Array)) return undefined
  // The decoder drops a BOM, which positions do not count either (load-article.ts).
  return sourceLines(decoder.decode(bytes))
}
