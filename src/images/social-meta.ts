/**
 * The lead photo in a page's head (issue 18): Open Graph's `og:image` with its size and type, and
 * the large-image card X (Twitter) shows, both at the photo's absolute social-card JPEG.
 */
import type { SharedImage } from './lead-photo.js'
import type { MetaName, MetaProperty } from '../render/page-context.js'

/** The `og:image` properties of `image`, described by `alt` when given. */
export function photoProperties(image: SharedImage, alt: string | undefined): MetaProperty[] {
  return [
    { property: 'og:image', content: image.url },
    { property: 'og:image:type', content: image.type },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    ...(alt === undefined ? [] : [{ property: 'og:image:alt', content: alt }])
  ]
}

/** The `twitter:` meta names of a page led by `image`. */
export function cardNames(image: SharedImage, alt: string | undefined): MetaName[] {
  return [
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:image', content: image.url },
    ...(alt === undefined ? [] : [{ name: 'twitter:image:alt', content: alt }])
  ]
}
