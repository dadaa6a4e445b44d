/**
 * An article's results as bytes: its checked part and its brief, as a v8-serialized wire value.
 * A worker sends them so, the build cache keeps them so, and the main thread writes what a worker
 * sent straight into the cache instead of copying and serializing every article a second time.
 */
import { deserialize, serialize } from 'node:v8'
import { withoutLoad } from '../checked-part.js'
import type { CheckedPart } from '../checked-part.js'
import type { CheckedArticle } from '../types.js'
import type { Processed } from './article-tasks.js'
import { fromWire, toWire } from './wire.js'

/** What the bytes hold. */
export interface ResultPart {
  article: CheckedPart
  brief: Processed['brief']
}

export function resultBytes(
  article: CheckedArticle | CheckedPart,
  brief: Processed['brief']
): Uint8Array {
  return serialize(toWire({ article: withoutLoad(article), brief }))
}

/** The results `bytes` hold; throws on bytes that are not results (damaged, or another layout). */
export function resultOf(bytes: Uint8Array): ResultPart {
  const part = fromWire<Partial<ResultPart> | undefined>(deserialize(bytes))
  if (part?.article === undefined || part.brief === undefined)
    throw new TypeError('not article results')
  return { article: part.article, brief: part.brief }
}
