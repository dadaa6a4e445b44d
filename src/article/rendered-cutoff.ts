/**
 * Early cutoff for a data edit (issue 21): an edit to a data file re-checks every article that
 * reads it, but the check of most of them finds what it found last time (the edit moved none of
 * their figures). The body HTML and the brief are made from what the check found and from inputs
 * a data edit does not touch, so a resident runner keeps each article's result bytes with the
 * digest of its check's output (in `analysis-memo.ts`), and when a later check's output has the
 * same digest it hands back those bytes instead of rendering the body and the brief again.
 *
 * What the stages after the check read, and which digest holds each:
 * - the body (`render/body-plugin.ts`): the tree, Markdown, path and frontmatter (the analysis
 *   key), the figure marks (the check's output), the image table, `embeds` and `base` (context);
 * - the brief (`render/brief.ts`): the URL (the article's key), the frontmatter, the check's mode,
 *   figures, asserts and panel (its output), the lead and the body and headline HTML (made by the
 *   body from the above); the templates, site view, settings, data paths and images (context);
 * - the check record: the problems since the analysis began (the check's output; the body's own,
 *   of images and embeds, follow from the keys above).
 */
import { problemsOf } from './article-file.js'
import type { LoadedFile } from './article-file.js'
import { valueDigest } from './value-digest.js'
import type { BriefInput } from '../render/brief.js'
import type { Settings } from '../types.js'

/** What a build's articles share with the stages after the check. */
export interface RenderContext {
  settings: Settings
  strict: boolean
  brief: BriefInput
}

/**
 * The digest of everything but the data that the stages after the check read of a build's
 * context: made once a build. Templates count by their fingerprint, the hash of their sources.
 */
export function renderContextDigest(context: RenderContext): string {
  const { settings, strict, brief } = context
  const dataPaths = [...brief.dataPaths].sort()
  const { site, templates, images } = brief
  return valueDigest([
    settings,
    strict,
    brief.settings,
    site,
    templates.fingerprint,
    dataPaths,
    images
  ])
}

/** The key of an article's kept results: its analysis key, its URL and the build's context. */
export function renderedKey(analysisKey: string, file: LoadedFile, context: string): string {
  return valueDigest([analysisKey, file.data.url, context])
}

/**
 * Fields of a checked file left out of its check output: what the keys hold already (what
 * loading set, in the analysis key and the URL; the build's image table, in the context), and
 * what the analysis passes to the check alone (the prose and the figures found: the body reads
 * the check's marks instead, and they are gone from the file before the brief).
 */
const notOutput: ReadonlySet<string> = new Set([
  'frontmatter',
  'url',
  'places',
  'imageTable',
  'prose',
  'bodyProse',
  'found'
])

/**
 * The digest of what the analysis and the check left on `file` for the stages after them: every
 * other field of its data, whichever stage set it, and its problems from message `from` on.
 */
export function checkOutputDigest(file: LoadedFile, from: number): string {
  const output = Object.entries(file.data).filter(([field]) => !notOutput.has(field))
  return valueDigest([output, problemsOf(file).slice(from)])
}
