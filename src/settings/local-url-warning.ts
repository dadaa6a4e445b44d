/** The warning of a `build` whose site has no `url` of its own (SPEC 5). */
import type { Settings, SiteProblem } from '../types.js'

/**
 * A site published without its `url` links its feeds, sitemap and canonical links to localhost:
 * worth a warning on every `build` (not on `check` or the dev server, where localhost is right).
 */
export function localUrlWarning(settings: Settings): SiteProblem[] {
  const host = new URL(settings.url).hostname
  if (host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]') return []
  return [
    {
      severity: 'warning',
      line: 1,
      column: 1,
      rule: 'settings',
      message: `no url is set, so feeds, the sitemap and canonical links point at ${settings.url}: add url: https://your.site/ to data/site.yaml`,
      file: 'data/site.yaml'
    }
  ]
}
