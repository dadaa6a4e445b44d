/**
 * Watches what a build reads (SPEC 7): `content/`, `data/` and `templates/` under the site root,
 * with chokidar. A save is often several events (write, rename, chmod; a git checkout is
 * hundreds), so changes are collected and reported once things have been quiet for a moment.
 */
import { basename, relative, sep } from 'node:path'
import { watch } from 'chokidar'

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
  /** Milliseconds without events before `onChange` is called. Default: 50. */
  debounceMs?: number
}

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
  let timer: NodeJS.Timeout | undefined
  let closed = false

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

  watcher.on('all', (_event, path) => {
    if (closed) return
    changed.add(relative(root, path).split(sep).join('/'))
    clearTimeout(timer)
    timer = setTimeout(flush, options.debounceMs ?? 50)
  })
  watcher.on('error', (error) => options.onError?.(error))

  function flush(): void {
    if (closed || changed.size === 0) return
    const paths = [...changed].sort()
    changed.clear()
    onChange(paths)
  }

  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    async close() {
      closed = true
      clearTimeout(timer)
      await watcher.close()
    }
  }
}

/**
 * Files editors' tools write next to the real ones: dotfiles (`.#x.md`, `.DS_Store`), backups
 * (`x.md~`), vim swap files and the `4913` file vim writes to test a folder.
 */
function isEditorNoise(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || name === '4913'
}
