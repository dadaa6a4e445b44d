/**
 * What each cached stage is made from, declared once: the memo layer (`cache/memo-key.ts`)
 * hashes exactly these inputs into the key its result is kept under. A stage that starts reading
 * something new declares it here, and every result made without it stops being served.
 */
import { memoKey } from '../cache/memo-key.js'

/** Stage 1, loading an article: its bytes and path, under factdesk's code and the settings. */
export function loadKey(inputs: {
  code: string
  settings: string
  file: string
  bytes: Uint8Array
}): string {
  return memoKey('load', inputs)
}

/**
 * Stage 2, the article processor: the load (so the Markdown and frontmatter), `--strict`, the
 * digest of each data file the article's aliases name (a missing file is `missing`), and the
 * digest of each image it shows (or why it cannot be shown): its body gives their sizes.
 */
export function checkKey(inputs: {
  load: string
  strict: string
  data: readonly string[]
  images: readonly string[]
}): string {
  return memoKey('check', inputs)
}

/**
 * A brief: its check (which determines everything the brief view reads of the article), and what
 * the view reads around it: the templates, the site's navigation and the data files published.
 * The settings are in the load key already.
 */
export function briefKey(inputs: {
  check: string
  templates: string
  site: string
  dataPaths: readonly string[]
}): string {
  return memoKey('brief', inputs)
}

/**
 * A page around the articles (a listing page): the very view handed to its template, and the
 * frame every page is made in (the templates, the settings, the navigation).
 */
export function pageKey(inputs: { frame: readonly string[]; view: string }): string {
  return memoKey('page', inputs)
}

/**
 * A part many pages' views share (a story as listings show it), as JSON: hashed once, so that
 * each page's key holds the part's hash rather than the part.
 */
export function partKey(inputs: { json: string }): string {
  return memoKey('part', inputs)
}

/**
 * What every page around the articles is made in: the templates, the settings and the navigation,
 * hashed once per build and given to `pageKey` as its frame.
 */
export function frameKey(inputs: { templates: string; settings: string; site: string }): string {
  return memoKey('frame', inputs)
}

/**
 * The report (`factcheck.json`, and the report in `/factcheck/`, whose page key adds its frame):
 * the report's article entries (by their fingerprint, which holds the settings) and the site's
 * problems. No template: an edit to one leaves `factcheck.json` as it was.
 */
export function reportKey(inputs: { entries: string; siteProblems: string }): string {
  return memoKey('report', inputs)
}
