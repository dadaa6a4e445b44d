/**
 * Site paths, links and output files (SPEC 8). A site path is what `article.url` holds: rooted at
 * the site, with a leading slash and without `base`. Every internal link is `base` + the path, so
 * the site works under a sub-path; feeds, sitemap and canonical links use absolute URLs.
 */
import type { Settings } from '../types.js'

/** The link to a site path: `/2025/11/04/x/` under base `/news/` is `/news/2025/11/04/x/`. */
export function siteHref(settings: Pick<Settings, 'base'>, sitePath: string): string {
  return settings.base + sitePath.replace(/^\//, '')
}

/** The absolute URL of a site path, for feeds, the sitemap, canonical and Open Graph links. */
export function absoluteUrl(settings: Pick<Settings, 'base' | 'url'>, sitePath: string): string {
  return new URL(siteHref(settings, sitePath), settings.url).href
}

/** The file a site path is served from: folders get their `index.html`. */
export function outputFileOf(sitePath: string): string {
  const relative = sitePath.replace(/^\//, '')
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
}

/** The site path of page `page` (1-based) of a listing whose first page is at `sitePath`. */
export function pagePath(sitePath: string, page: number): string {
  return page <= 1 ? sitePath : `${sitePath}page/${page}/`
}

/**
 * The path segment of a tag page: lower-case, every run of characters outside `[a-z0-9]` as one
 * `-`, no `-` at either end. Empty when the tag has no such character at all.
 */
export function tagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Whether a site path stays inside the output folder whatever the host does with it (SPEC 9): no
 * `.` or `..` segment, not even percent-encoded, no backslash and no control character.
 */
export function isSafeSitePath(sitePath: string): boolean {
  if (!sitePath.startsWith('/') || sitePath.startsWith('//')) return false
  return sitePath
    .slice(1)
    .split('/')
    .every((segment) => isSafeSegment(segment))
}

/** Whether a relative file path (`data/markets/btc-usd.csv`) stays inside the output folder. */
export function isSafeFilePath(filePath: string): boolean {
  return (
    filePath !== '' &&
    !filePath.startsWith('/') &&
    !filePath.endsWith('/') &&
    isSafeSitePath(`/${filePath}`)
  )
}

/** One path segment that cannot climb out of its folder. */
function isSafeSegment(segment: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return false
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return false
  return decoded !== '.' && decoded !== '..'
}

/** Whether a source's URL may become a link: only http(s), never `javascript:` or `data:`. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
  } catch {
    return false
  }
}
