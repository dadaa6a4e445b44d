/**
 * The whole static site moved to `outputs/render-site.ts`, which iterates the table of outputs
 * (`outputs/outputs.ts`); this name stays for the tests that still import it from here.
 */
export { renderSite } from '../outputs/render-site.js'
export type { SiteInput } from '../outputs/render-site.js'
