/**
 * A one-line progress display for long builds on a terminal (issue: editors watch builds).
 * In CI or without a terminal it prints nothing, so logs stay clean.
 */
import type { BuildOptions } from '../build.js'

/** Where progress may be drawn, and whether it should be. */
export interface ProgressTarget {
  write: (text: string) => void
  enabled: boolean
}

type Stage = Parameters<NonNullable<BuildOptions['onProgress']>>[0]

const labels: Record<Stage, string> = {
  loaded: 'articles parsed',
  checked: 'articles checked',
  rendered: 'pages rendered',
  written: 'files written'
}

/** A progress callback for `build()`, redrawing at most every 100 ms, and a function to clear it. */
export function createProgress(target: ProgressTarget): {
  onProgress?: BuildOptions['onProgress']
  done: () => void
} {
  if (!target.enabled) return { done: () => {} }
  let last = 0
  let drawn = false
  return {
    onProgress(stage, done, total) {
      const now = Date.now()
      if (done < total && now - last < 100) return
      last = now
      drawn = true
      target.write(`\r\u001b[2Kfactdesk: ${done}/${total} ${labels[stage]}`)
    },
    done() {
      if (drawn) target.write('\r\u001b[2K')
    }
  }
}
