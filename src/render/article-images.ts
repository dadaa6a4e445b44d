/**
 * Publishes the body's images (issue 18). Runs after the sanitizer, on what it let through, and
 * only on the `<img>` elements `placeImages` resolved, found by the position the Markdown image
 * started at: an `<img>` typed as raw HTML never matches one, and keeps the sanitized `src` it has.
 * A local image becomes a responsive `<picture>` of its variants with its intrinsic size; a remote
 * one stays as written (no variants: factdesk does not fetch it) and is loaded lazily. An image
 * alone in its paragraph with a title becomes a `<figure>` with the title as its `<figcaption>`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { placeKey } from '../images/place-images.js'
import type { PlacedImage, PlacedImages } from '../images/place-images.js'
import { bodySizes, pictureView } from '../images/picture-view.js'
import type { Settings } from '../types.js'

declare module 'vfile' {
  interface DataMap {
    /** The body's resolved images, for `articleImages` (set by the body HTML stage). */
    placedImages: PlacedImages
    /** `base`, which the images' URLs start with. */
    imageBase: Settings['base']
  }
}

/** Rehype plugin: rewrites the resolved images of `file.data.placedImages`. */
export function articleImages() {
  return (tree: Root, file: VFile): void => {
    const placed = file.data.placedImages
    if (placed === undefined || placed.size === 0) return
    const base = file.data.imageBase ?? '/'
    const stack: (Root | Element)[] = [tree]
    for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
      parent.children = parent.children.map((child): RootContent => {
        if (child.type !== 'element') return child
        const image = placedImage(child, placed)
        if (image) return published(child, image, base)
        const figure = figureOf(child, placed, base)
        if (figure) return figure
        stack.push(child)
        return child
      })
    }
  }
}

/** The placed image `element` is, when it is an `<img>` a Markdown image made. */
function placedImage(element: Element, placed: PlacedImages): PlacedImage | undefined {
  const start = element.position?.start
  if (element.tagName !== 'img' || start === undefined) return undefined
  if (typeof element.properties.src !== 'string') return undefined
  return placed.get(placeKey(start))
}

/**
 * `<figure>` for a paragraph holding one placed image with a title and nothing else but
 * whitespace; undefined for every other element.
 */
function figureOf(paragraph: Element, placed: PlacedImages, base: string): Element | undefined {
  if (paragraph.tagName !== 'p') return undefined
  const content = paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === '')
  )
  const [only] = content
  if (content.length !== 1 || only?.type !== 'element') return undefined
  const image = placedImage(only, placed)
  const title = only.properties.title
  if (image === undefined || typeof title !== 'string' || title.trim() === '') return undefined
  const properties = { ...only.properties }
  // The caption says it now: a tooltip repeating it would be read out twice.
  delete properties.title
  const shown = published({ ...only, properties }, image, base)
  return {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [shown, element('figcaption', {}, [{ type: 'text', value: title }])],
    ...(paragraph.position ? { position: paragraph.position } : {})
  }
}

/** `img` as published: a picture of its variants, or the remote image loaded lazily. */
function published(img: Element, image: PlacedImage, base: string): Element {
  const lazy = { loading: 'lazy', decoding: 'async' }
  if (image.kind === 'remote') return { ...img, properties: { ...img.properties, ...lazy } }
  const view = pictureView(image.facts, { base }, bodySizes)
  const { alt, title } = img.properties
  const fallback = element('img', {
    src: view.src,
    ...(view.srcset === undefined ? {} : { srcSet: view.srcset, sizes: view.sizes }),
    width: view.width,
    height: view.height,
    alt: typeof alt === 'string' ? alt : '',
    ...(typeof title === 'string' ? { title } : {}),
    ...lazy
  })
  if (view.sources.length === 0) return fallback
  const sources = view.sources.map((source) =>
    element('source', { type: source.type, srcSet: source.srcset, sizes: view.sizes })
  )
  return element('picture', {}, [...sources, fallback])
}

function element(
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = []
): Element {
  return { type: 'element', tagName, properties, children }
}
