/**
 * An image as a page shows it (issue 18): `<picture>` with an AVIF and a WebP `<source>` and an
 * `<img>` in the original format, each with a `srcset` of the widths made, `sizes` saying how wide
 * the slot is, and the intrinsic `width`/`height` of the fallback so the page does not jump as it
 * loads. Templates print it (`picture` partial); the body's images are made from it as hast.
 */
import type { Settings } from '../types.js'
import type { ImageFacts } from './image-facts.js'
import { hasVariants, mimeOf, variantsOf } from './variants.js'
import type { Variant } from './variants.js'

/** `sizes` of an image in an article's column (`.brief` is at most 42rem wide). */
export const bodySizes = '(min-width: 46rem) 42rem, 100vw'

/** `sizes` of a listing thumbnail (`.story-thumb` is 6rem wide; the lead story's 42rem). */
export const thumbnailSizes = '6rem'

/** One `<source>` of a picture. */
export interface SourceView {
  type: string
  srcset: string
}

/** What a template prints of one image. */
export interface PictureView {
  sources: SourceView[]
  src: string
  srcset?: string
  sizes: string
  width: number
  height: number
}

/**
 * The picture of `facts`, its URLs under `settings.base`, for a slot of `sizes`; `maxWidth` leaves
 * out the widths a small slot never needs (a thumbnail's).
 */
export function pictureView(
  facts: ImageFacts,
  settings: Pick<Settings, 'base'>,
  sizes: string,
  maxWidth = Number.POSITIVE_INFINITY
): PictureView {
  const all = variantsOf(facts)
  const fitting = all.filter(
    (variant, index) => variant.width <= maxWidth || index === firstOfFormat(all, variant)
  )
  const href = (variant: Variant): string => settings.base + variant.path
  const srcset = (format: string): string =>
    fitting
      .filter((variant) => variant.format === format)
      .map((variant) => `${href(variant)} ${variant.width}w`)
      .join(', ')
  const fallback = fitting.filter((variant) => variant.format === facts.format).at(-1)
  if (fallback === undefined) throw new TypeError(`\`variantsOf\` made no ${facts.format} variant`)
  const modern = [...new Set(fitting.map((variant) => variant.format))].filter(
    (format) => format !== facts.format
  )
  return {
    sources: modern.map((format) => ({ type: mimeOf(format), srcset: srcset(format) })),
    src: href(fallback),
    ...(hasVariants(facts) ? { srcset: srcset(facts.format) } : {}),
    sizes,
    width: fallback.width,
    height: fallback.height
  }
}

/** The index of the first (smallest) variant of `variant`'s format, kept whatever `maxWidth`. */
function firstOfFormat(all: readonly Variant[], variant: Variant): number {
  return all.findIndex((each) => each.format === variant.format)
}
