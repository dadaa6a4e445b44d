/**
 * The lead photo of an article (issue 18, frontmatter `image:`): where it is shown (under the
 * headline, in listings), and the one JPEG that social cards, JSON-LD and the feeds point to.
 */
import type { Frontmatter, Settings } from '../types.js'
import type { ImageFacts, ImageTable } from './image-facts.js'
import { isImageFacts } from './image-facts.js'
import { imageSource } from './image-source.js'
import { bodySizes, pictureView } from './picture-view.js'
import type { PictureView } from './picture-view.js'
import { mimeOf, socialVariantOf } from './variants.js'

/** What the brief shows of its lead photo. */
export interface LeadPhotoView {
  picture: PictureView
  alt: string
  /** Printed as `Photo: {credit}` under it, when given. */
  credit?: string
}

/** A photo as an absolute URL, for pages and feeds outside the site. */
export interface SharedImage {
  url: string
  width: number
  height: number
  type: string
}

/** The facts of the lead photo of the article at `file`, when it has one that can be published. */
export function leadPhotoOf(
  file: string,
  frontmatter: Pick<Frontmatter, 'image'>,
  table: ImageTable | undefined
): ImageFacts | undefined {
  if (frontmatter.image === undefined || table === undefined) return undefined
  const source = imageSource(file, frontmatter.image.src)
  if (source.kind !== 'local') return undefined
  const lookup = table.get(source.path)
  return isImageFacts(lookup) ? lookup : undefined
}

/** The lead photo as the brief shows it. */
export function leadPhotoView(
  facts: ImageFacts,
  frontmatter: Pick<Frontmatter, 'image_alt' | 'image_credit'>,
  settings: Pick<Settings, 'base'>
): LeadPhotoView {
  return {
    picture: pictureView(facts, settings, bodySizes),
    alt: frontmatter.image_alt ?? '',
    ...(frontmatter.image_credit === undefined ? {} : { credit: frontmatter.image_credit })
  }
}

/** The social-card JPEG of `facts` at its absolute URL (`og:image`, JSON-LD, the feeds). */
export function sharedImage(
  facts: ImageFacts,
  settings: Pick<Settings, 'base' | 'url'>
): SharedImage {
  const variant = socialVariantOf(facts)
  return {
    url: new URL(settings.base + variant.path, settings.url).href,
    width: variant.width,
    height: variant.height,
    type: mimeOf(variant.format)
  }
}

/** The site-relative paths of the lead photos of `articles`: they also get a social-card JPEG. */
export function leadPhotoPaths(
  articles: readonly { file: string; frontmatter: Pick<Frontmatter, 'image'> }[]
): Set<string> {
  const paths = new Set<string>()
  for (const { file, frontmatter } of articles) {
    const source = frontmatter.image && imageSource(file, frontmatter.image.src)
    if (source?.kind === 'local') paths.add(source.path)
  }
  return paths
}
