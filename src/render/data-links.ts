/**
 * The data links of a fact-check entry (SPEC 8, issue 19): each file the check read, linked to its
 * copy in `/data/` when one is published, named by its description's title and credited with its
 * source and licence when the file is described (`data/dictionary.ts`), else by its path.
 */
import type { DataCredit, Settings } from '../types.js'
import { isWebUrl, siteHref } from './urls.js'

/** One data link as the fact panel shows it. */
export interface DataLinkView {
  /** `Bitcoin daily prices`, or `data/markets/btc-usd.csv` for an undescribed file. */
  name: string
  href?: string
  /** The site-relative file, shown beside a title so that the file is still named. */
  file?: string
  source?: string
  sourceHref?: string
  licence?: string
}

/** The data links of `files`, with the credits of the described ones. */
export function dataLinkViews(
  settings: Pick<Settings, 'base'>,
  files: readonly string[],
  credits: readonly DataCredit[] | undefined,
  published: ReadonlySet<string>
): DataLinkView[] {
  return files.map((file) => {
    const credit = credits?.find((entry) => entry.file === file)
    const view: DataLinkView = { name: credit?.title ?? file }
    if (published.has(file)) view.href = siteHref(settings, `/${file}`)
    if (credit?.title !== undefined) view.file = file
    if (credit?.source !== undefined) view.source = credit.source
    if (credit?.sourceUrl !== undefined && isWebUrl(credit.sourceUrl))
      view.sourceHref = credit.sourceUrl
    if (credit?.licence !== undefined) view.licence = credit.licence
    return view
  })
}
