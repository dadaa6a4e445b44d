/**
 * A stylesheet edit restyles open pages before the rebuild, not after it (issue 21, item 3).
 * Every page links the stylesheet by its content-hashed name, so an edit to
 * `templates/style.css` changes every page of the site, and at 4,000 articles rendering them
 * again takes seconds; what the editor is waiting for is only the new stylesheet. It is made
 * first, as the build makes it (`stylesheetFile`), and the site on screen serves it at both its
 * old and its new name while the rebuild runs, so that open pages swap their `<link>` at once and
 * a page opened meanwhile shows the new style too. When the rebuild ends with the same
 * stylesheet and verdict, pages are told the same swap again under the new build, which they
 * take without reloading.
 */
import { type ServedContent, contentOf } from './serve-site.js'
import { stylesheetFile } from '../render/assets.js'
import { loadTemplates } from '../render/templates.js'
import type { DevSite } from './next-site.js'
import { styleSwaps } from './style-swap.js'
import type { StyleSwap } from './style-swap.js'

/** The site to serve while the rebuild runs, and the swap open pages make at once. */
export interface EarlyRestyle {
  site: DevSite
  swap: StyleSwap
}

/** The site's stylesheet file: `assets/style.<hash>.css`. */
const stylesheetPath = /^assets\/style\.[0-9a-f]{10}\.css$/

/**
 * The early restyle for a rebuild for `changed` files: only when the one file changed is
 * `templates/style.css`, it loads without a problem, and `site` serves one stylesheet of another
 * name. Undefined otherwise: the rebuild's end tells pages what to do.
 */
export async function earlyRestyle(
  root: string,
  site: DevSite,
  changed: readonly string[]
): Promise<EarlyRestyle | undefined> {
  if (changed.length !== 1 || changed[0] !== 'templates/style.css') return undefined
  const { templates, problems } = await loadTemplates(root)
  if (problems.length > 0) return undefined
  const file = stylesheetFile(templates.stylesheet)
  const shown = [...site.files.keys()].filter((path) => stylesheetPath.test(path))
  const from = shown.length === 1 ? shown[0] : undefined
  if (from === undefined || from === file.path) return undefined
  const files = new Map(site.files)
  files.set(from, file.content)
  files.set(file.path, file.content)
  return { site: { ...site, files, buildId: site.buildId + 1 }, swap: [from, file.path] }
}

/**
 * The swap that carries pages from `early` to `next`: the same one, when `next` serves the very
 * stylesheet the early restyle put on screen (and no longer the old one); else undefined.
 */
export function swapAfter(early: EarlyRestyle, next: DevSite): StyleSwap[] | undefined {
  const [from, to] = early.swap
  const same = textOf(next.files.get(to)) === textOf(early.site.files.get(to))
  return same && !next.files.has(from) ? [early.swap] : undefined
}

function textOf(served: ServedContent | undefined): string | undefined {
  const content = contentOf(served)
  return content === undefined || typeof content === 'string'
    ? content
    : new TextDecoder().decode(content)
}

/**
 * The swaps that carry open pages from `previous` to `next` after a rebuild for `changed` whose
 * verdict is the one on screen: those of the early restyle when there was one, else those of the
 * stylesheets that changed; undefined when pages must reload.
 */
export function swapsAfter(
  early: EarlyRestyle | undefined,
  previous: DevSite,
  next: DevSite,
  changed: readonly string[]
): StyleSwap[] | undefined {
  return early ? swapAfter(early, next) : styleSwaps(previous, next, changed)
}
