/**
 * `factdesk new "Title"` (SPEC 7): writes `content/YYYY/MM/DD/slug.md` with its frontmatter
 * filled in, so that an editor starts from a file that already builds. The folder date is taken
 * in the site timezone, as permalinks are (SPEC 3), so the file sits under the day its URL
 * shows. An existing file is never overwritten: it may hold a day's work.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { IANAZone } from 'luxon'
import { stringify } from 'yaml'
import { namePattern } from '../content/frontmatter-schema.js'
import { parseDate } from '../content/parse-date.js'
import { hasCode } from '../io/file-errors.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { slugify } from './slugify.js'
import type { DateTime } from 'luxon'

/** What to write. */
export interface NewArticleOptions {
  /** The site folder. */
  root: string
  /** The headline, 1-200 characters after whitespace is collapsed. */
  title: string
  /** `--section`; default `news`. */
  section?: string
  /** `--date`: an ISO 8601 date-time or date, read in `timezone` when it has no offset. Default: `now`. */
  date?: string
  /** The current instant, used when `date` is not given. */
  now: DateTime
  /** The site timezone (`timezone` in `data/site.yaml`). */
  timezone: string
}

/** The file written, relative to the site root, or why nothing was written. */
export type NewArticleResult = { ok: true; path: string } | { ok: false; message: string }

/** Writes a new article and returns its site-relative path; never overwrites a file. */
export async function newArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  const title = collapseWhitespace(options.title)
  if (title === '')
    return fail(
      'the title is empty; write it in quotes: factdesk new "Bitcoin breaks below $99,000"'
    )
  if (title.length > 200)
    return fail(`the title has ${title.length} characters; a headline may have at most 200`)
  const section = options.section ?? 'news'
  if (!namePattern.test(section)) {
    return fail(
      `--section must be lower-case letters and digits joined by single hyphens, such as markets, not "${section}"`
    )
  }
  if (!IANAZone.isValidZone(options.timezone))
    return fail(`the site timezone "${options.timezone}" is not an IANA time zone`)

  let date = options.now
  if (options.date !== undefined) {
    const parsed = parseDate(options.date, options.timezone)
    if (!parsed.ok) return fail(`--date: ${parsed.message}`)
    date = parsed.date
  }
  const local = date.setZone(options.timezone).set({ millisecond: 0 })
  // A headline in another script has no ASCII to make a slug of; the time keeps it unique.
  const slug = slugify(title) || `article-${local.toFormat('HHmm')}`
  const path = `content/${local.toFormat('yyyy/MM/dd')}/${slug}.md`

  const file = join(options.root, path)
  try {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, articleText({ title, section, date: local }), {
      encoding: 'utf8',
      flag: 'wx'
    })
  } catch (error) {
    if (hasCode(error, 'EEXIST')) {
      return fail(
        `${path} already exists and was left as it is; pick another title or --date, or open that file`
      )
    }
    return fail(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return { ok: true, path }
}

/**
 * The new file. Only keys with a real value are written (no empty byline to forget); the data
 * and checks block is a commented example, because a check needs a figure that is not written
 * yet, and an uncommented one would fail the build until it is. It names `--suggest`: once the
 * figures are written, the build can propose their checks from the site's data (issue 20).
 */
function articleText(fields: { title: string; section: string; date: DateTime }): string {
  const title = stringify(fields.title, {
    defaultStringType: 'QUOTE_DOUBLE',
    lineWidth: 0
  }).trimEnd()
  const date = fields.date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? ''
  return [
    '---',
    `title: ${title}`,
    `date: ${date}`,
    `section: ${fields.section}`,
    'tags: []',
    '# To check a figure, name the data files it comes from under data: (paths under data/),',
    '# then bind the figure, quoted exactly as the title, summary or body writes it, to an',
    '# expression over them. A figure in the title is checked like every other and needs its own',
    '# check: it is the one most readers see. For candidate checks of each figure, write the',
    '# article, then run `npx factdesk check --suggest`; in `factdesk dev` the page offers them',
    '# with an "Add this check" button. Or remove the # signs below and adapt:',
    '#',
    '# data:',
    '#   btc: markets/btc-usd.csv',
    '# checks:',
    '#   - figure: "falls 7%"            # in the title: Bitcoin falls 7% as ...',
    '#     expr: pct_change(btc.close, "2025-11-03", "2025-11-04")',
    '#   - figure: "over 7%"             # in the body',
    '#     expr: pct_change(btc.close, "2025-11-03", "2025-11-04")',
    '#     note: close to close, daily bars',
    '# asserts:',
    '#   - expr: lowest_since(btc.low, "2025-11-04", "2025-07-01")',
    '#     says: lowest level since June',
    '---',
    'Write the lead here: a paragraph that says what happened and why it matters. Listings and feeds show it.',
    ''
  ].join('\n')
}

function fail(message: string): NewArticleResult {
  return { ok: false, message }
}
