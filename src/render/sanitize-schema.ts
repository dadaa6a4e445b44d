/**
 * What body HTML may contain (SPEC 9): GitHub's sanitation, plus the figure-mark span. Raw HTML in
 * Markdown is input, never code: no script, no event handlers, no `javascript:` or `data:` URLs.
 */
import { defaultSchema } from 'rehype-sanitize'
import type { Options as SanitizeSchema } from 'rehype-sanitize'
import type { FigureStatus } from '../types.js'
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
 * their text, which would print style sheets and SVG source into the article.
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
 * http(s)) with exactly one addition: `span` may carry the figure-mark classes and status.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    span: [
      ['className', markClass, ...markStatuses.map((status) => `${markClass}--${status}`)],
      ['dataStatus', ...markStatuses],
      'title'
    ]
  },
  strip: [...(defaultSchema.strip ?? []), ...removedWithContent]
}
