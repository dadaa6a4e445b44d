/**
 * The last stage of the article processor (SPEC 8): the lead, and the sanitized body HTML and the
 * headline with every figure marked by its verdict.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { placeImages } from '../images/place-images.js'
import { firstParagraphText } from '../markdown/parse-markdown.js'
import type { Settings } from '../types.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { renderBodyHtml } from './body-html.js'
import { headlineHtml } from './headline-html.js'

export function bodyHtml(options: { settings: Pick<Settings, 'embeds' | 'base'> }) {
  return (tree: Root, file: VFile): void => {
    file.data.lead = collapseWhitespace(file.data.frontmatter?.summary ?? firstParagraphText(tree))
    // The hosts whose iframes are kept (`embeds.ts`) ride on the file for the one call.
    file.data.embedHosts = options.settings.embeds
    // The images resolved against the build's image table, published after the sanitizer.
    file.data.placedImages = placeImages(tree, file)
    file.data.imageBase = options.settings.base
    file.data.bodyHtml = renderBodyHtml(tree, file.data.marks ?? [], String(file.value), file)
    delete file.data.embedHosts
    delete file.data.placedImages
    delete file.data.imageBase
    file.data.headlineHtml = headlineHtml(file.data.frontmatter?.title ?? '', file.data.marks ?? [])
  }
}
