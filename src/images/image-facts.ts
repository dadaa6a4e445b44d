/**
 * What the build knows of each image the articles show (issue 18), read once per build on the main
 * thread and handed to every stage that renders one: its digest (which keys the articles that show
 * it, and names its variants) and its size, or why it could not be used.
 */
import type { RuleId } from '../rules.js'

/** Formats an image may have: the first four get responsive variants, the others go as they are. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'svg'

/** An image file that can be published. */
export interface ImageFacts {
  /** Site-relative path of the source file, e.g. `content/2025/11/04/chart.png`. */
  path: string
  /** SHA-256 of its bytes, hex. */
  digest: string
  /** Width and height as displayed (EXIF orientation applied), in pixels. */
  width: number
  height: number
  format: ImageFormat
}

/** An image that cannot be published, and why: the article showing it reports this. */
export interface ImageRefusal {
  rule: Extract<RuleId, 'image-missing' | 'image-unreadable' | 'path-unsafe'>
  /** Why, to follow `image <path> `; says what to do. */
  reason: string
}

/** What a build knows of one image path. */
export type ImageLookup = ImageFacts | ImageRefusal

/** Every image path of a build's articles and what is known of it. */
export type ImageTable = ReadonlyMap<string, ImageLookup>

/** Whether `lookup` is an image that can be published. */
export function isImageFacts(lookup: ImageLookup | undefined): lookup is ImageFacts {
  return lookup !== undefined && 'digest' in lookup
}
