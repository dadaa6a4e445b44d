/**
 * The text a listing page's key is made of (issue 21). Keyed by the very view its template is
 * handed, a page is rendered again exactly when something it shows changed; but written out
 * whole, each view repeats the site's navigation and its stories' views, and at 4,000 articles
 * hashing those thousand views cost more than a dev rebuild should take. So the site view, which
 * every page's frame key holds already, is written as a mark, and each story as the hash of its
 * own JSON, worked out once per story however many pages list it.
 */
import { partKey } from '../stages/stage-keys.js'

/** The hash of each shared part, by the part (story views are made once per build). */
const parts = new WeakMap<object, string>()

/**
 * `view` as JSON for its page's key, with `site` (covered by the frame) and each of `shared`
 * written as its hash. The feeds' key has no site view, and passes none.
 */
export function viewKeyText(
  view: object,
  site: object | undefined,
  shared: ReadonlySet<object>
): string {
  return JSON.stringify(view, (_key, value: unknown) => {
    if (site !== undefined && value === site) return '#site'
    if (typeof value !== 'object' || value === null || !shared.has(value)) return value
    let hash = parts.get(value)
    if (hash === undefined) parts.set(value, (hash = partKey({ json: JSON.stringify(value) })))
    return `#part:${hash}`
  })
}
