/**
 * A described data file's credit line (issue 19): the title, source and licence that the brief
 * shows next to the file's data link. Only the keys the description gives are set.
 */
import type { DataCredit } from '../types.js'
import type { DataDescription } from './dictionary.js'

/** The credit of `file`, or undefined when its description names no title, source or licence. */
export function creditOf(
  file: string,
  description: DataDescription | undefined
): DataCredit | undefined {
  if (description === undefined) return undefined
  const { title, source, sourceUrl, licence } = description
  if (title === undefined && source === undefined && licence === undefined) return undefined
  const credit: DataCredit = { file }
  if (title !== undefined) credit.title = title
  if (source !== undefined) credit.source = source
  if (sourceUrl !== undefined) credit.sourceUrl = sourceUrl
  if (licence !== undefined) credit.licence = licence
  return credit
}

/**
 * The data a check read, as a reader would name it: each described file's title (with its
 * source when it has one), else the file's name without folders or extension.
 */
export function sourceOf(files: readonly string[], credits: readonly DataCredit[] = []): string {
  return files
    .map((file) => {
      const credit = credits.find((entry) => entry.file === file)
      const name = credit?.title ?? (file.split('/').at(-1) ?? file).replace(/\.[^.]+$/, '')
      return credit?.source === undefined ? name : `${name} (${credit.source})`
    })
    .join('; ')
}
