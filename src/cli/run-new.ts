/**
 * `factdesk new "Title"` (SPEC 7): writes the article file and prints its path on stdout, so a
 * script can open it in an editor.
 */
import type { DateTime } from 'luxon'
import { newArticle } from '../commands/new-article.js'
import { assertSiteRoot } from '../output/output-target.js'
import { loadSettings } from '../settings/load-settings.js'
import type { ParsedOptions } from './arguments.js'
import type { Io } from './io.js'

/** Writes an article titled `title` into the site at `root`; exit 0, or 2 with the reason. */
export async function runNew(
  io: Io,
  title: string,
  options: ParsedOptions,
  root: string,
  now: DateTime
): Promise<number> {
  assertSiteRoot(root)
  const { settings } = await loadSettings(root)
  const section = options.value('section')
  const date = options.value('date')
  const result = await newArticle({
    root,
    title,
    now,
    timezone: settings.timezone,
    ...(section === undefined ? {} : { section }),
    ...(date === undefined ? {} : { date })
  })
  if (!result.ok) {
    io.stderr(`factdesk: ${result.message}\n`)
    return 2
  }
  io.stdout(`${result.path}\n`)
  return 0
}
