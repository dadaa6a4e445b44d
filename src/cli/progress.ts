/**
 * A one-line progress display for long builds on a terminal (issue 18: editors watch builds). It
 * counts through every phase the build reports, articles parsed, checked and pages rendered, so a
 * build of thousands of articles never looks stuck. In CI or without a terminal it prints
 * nothing, so logs stay clean.
 */
import type { BuildOptions } from '../build.js'

/** Where progress may be drawn, and whether it should be. */
export interface ProgressTarget {
  write: (text: string) => void
  enabled: boolean
  /** The clock that paces redrawing, in milliseconds; `Date.now` unless a test drives it. */
  clock?: () => number
}

type Stage = Parameters<NonNullable<BuildOptions['onProgress']>>[0]

const phases: Record<Stage, string> = {
  loaded: 'parsing articles',
  checked: 'checking articles',
  rendered: 'rendering pages',
  written: 'writing files'
}

/** How often the line is redrawn within one phase, at most: a terminal is slow to write to. */
const redrawMs = 100

/**
 * A progress callback for `build()`, redrawing at most every 100 ms within a phase (a new phase,
 * and a phase's last count, are always drawn), and a function to clear the line.
 */
export function createProgress(target: ProgressTarget): {
  onProgress?: BuildOptions['onProgress']
  done: () => void
} {
  if (!target.enabled) return { done: () => {} }
  const clock = target.clock ?? Date.now
  let last = 0
  let shown: Stage | undefined
  let drawn = false
  return {
    onProgress(stage, done, total) {
      const now = clock()
      const finished = total !== undefined && done >= total
      if (stage === shown && !finished && now - last < redrawMs) return
      last = now
      shown = stage
      drawn = true
      target.write(`\r\u001b[2Kfactdesk: ${progressText(stage, done, total)}`)
    },
    done() {
      if (drawn) target.write('\r\u001b[2K')
    }
  }
}

/** `checking articles 1,200/4,000`, or `rendering pages 300` while the total is not known. */
export function progressText(stage: Stage, done: number, total: number | undefined): string {
  const counted = total === undefined ? format(done) : `${format(done)}/${format(total)}`
  return `${phases[stage]} ${counted}`
}

function format(n: number): string {
  return n.toLocaleString('en-US')
}
