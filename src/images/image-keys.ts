/**
 * How an article's images enter the build cache (issue 18): the images it shows are found with its
 * load and kept in its index entry; the digest of each (or why it cannot be shown) is part of its
 * check key, so editing a photo re-renders exactly the briefs that show it.
 */
import type { LoadedFile } from '../article/article-file.js'
import type { IndexEntry } from '../cache/cache-index.js'
import type { ImageTable } from './image-facts.js'
import { isImageFacts } from './image-facts.js'
import { imageSource } from './image-source.js'
import { readImages } from './read-images.js'

/**
 * The local images each of `files` shows (its body's, as `bodyImages` holds them, and its lead
 * photo), and what the build reads of each distinct one.
 */
export async function readArticleImages(
  root: string,
  files: readonly LoadedFile[],
  bodyImages: ReadonlyMap<string, readonly string[]>
): Promise<{ paths: Map<string, string[]>; images: ImageTable }> {
  const paths = new Map(
    files.map((file) => [file.path, imagePathsOf(file, bodyImages.get(file.path) ?? [])])
  )
  const images = await readImages(root, [...new Set([...paths.values()].flat())].sort())
  return { paths, images }
}

/** The local images `file` shows: its body's (`bodyImages`) and its lead photo, sorted. */
export function imagePathsOf(file: LoadedFile, bodyImages: readonly string[]): string[] {
  const lead = file.data.frontmatter.image
  const source = lead && imageSource(file.path, lead.src)
  const paths = new Set(bodyImages)
  if (source?.kind === 'local') paths.add(source.path)
  return [...paths].sort()
}

/** What keys `paths` in `table`: each path with its digest, or the rule that refused it. */
export function imageKeyOf(paths: readonly string[], table: ImageTable): string[] {
  return paths.flatMap((path) => {
    const lookup = table.get(path)
    return [path, isImageFacts(lookup) ? lookup.digest : (lookup?.rule ?? 'unread')]
  })
}

/**
 * Records in each entry of `index` (by its article's load key in `slots`) the images its body
 * shows, found with the load: the next build keys the article with them without parsing it.
 */
export function recordImages(
  index: Map<string, IndexEntry>,
  slots: ReadonlyMap<string, { key: string }>,
  bodyImages: ReadonlyMap<string, readonly string[]>
): void {
  for (const [file, images] of bodyImages) {
    const key = slots.get(file)?.key
    const entry = key === undefined ? undefined : index.get(key)
    if (key === undefined || entry === undefined || images.length === 0) continue
    // An entry kept from the last build has them already, and stays the very same object.
    if (entry.images === undefined) index.set(key, { ...entry, images })
  }
}
