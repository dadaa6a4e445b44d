/**
 * An article's results as bytes: what the processor added to its file and its brief, as a
 * v8-serialized wire value. A worker sends them so, the build cache keeps them so, and the main
 * thread writes what a worker sent straight into the cache instead of copying and serializing
 * every article a second time.
 */
import { deserialize, serialize } from 'node:v8'
import type { ResultRecord } from '../article/article-records.js'
import { fromWire, toWire } from './wire.js'

export function resultBytes(record: ResultRecord): Uint8Array {
  return serialize(toWire(record))
}

/** The results `bytes` hold; throws on bytes that are not results (damaged, or another layout). */
export function resultOf(bytes: Uint8Array): ResultRecord {
  const record = fromWire<Partial<ResultRecord> | undefined>(deserialize(bytes))
  if (record?.check?.data === undefined || record.brief === undefined)
    throw new TypeError('not article results')
  return { check: record.check, brief: record.brief }
}
