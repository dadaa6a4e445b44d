/**
 * GitHub Flavored Markdown, one construct at a time. remark-gfm's constructs are costly even on
 * text that uses none of them (the autolink-literal one is tried at every word), so each article
 * gets only the constructs whose trigger characters it contains. Every construct needs its
 * trigger to match anything, so the tree is the same as with full GFM, at a fraction of the cost.
 */
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import type { Extension as MicromarkExtension } from 'micromark-util-types'

/** One GFM construct: when an article may use it, and the extensions that parse it. */
interface Feature {
  name: string
  mayOccur: (markdown: string) => boolean
  micromark: () => MicromarkExtension
  fromMarkdown: () => FromMarkdownExtension | FromMarkdownExtension[]
}

/** What can start a GFM autolink literal; also matched against text nodes (see parse-markdown.ts). */
export const autolinkTrigger = /@|www\.|https?:\/\//i

// Same order as micromark-extension-gfm, so constructs compete exactly as in remark-gfm.
const features: readonly Feature[] = [
  {
    name: 'autolink-literal',
    // www. and http(s):// links, and e-mail addresses (mailto:/xmpp: ones contain @ too).
    mayOccur: (markdown) => autolinkTrigger.test(markdown),
    micromark: () => gfmAutolinkLiteral(),
    fromMarkdown: () => gfmAutolinkLiteralFromMarkdown()
  },
  {
    name: 'footnote',
    mayOccur: (markdown) => markdown.includes('[^'),
    micromark: () => gfmFootnote(),
    fromMarkdown: () => gfmFootnoteFromMarkdown()
  },
  {
    name: 'strikethrough',
    mayOccur: (markdown) => markdown.includes('~'),
    micromark: () => gfmStrikethrough(),
    fromMarkdown: () => gfmStrikethroughFromMarkdown()
  },
  {
    name: 'table',
    mayOccur: (markdown) => markdown.includes('|'),
    micromark: () => gfmTable(),
    fromMarkdown: () => gfmTableFromMarkdown()
  },
  {
    name: 'task-list-item',
    mayOccur: (markdown) => /\[[ xX]\]/.test(markdown),
    micromark: () => gfmTaskListItem(),
    fromMarkdown: () => gfmTaskListItemFromMarkdown()
  }
]

/** The extensions an article needs, with a key naming the set (for caching processors). */
export interface GfmSelection {
  key: string
  micromarkExtensions: MicromarkExtension[]
  fromMarkdownExtensions: (FromMarkdownExtension | FromMarkdownExtension[])[]
}

/**
 * Picks the GFM constructs `markdown` may use, by a linear scan for their trigger characters.
 * `autolinks: false` leaves autolink literals out even when triggered (see parse-markdown.ts).
 */
export function selectGfm(markdown: string, options: { autolinks?: boolean } = {}): GfmSelection {
  const chosen = features.filter(
    (feature) =>
      feature.mayOccur(markdown) &&
      (options.autolinks !== false || feature.name !== 'autolink-literal')
  )
  return {
    key: chosen.map((feature) => feature.name).join('+'),
    micromarkExtensions: chosen.map((feature) => feature.micromark()),
    fromMarkdownExtensions: chosen.map((feature) => feature.fromMarkdown())
  }
}
