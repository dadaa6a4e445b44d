/**
 * A bin of a kept dev site (`stored-site.ts`) being written: bytes added in order, gathered in
 * batches so that a site of 1 GB is never held twice, into a temporary file renamed into place
 * when complete.
 */
import { open, rename, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'

/** Bytes gathered before they are written out. */
const writeBatchBytes = 8 * 1024 * 1024

/** A bin being written: bytes are added in order, in batches, to a temporary file renamed at the end. */
export function openBinWriter(file: string): {
  add(content: string | Uint8Array): Promise<number>
  /** Whether anything was added. */
  added(): boolean
  close(): Promise<boolean>
} {
  const temporary = `${file}.${process.pid}.tmp`
  let handle: FileHandle | undefined
  let failed = false
  let offset = 0
  let batch: Uint8Array[] = []
  let batchBytes = 0
  let added = false
  const flush = async (): Promise<void> => {
    if (batch.length === 0 || failed) return
    const buffers = batch
    batch = []
    batchBytes = 0
    try {
      handle ??= await open(temporary, 'w')
      await handle.writev(buffers)
    } catch {
      failed = true
    }
  }
  return {
    async add(content) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content
      const at = offset
      added = true
      offset += bytes.byteLength
      batch.push(bytes)
      batchBytes += bytes.byteLength
      if (batchBytes >= writeBatchBytes) await flush()
      return at
    },
    added: () => added,
    async close() {
      await flush()
      if (handle === undefined) return !failed
      try {
        await handle.close()
        if (!failed) await rename(temporary, file)
      } catch {
        failed = true
      }
      if (failed) await rm(temporary, { force: true })
      return !failed
    }
  }
}
