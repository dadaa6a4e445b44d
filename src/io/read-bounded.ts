/**
 * File reads with a bound on how many are open at once. A build reads every article, cache entry
 * and data file of a site together; unbounded, a site of 40,000 articles runs out of file handles
 * (EMFILE) and half its files come back unreadable.
 */
import { readFile } from 'node:fs/promises'

/** Files open at once across the whole process. */
const maxOpenReads = 64
let openReads = 0
const waiting: (() => void)[] = []

/** `readFile(path)`, waiting for a free slot first. */
export function readBounded(path: string): Promise<Buffer> {
  return withReadSlot(() => readFile(path))
}

/** Runs `read` (which may hold a file open until it settles) once a slot is free. */
export async function withReadSlot<T>(read: () => Promise<T>): Promise<T> {
  await takeSlot()
  try {
    return await read()
  } finally {
    giveBackSlot()
  }
}

async function takeSlot(): Promise<void> {
  if (openReads < maxOpenReads) {
    openReads++
    return
  }
  // The slot is handed over by the reader that finishes, so the count never overshoots.
  await new Promise<void>((resolve) => waiting.push(resolve))
}

function giveBackSlot(): void {
  const next = waiting.shift()
  if (next) next()
  else openReads--
}
