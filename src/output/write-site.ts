/**
 * Writes a built site so that the output folder only ever holds a build that passed (SPEC 7):
 * files go into a fresh sibling folder, which is swapped into place once complete. A build that
 * fails or is killed mid-way leaves the previous output as it was; its leftovers are removed by
 * the next build.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { withBuildLock } from './build-lock.js'
import type { OutputFile } from '../types.js'

const stagingPrefix = '.factdesk-staging-'
const retiredPrefix = '.factdesk-retired-'

/** Writes `files` into `out`, replacing its previous content in one swap. Returns pages written. */
export async function writeSite(out: string, files: readonly OutputFile[]): Promise<number> {
  const target = resolve(out)
  const parent = dirname(target)
  await mkdir(parent, { recursive: true })
  return withBuildLock(target, async () => {
    await recoverInterruptedSwap(target)
    await removeLeftovers(target)
    const staging = join(parent, `${stagingPrefix}${basename(target)}-${process.pid}-${Date.now()}`)
    try {
      await writeAll(staging, files)
      await swapIn(staging, target)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
    return files.length
  })
}

async function writeAll(staging: string, files: readonly OutputFile[]): Promise<void> {
  const folders = new Set<string>()
  for (const file of files) folders.add(dirname(safeJoin(staging, file.path)))
  await mkdir(staging, { recursive: true })
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true })
  // Bounded parallelism: enough to keep the disk busy without opening thousands of handles.
  const queue = [...files]
  const workers = Array.from({ length: 16 }, async () => {
    for (let file = queue.pop(); file; file = queue.pop()) {
      await writeFile(safeJoin(staging, file.path), file.content)
    }
  })
  await Promise.all(workers)
}

async function swapIn(staging: string, target: string): Promise<void> {
  const retired = join(dirname(target), `${retiredPrefix}${basename(target)}-${process.pid}-${Date.now()}`)
  const hadPrevious = await rename(target, retired).then(
    () => true,
    (error: unknown) => {
      if (isCode(error, 'ENOENT')) return false
      throw error
    }
  )
  await rename(staging, target)
  if (hadPrevious) await rm(retired, { recursive: true, force: true })
}

/**
 * A build killed between the two renames of `swapIn` leaves no output folder but a retired one:
 * put the retired one back, so the previous site is what stands.
 */
async function recoverInterruptedSwap(target: string): Promise<void> {
  const siblings = await readdir(dirname(target)).catch(() => [] as string[])
  const exists = siblings.includes(basename(target))
  if (exists) return
  const retired = siblings.filter((name) => name.startsWith(`${retiredPrefix}${basename(target)}-`)).sort()
  const latest = retired.at(-1)
  if (latest) await rename(join(dirname(target), latest), target)
}

async function removeLeftovers(target: string): Promise<void> {
  const siblings = await readdir(dirname(target)).catch(() => [] as string[])
  const name = basename(target)
  for (const sibling of siblings) {
    if (sibling.startsWith(`${stagingPrefix}${name}-`) || sibling.startsWith(`${retiredPrefix}${name}-`)) {
      await rm(join(dirname(target), sibling), { recursive: true, force: true })
    }
  }
}

/** Joins an output path under `root`, refusing any path that would leave it (SPEC 9). */
export function safeJoin(root: string, path: string): string {
  const joined = resolve(root, path)
  if (!joined.startsWith(resolve(root) + sep)) {
    throw new TypeError(`output path \`${path}\` leaves the output folder`)
  }
  return joined
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
