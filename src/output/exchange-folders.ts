/**
 * Swaps two folders in one step, so that the output folder is never missing (SPEC 7, 9).
 *
 * POSIX `rename` cannot replace a non-empty folder, so a swap by rename is two calls, and a build
 * killed between them leaves no output at all. Linux's `renameat2(RENAME_EXCHANGE)` and macOS's
 * `renamex_np(RENAME_SWAP)` exchange two paths atomically; Node exposes neither, so they are called
 * through koffi, a foreign-function library whose binaries come in its registry packages (nothing
 * is compiled or downloaded). Where neither call is there (another system, a file system that
 * refuses the flag, koffi unloadable), the caller falls back to two renames.
 */
import { createRequire } from 'node:module'
import type Koffi from 'koffi'

/** Exchanges the folders at `a` and `b` atomically; false when this system cannot (nothing moved). */
export type Exchange = (a: string, b: string) => boolean

let loaded: Exchange | null | undefined

/** The atomic exchange of this system, or undefined where there is none. */
export function atomicExchange(): Exchange | undefined {
  if (loaded === undefined) loaded = load() ?? null
  return loaded ?? undefined
}

/** Linux: `renameat2` flag; macOS: `renamex_np` flag. */
const renameExchange = 2
const renameSwap = 2
/** `AT_FDCWD`: paths relative to the working folder (ours are absolute). */
const atCurrentFolder = -100

function load(): Exchange | undefined {
  if (process.platform !== 'linux' && process.platform !== 'darwin') return undefined
  try {
    // Loaded on demand: only a build that swaps pays for the library, and a build where it
    // cannot load still works.
    const koffi = createRequire(import.meta.url)('koffi') as typeof Koffi
    if (process.platform === 'darwin') {
      const libc = koffi.load('libSystem.B.dylib')
      const renamex = libc.func('int renamex_np(const char *, const char *, unsigned int)')
      return (a, b) => renamex(a, b, renameSwap) === 0
    }
    const libc = koffi.load('libc.so.6')
    const renameat2 = libc.func('int renameat2(int, const char *, int, const char *, unsigned int)')
    return (a, b) => renameat2(atCurrentFolder, a, atCurrentFolder, b, renameExchange) === 0
  } catch {
    // No glibc (musl, another system), no binary for this platform: two renames it is.
    return undefined
  }
}
