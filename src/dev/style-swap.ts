/**
 * A stylesheet edit in `factdesk dev` restyles open pages without reloading them (issue 21,
 * item 3): scrolled position, open panels and typed search stay as they were. When every file a
 * rebuild was for is a stylesheet, the new build differs from the one on screen only in its
 * stylesheets, whose names carry their content's hash: the pages are told which stylesheet now
 * stands for which, and swap their `<link>`s. Anything else that changed reloads the page.
 */
import { type ServedSite, contentOf } from './serve-site.js'

/** One stylesheet of the page on screen and the one that replaces it, as output paths. */
export type StyleSwap = readonly [from: string, to: string]

/** Whether every changed site file is a stylesheet (`templates/style.css`, `public/x.css`). */
export function onlyStylesheets(changed: readonly string[]): boolean {
  return changed.length > 0 && changed.every((path) => path.toLowerCase().endsWith('.css'))
}

/**
 * The stylesheets of `next` that replace those of `previous`: a hashed one (`assets/style.
 * <hash>.css`) by the one of the same name before its hash, and one whose name did not change (a
 * file of `public/`) by itself, to be fetched again. Undefined when the two builds' stylesheets
 * cannot be paired: a reload shows the new build then. The caller reloads a build whose verdict
 * differs from the one on screen, whatever changed.
 */
export function styleSwaps(
  previous: ServedSite,
  next: ServedSite,
  changed: readonly string[]
): StyleSwap[] | undefined {
  if (!onlyStylesheets(changed) || previous.base !== next.base) return undefined
  const before = stylesheetsOf(previous)
  const after = stylesheetsOf(next)
  const swaps: StyleSwap[] = []
  for (const [path, content] of after) {
    const old = before.get(path)
    if (old !== undefined) {
      if (old !== content) swaps.push([path, path])
      continue
    }
    const stem = stemOf(path)
    const replaced = [...before.keys()].filter((one) => !after.has(one) && stemOf(one) === stem)
    const from = replaced.length === 1 ? replaced[0] : undefined
    // Each stylesheet on screen has one successor: two new ones of its name cannot be paired.
    if (from === undefined || swaps.some(([one]) => one === from)) return undefined
    swaps.push([from, path])
  }
  const gone = [...before.keys()].filter(
    (path) => !after.has(path) && !swaps.some(([from]) => from === path)
  )
  return gone.length === 0 && swaps.length > 0 ? swaps : undefined
}

function stylesheetsOf(site: ServedSite): Map<string, string | Uint8Array> {
  const sheets = new Map<string, string | Uint8Array>()
  // Only stylesheets are read: a file left to be made when asked for stays so.
  for (const [path, content] of site.files)
    if (path.toLowerCase().endsWith('.css')) sheets.set(path, contentOf(content))
  return sheets
}

/** `assets/style.3f2a9c.css` -> `assets/style`: the name before its content hash. */
function stemOf(path: string): string {
  return path.replace(/\.[0-9a-f]{4,64}\.css$/iu, '').replace(/\.css$/iu, '')
}
