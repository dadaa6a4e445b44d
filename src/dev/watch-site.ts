/**
 * Watches what a build reads (SPEC 7): `content/`, `data/` and `templates/` under the site root,
 * with chokidar. A save is often several events (write, rename, chmod; a git checkout is
 * hundreds), so changes are collected and reported once things have been quiet for a moment.
 */
import { stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { watch } from 'chokidar'
import type { Stats } from 'node:fs'

/** The folders of a site that the build reads. */
export const watchedFolders: readonly string[] = ['content', 'data', 'templates', 'public']

/** Options of `watchSite`. */
export interface WatchSiteOptions {
  /** The site folder. */
  root: string
  /** Called once per quiet period with the site-relative paths that changed, sorted. */
  onChange: (paths: string[]) => void
  /** Called when the watcher reports an error (a folder that cannot be read, too many files). */
  onError?: (error: unknown) => void
  /** Milliseconds without events before `onChange` is called. Default: 20. */
  debounceMs?: number
}

/**
 * chokidar reports one `change` of a file per 50 ms and drops the others in that window, with no
 * report at its end (`_throttle('change', path, 50)` in chokidar 4). With a quiet period shorter
 * than that, a build can read the file and finish inside the window, and a save made then would
 * never be reported: the page would show the older text until the next edit. So a file reported
 * as changed is looked at again once the window is over, and reported again if it differs.
 */
const chokidarChangeWindowMs = 50
/** How long after the window to look: chokidar's own timer must have fired first. */
const lookAgainMarginMs = 10

/** A running watcher. */
export interface SiteWatcher {
  /** Stops watching; no `onChange` call follows. */
  close(): Promise<void>
}

/** Starts watching and resolves once the initial scan is done, so no later edit is missed. */
export async function watchSite(options: WatchSiteOptions): Promise<SiteWatcher> {
  const { root, onChange } = options
  const folders = new Set(watchedFolders)
  const changed = new Set<string>()
  const debounceMs = options.debounceMs ?? 20
  let timer: NodeJS.Timeout | undefined
  let closed = false
  // When chokidar's window (`chokidarChangeWindowMs`) ends for each file it reported changed.
  const windowEnds = new Map<string, number>()
  const lookingAgain = new Set<NodeJS.Timeout>()
  // Reports go out in the order their quiet periods ended.
  let reporting = Promise.resolve()

  // The root itself is watched, not the three folders: chokidar does not notice a watched
  // folder that is created later, and `templates/` is optional.
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path: string) => {
      const inside = relative(root, path)
      if (inside === '') return false
      const first = inside.split(sep)[0] ?? ''
      return !folders.has(first) || isEditorNoise(basename(path))
    }
  })

  watcher.on('all', (event, path) => {
    if (closed) return
    const file = relative(root, path).split(sep).join('/')
    // chokidar opened its window on this file just before telling us.
    if (event === 'change') windowEnds.set(file, performance.now() + chokidarChangeWindowMs)
    note(file)
  })
  watcher.on('error', (error) => options.onError?.(error))

  function note(file: string): void {
    changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  }

  function flush(): void {
    if (closed || changed.size === 0) return
    const paths = [...changed].sort()
    changed.clear()
    reporting = reporting.then(async () => {
      await lookAgainLater(paths)
      if (!closed) onChange(paths)
    })
  }

  /**
   * Looks at each of `paths` whose chokidar window is still open, before the build that follows
   * reads it, and again once the window is over: one that differs then is noted again.
   */
  async function lookAgainLater(paths: readonly string[]): Promise<void> {
    const now = performance.now()
    const open = paths.filter((file) => (windowEnds.get(file) ?? 0) > now)
    for (const file of paths) if (!open.includes(file)) windowEnds.delete(file)
    const seen = await Promise.all(open.map((file) => lookAt(file)))
    open.forEach((file, i) => {
      const before = seen[i]
      // Gone: its removal is chokidar's to report, and is not throttled.
      if (before === undefined) return
      const wait = (windowEnds.get(file) ?? now) - performance.now() + lookAgainMarginMs
      const again = setTimeout(
        () => {
          lookingAgain.delete(again)
          const end = windowEnds.get(file)
          if (end !== undefined && end <= performance.now()) windowEnds.delete(file)
          void lookAt(file).then((after) => {
            if (!closed && after !== undefined && !sameFile(before, after)) note(file)
          })
        },
        Math.max(0, wait)
      )
      lookingAgain.add(again)
    })
  }

  function lookAt(file: string): Promise<Stats | undefined> {
    return stat(join(root, file)).catch(() => undefined)
  }

  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    async close() {
      closed = true
      clearTimeout(timer)
      for (const again of lookingAgain) clearTimeout(again)
      await watcher.close()
    }
  }
}

/** Whether two looks at a file saw the same version of it. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs
}

/**
 * Files editors' tools write next to the real ones: dotfiles (`.#x.md`, `.DS_Store`), backups
 * (`x.md~`), vim swap files and the `4913` file vim writes to test a folder.
 */
function isEditorNoise(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || name === '4913'
}
