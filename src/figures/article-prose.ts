/**
 * The prose of a whole article (SPEC 5): the headline, the summary, then the body, in the order a
 * check's `figure` text is looked for (SPEC 6). Each part maps back to the file: the headline and
 * the summary to where they were written in the frontmatter. The parts are kept apart by an
 * object separator, so no figure phrase joins across them.
 */
import type { ProsePlaces } from '../content/prose-places.js'
import { offsetsOfRuns } from '../content/prose-places.js'
import type { Frontmatter, Prose, ProsePart } from '../types.js'
import { objectSeparator } from './tokenize.js'

/** An article's prose and where each part of it starts. */
export interface ArticleProse {
  prose: Prose
  /**
   * Offsets in `prose.text` where the summary and the body start (the summary's equals the body's
   * when there is none). The headline starts at 0, so a headline figure's offsets are offsets in
   * the headline.
   */
  summaryStart: number
  bodyStart: number
}

/** The prose of an article whose body's prose is `body`. */
export function articleProse(
  frontmatter: Pick<Frontmatter, 'title' | 'summary'>,
  places: ProsePlaces,
  body: Prose
): ArticleProse {
  const { title, summary } = frontmatter
  const parts = [title, objectSeparator]
  const offsets = [offsetsOfRuns(places.title, title.length), Int32Array.of(-1)]
  if (summary !== undefined && places.summary !== undefined) {
    parts.push(summary, objectSeparator)
    offsets.push(offsetsOfRuns(places.summary, summary.length), Int32Array.of(-1))
  }
  const summaryStart = title.length + 1
  const bodyStart = parts.reduce((length, part) => length + part.length, 0)
  parts.push(body.text)
  offsets.push(body.sourceOffsets)
  const sourceOffsets = new Int32Array(bodyStart + body.text.length)
  let at = 0
  for (const part of offsets) {
    sourceOffsets.set(part, at)
    at += part.length
  }
  return { prose: { text: parts.join(''), sourceOffsets }, summaryStart, bodyStart }
}

/** The part of the article a prose offset is in. */
export function partAt(article: ArticleProse, offset: number): ProsePart {
  if (offset >= article.bodyStart) return 'body'
  return offset >= article.summaryStart ? 'summary' : 'title'
}
