/**
 * The images of one article, placed against what the build read of them (issue 18): each
 * Markdown image and the lead photo (`image:`) is looked up in the build's image table, and what
 * cannot be published is a problem where it is written: a missing file (`image-missing`), one
 * that is no image (`image-unreadable`), a path leaving the site (`path-unsafe`, SPEC 9); an
 * image without alt text is a warning (`image-alt`). What can be published is handed to the body
 * HTML by position, so that only images resolved here are ever rewritten.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../article/article-file.js'
import type { Place } from '../article/article-file.js'
import type { ImageFacts, ImageTable } from './image-facts.js'
import { isImageFacts } from './image-facts.js'
import { imageNodesOf } from './image-nodes.js'
import { imageSource } from './image-source.js'

declare module 'vfile' {
  interface DataMap {
    /** The build's image table, given to the article processor (issue 18). */
    imageTable: ImageTable
  }
}

/** An image of the body that the body HTML publishes. */
export type PlacedImage = { kind: 'remote' } | { kind: 'local'; facts: ImageFacts }

/** Placed images by the `line:column` where each starts in the article file. */
export type PlacedImages = ReadonlyMap<string, PlacedImage>

/** The key of a position in `PlacedImages`. */
export function placeKey(place: Place): string {
  return `${place.line}:${place.column}`
}

/**
 * Checks every image of `tree` and the lead photo of `file` against `file.data.imageTable`,
 * reporting problems on `file`; gives the body's publishable images. Without a table (a caller
 * that renders Markdown alone) nothing is checked and no image is placed.
 */
export function placeImages(tree: Root, file: VFile): PlacedImages {
  const table = file.data.imageTable
  const placed = new Map<string, PlacedImage>()
  if (table === undefined) return placed
  checkLeadPhoto(file, table)
  // Every Markdown image starts with `![`: most bodies are never walked here.
  if (!String(file.value).includes('![')) return placed
  for (const image of imageNodesOf(tree)) {
    const start = image.node.position?.start
    if (start === undefined) continue
    const place = { line: start.line, column: start.column }
    if (image.alt.trim() === '')
      report(
        file,
        'image-alt',
        `image ${JSON.stringify(image.url)} has no alt text; describe what it shows between the brackets: ![a crowd outside the exchange](${image.url})`,
        place,
        'warning'
      )
    const found = lookUp(file, table, image.url, place)
    if (found) placed.set(placeKey(place), found)
  }
  return placed
}

/** The lead photo (`image:`) looked up, its problems reported at its key. */
function checkLeadPhoto(file: VFile, table: ImageTable): void {
  const lead = file.data.frontmatter?.image
  if (lead === undefined) return
  const place = { line: lead.line, column: lead.column }
  const kind = imageSource(file.path, lead.src).kind
  if (kind === 'local' || kind === 'outside') lookUp(file, table, lead.src, place)
  else
    report(
      file,
      'image-unreadable',
      `image: ${JSON.stringify(lead.src)} is not a file of the site; the lead photo must be one, relative to the article or /name for public/name`,
      place
    )
  if (
    file.data.frontmatter?.image_alt === undefined ||
    file.data.frontmatter.image_alt.trim() === ''
  )
    report(
      file,
      'image-alt',
      'the lead photo has no image_alt; add image_alt: with what the photo shows',
      place,
      'warning'
    )
}

/** What `url` names, reported on `file` at `place` when it cannot be published. */
function lookUp(
  file: VFile,
  table: ImageTable,
  url: string,
  place: Place
): PlacedImage | undefined {
  const source = imageSource(file.path, url)
  if (source.kind === 'remote') return { kind: 'remote' }
  if (source.kind === 'other') return undefined
  if (source.kind === 'outside') {
    const reason = `image ${JSON.stringify(url)} leads outside the site; copy the file beside the article, or into public/ and write /name`
    report(file, 'path-unsafe', reason, place)
    return undefined
  }
  const lookup = table.get(source.path)
  if (isImageFacts(lookup)) return { kind: 'local', facts: lookup }
  // Not in the table: an image this build did not read (the article changed meanwhile).
  const refusal = lookup ?? {
    rule: 'image-missing',
    reason: 'was not read by this build; build again'
  }
  const hint =
    refusal.rule === 'image-missing'
      ? '; write the path relative to the article, or /name for public/name'
      : ''
  report(
    file,
    refusal.rule,
    `image ${JSON.stringify(url)} (${source.path}) ${refusal.reason}${hint}`,
    place
  )
  return undefined
}
