/**
 * The files published for an image (issue 18), as a pure function of what the build read of it: a
 * few widths, never wider than the original, each in AVIF and WebP and in the original's own
 * format for the `<img>` fallback; GIF (which may be animated) and SVG are published as they are.
 * Names are hashed from the source's digest and the encoder settings, so a page can name its
 * variants before they are made, and a changed photo or encoder gets new names, never stale bytes
 * under an old one.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import type { ImageFacts, ImageFormat } from './image-facts.js'

/** Widths made of every photo, in pixels: phones, tablets and desktops at 1x and 2x. */
export const variantWidths = [480, 960, 1600] as const

/** Width of the JPEG that social cards show (`og:image`): the size Facebook and X ask for. */
export const socialWidth = 1200

/** Folder of the published variants, site-relative. */
export const imagesFolder = 'assets/images'

/**
 * Names the encoder settings of `make-variants.ts`: change it with them, and every variant gets a
 * new name. sharp's version is part of it, as a new libvips may encode other bytes.
 */
export const encoderVersion = 'sharp-0.35/avif50e2/webp78/jpeg80/png-p'

/** One file published for an image. */
export interface Variant {
  /** Output path, e.g. `assets/images/chart-1a2b3c4d5e-960.webp`. */
  path: string
  width: number
  height: number
  format: ImageFormat
  /** Published as read: the source's own bytes. */
  asIs: boolean
}

/** Formats made of every width, most compact first; the fallback comes last. */
const modernFormats = ['avif', 'webp'] as const

/** The widths made of `facts`: the standard ones below its width, and its own when under 1600. */
export function widthsOf(facts: Pick<ImageFacts, 'width'>): number[] {
  const widths: number[] = variantWidths.filter((width) => width < facts.width)
  const largest = Math.min(facts.width, Math.max(...variantWidths))
  if (!widths.includes(largest)) widths.push(largest)
  return widths
}

/** Whether `facts` gets responsive variants; GIF and SVG are published as they are. */
export function hasVariants(facts: Pick<ImageFacts, 'format'>): boolean {
  return facts.format !== 'gif' && facts.format !== 'svg'
}

/** Every file published for `facts` in a body or a listing, smallest first within each format. */
export function variantsOf(facts: ImageFacts): Variant[] {
  if (!hasVariants(facts)) return [variant(facts, facts.width, facts.format, true)]
  const formats: ImageFormat[] = [...modernFormats, facts.format].filter(
    (format, index, all) => all.indexOf(format) === index
  )
  return formats.flatMap((format) =>
    widthsOf(facts).map((width) => variant(facts, width, format, false))
  )
}

/** The JPEG a social card shows for `facts` (`og:image`, `twitter:image`, the feeds). */
export function socialVariantOf(facts: ImageFacts): Variant {
  return variant(facts, Math.min(facts.width, socialWidth), 'jpeg', false)
}

/** The MIME type of `format`. */
export function mimeOf(format: ImageFormat): string {
  return format === 'svg' ? 'image/svg+xml' : `image/${format}`
}

function variant(facts: ImageFacts, width: number, format: ImageFormat, asIs: boolean): Variant {
  const height = Math.max(1, Math.round((facts.height * width) / facts.width))
  const hash = createHash('sha256')
    .update(`${facts.digest}\n${encoderVersion}\n${width}\n${format}\n${asIs}`)
    .digest('hex')
    .slice(0, 10)
  const path = `${imagesFolder}/${stemOf(facts.path)}-${hash}-${width}.${format}`
  return { path, width, height, format, asIs }
}

/** The source's name as a safe, short file name stem: `Harbour View.JPG` is `harbour-view`. */
function stemOf(path: string): string {
  const stem = posix
    .basename(path, posix.extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return stem === '' ? 'image' : stem
}
