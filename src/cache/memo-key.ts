/**
 * The memo layer's keys: a stage's result is kept under a hash of the inputs the stage declares
 * (`stages/stage-keys.ts`), so that a result is served again exactly when every input it was made
 * from is the same. Keys are content hashes: a cache restored in CI, or copied between machines,
 * is as good as a local one.
 */
import { createHash } from 'node:crypto'

/** One declared input: text, bytes, or a list of texts (a list is one input, in its order). */
export type StageInput = string | Uint8Array | readonly string[]

/**
 * The key of `stage`'s result made from `inputs`. Inputs are hashed by name, in name order, so
 * that declaring an input is all it takes for the key to follow it; a new input changes every key
 * of the stage, so no result made without it is served.
 */
export function memoKey(stage: string, inputs: Readonly<Record<string, StageInput>>): string {
  const parts: (string | Uint8Array)[] = [stage]
  for (const name of Object.keys(inputs).sort()) {
    const value = inputs[name] as StageInput
    parts.push(name)
    if (typeof value === 'string' || value instanceof Uint8Array) parts.push(value)
    else parts.push(String(value.length), ...value)
  }
  return hashAll(parts)
}

/** SHA-256 of the parts, each length-prefixed so that no two different part lists collide. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  return hashAll(parts)
}

/** `hashOf` for any number of parts: a site's worth would overflow the stack as arguments. */
export function hashAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256')
  // Short strings are gathered and hashed together: a key made of 12,000 parts (the report of a
  // 4,000-article site) otherwise spends most of its time crossing into the hash twice a part.
  // The bytes hashed are the same either way.
  let pending = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      pending += `${Buffer.byteLength(part)}:${part}`
      if (pending.length < gatherLength) continue
      hash.update(pending)
      pending = ''
      continue
    }
    hash.update(`${pending}${part.byteLength}:`).update(part)
    pending = ''
  }
  if (pending !== '') hash.update(pending)
  return hash.digest('hex')
}

/** Characters of string parts gathered before they are hashed. */
const gatherLength = 1 << 16
