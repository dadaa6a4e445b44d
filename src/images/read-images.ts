/**
 * Reads the images a build's articles show (issue 18), once each, on the main thread: every file is
 * read as every site file is (SPEC 9: a regular file inside the site), hashed, and its header read
 * by sharp for its format and size. Decoding pixels is left to the variants (`make-variants.ts`).
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describeRefusal, readSiteFile } from '../io/read-site-file.js'
import type { ImageFacts, ImageFormat, ImageLookup, ImageRefusal } from './image-facts.js'

/** The most bytes read of one image: a photo straight off a camera stays well below. */
export const imageSizeLimit = 64 * 1024 * 1024

/** Images read at once: each is held whole while it is hashed and its header read. */
const concurrentReads = 4

/** What each of `paths` (site-relative) is, by path. */
export async function readImages(
  root: string,
  paths: readonly string[]
): Promise<Map<string, ImageLookup>> {
  const table = new Map<string, ImageLookup>()
  let next = 0
  const reader = async (): Promise<void> => {
    for (let path = paths[next++]; path !== undefined; path = paths[next++])
      table.set(path, await readImage(root, path))
  }
  await Promise.all(Array.from({ length: concurrentReads }, reader))
  // In the order given, whichever read finished first.
  return new Map(paths.map((path) => [path, table.get(path) as ImageLookup]))
}

/** What the image at `path` is. */
export async function readImage(root: string, path: string): Promise<ImageLookup> {
  const bytes = await readSiteFile(root, path, imageSizeLimit)
  if (!(bytes instanceof Uint8Array)) {
    const rule: ImageRefusal['rule'] =
      bytes.reason === 'missing'
        ? 'image-missing'
        : bytes.reason === 'outside'
          ? 'path-unsafe'
          : 'image-unreadable'
    return { rule, reason: `cannot be read: ${describeRefusal(bytes)}` }
  }
  const facts = await factsOf(bytes)
  if (facts === undefined)
    return {
      rule: 'image-unreadable',
      reason: 'is not an image factdesk can publish; save it as JPEG, PNG, WebP, AVIF, GIF or SVG'
    }
  return { path, digest: createHash('sha256').update(bytes).digest('hex'), ...facts }
}

/** The format and displayed size of image bytes, from their header; undefined when unreadable. */
async function factsOf(
  bytes: Uint8Array
): Promise<Omit<ImageFacts, 'path' | 'digest'> | undefined> {
  try {
    const metadata = await sharp(bytes).metadata()
    const format = formatOf(metadata.format, metadata.compression)
    const { width, height } = metadata.autoOrient
    if (format === undefined || !(width > 0) || !(height > 0)) return undefined
    return { format, width, height }
  } catch {
    return undefined
  }
}

/** sharp names AVIF `heif` with AV1 compression; other HEIF (HEIC) is not for the web. */
function formatOf(format: string, compression: string | undefined): ImageFormat | undefined {
  if (format === 'heif') return compression === 'av1' ? 'avif' : undefined
  return (['jpeg', 'png', 'webp', 'gif', 'svg'] as const).find((known) => known === format)
}
