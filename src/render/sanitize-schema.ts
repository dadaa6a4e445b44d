/**
 * What body HTML may contain (SPEC 9): GitHub's sanitation, plus the figure-mark span and the
 * iframe of a listed embed. Raw HTML in Markdown is input, never code: no script, no event
 * handlers, no `javascript:` or `data:` URLs.
 */
import { defaultSchema } from 'rehype-sanitize'
import type { Options as SanitizeSchema } from 'rehype-sanitize'
import type { FigureStatus } from '../types.js'
import { embedSandbox } from './embeds.js'
import { markClass } from './mark-figures.js'

/** Every status a figure mark can show. */
export const markStatuses: readonly FigureStatus[] = [
  'verified',
  'contradicted',
  'unchecked',
  'error'
]

/**
 * Elements removed with everything inside them. The default schema would unwrap them and keep
 * their text, which would print style sheets and SVG source into the article. An `iframe` is
 * allowed (below), so this only applies to one the embeds step let through by mistake.
 */
const removedWithContent = [
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'object',
  'embed',
  'noscript',
  'template',
  'frameset'
]

/**
 * GitHub's schema (no `on*` attribute, `href` limited to http(s)/mailto/irc/xmpp, `src` to
 * http(s)) with two additions: `span` may carry the figure-mark classes and status, and
 * `iframe` the attributes of a kept embed. Which iframes are kept (a listed host, https) is
 * decided before this step, by `embeds.ts`; the schema still holds every iframe to the sandbox
 * and lazy loading, whatever reached it.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    span: [
      ['className', markClass, ...markStatuses.map((status) => `${markClass}--${status}`)],
      ['dataStatus', ...markStatuses],
      'title'
    ],
    iframe: [
      'src',
      'title',
      'width',
      'height',
      ['allowFullScreen', true],
      ['loading', 'lazy'],
      ['sandbox', ...embedSandbox]
    ]
  },
  required: {
    ...defaultSchema.required,
    iframe: { loading: 'lazy', sandbox: [...embedSandbox] }
  },
  strip: [...(defaultSchema.strip ?? []), ...removedWithContent]
}
