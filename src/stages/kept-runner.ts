/**
 * The article runner of a session's builds (issue 21): a resident process keeps its worker
 * threads between builds, so that a data edit re-checks its readers on threads already started
 * and compiled, rather than on a pool started (and its code compiled again) for each build.
 */
import { createRunner, minArticlesForWorkers } from '../parallel/article-runner.js'
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { RunnerOptions } from '../parallel/article-runner.js'
import { defaultMemoBytes } from '../article/analysis-memo.js'
import type { BuildSession } from '../cache/build-session.js'

/**
 * The runner for a build with `options`: the session's, when it was made for the same site,
 * settings, strictness and number of threads; else a new one, which the session keeps (closing
 * the one it replaces). Without a session, a runner of this build's own, closed with it.
 */
export function runnerFor(
  session: BuildSession | undefined,
  options: RunnerOptions
): { runner: ArticleRunner; close(): Promise<void> } {
  if (session === undefined) {
    const runner = createRunner(options)
    return { runner, close: () => runner.close() }
  }
  const { count, ...made } = options
  // Small sites run in this thread, large ones on workers: the size class is part of the key.
  const key = JSON.stringify({ ...made, large: count >= minArticlesForWorkers })
  if (session.runner?.key !== key) {
    void session.runner?.runner.close()
    // A session's runner keeps each article's analysis: its next build of an unchanged article
    // (a data edit re-checks every reader) starts at the fact check.
    session.runner = { key, runner: createRunner({ memoBytes: defaultMemoBytes, ...options }) }
  }
  return { runner: session.runner.runner, close: () => Promise.resolve() }
}

/** Stops the threads a session kept; its next build starts others. */
export async function closeKeptRunner(session: BuildSession): Promise<void> {
  const kept = session.runner
  session.runner = undefined
  await kept?.runner.close()
}
