/**
 * Output URLs of briefs from the site's permalink pattern (SPEC 3). Date parts are taken in the
 * site timezone, so a story published at 00:30 in Shanghai lands under that day.
 */
import type { Frontmatter } from '../types.js'
import { zoneNamed } from './zones.js'

/** Expands `{yyyy}`, `{mm}`, `{dd}`, `{slug}` and `{section}` into a site-relative URL path. */
export function expandPermalink(pattern: string, frontmatter: Frontmatter, zone: string): string {
  const local = frontmatter.date.setZone(zoneNamed(zone))
  const values: Record<string, string> = {
    yyyy: local.toFormat('yyyy'),
    mm: local.toFormat('MM'),
    dd: local.toFormat('dd'),
    slug: frontmatter.slug,
    section: frontmatter.section
  }
  const path = pattern.replace(/\{([a-z]+)\}/g, (token, name: string) => values[name] ?? token)
  return path.endsWith('/') || path.endsWith('.html') ? path : `${path}/`
}

/** The output file of a URL path: `/a/b/` -> `a/b/index.html`. */
export function outputPathOf(url: string): string {
  const relative = url.replace(/^\/+/, '')
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
}
