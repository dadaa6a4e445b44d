/**
 * `factdesk dev` (SPEC 7): builds the site in memory, serves it on localhost, rebuilds when
 * `content/`, `data/` or `templates/` change, and reloads open pages over server-sent events.
 * A failing build never takes the site down: its pages are served with their flagged figures
 * and an overlay listing each problem, and the next clean build clears it. The server swaps
 * from one build to the next only when a build has finished, so a page is never half of each.
 * An article's page also offers checks for its unchecked figures (issue 20), and "Add this
 * check" posts one back: the only request that writes a file (add-check-endpoint.ts).
 */
import { createServer } from 'node:http'
import { join } from 'node:path'
import { cacheDirOf } from '../cache/cache-dir.js'
import { escapeControls } from '../report/terminal-safe.js'
import { suggestFromArticle, suggestionsOf } from './dev-suggestions.js'
import { ownHosts } from './host-check.js'
import { listenOnFreePort } from './listen-on-free-port.js'
import { createLiveReload } from './live-reload.js'
import { answerDevRequest } from './dev-requests.js'
import { crashProblem, crashedSite, emptySite, nextSite } from './next-site.js'
import { describeChange, logResult } from './build-log.js'
import { earlyRestyle, swapsAfter } from './early-restyle.js'
import { listenHost, logServing, serverUrls } from './server-urls.js'
import { watchSite } from './watch-site.js'
import { defaultRehearsals, rehearsalArticles, rehearseSaves } from './rehearse-saves.js'
import { createBuildQueue } from './build-queue.js'
import { createDevSearch, withSearch } from './dev-search.js'
import { createBuildSession, noteChanges, settleSession } from '../cache/build-session.js'
import { showsTheSame, siteKeeping } from './stored-start.js'
import { closeKeptRunner } from '../stages/kept-runner.js'
import type { build } from '../build.js'
import type { DevSite } from './next-site.js'
import type { DevServer, DevServerOptions } from './dev-server-options.js'
import type { StoredStart } from './stored-start.js'
import type { SiteWatcher } from './watch-site.js'

export type { DevServer, DevServerOptions } from './dev-server-options.js'

/** Builds the site, starts serving it, and watches it for changes. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root } = options
  // Every line can carry text from the site (file names, problem messages): never raw controls.
  const log = (line: string): void => options.log(escapeControls(line))
  // Loaded when the first build starts, not before: a start served from the site kept at the
  // last stop answers first. Not at all when a build is injected (the server tested on its own).
  let buildSite = options.buildSite
  const loadBuild = async (): Promise<typeof build> =>
    (buildSite ??= (await import('../build.js')).build)
  const keepSite = options.keepSite ?? options.buildSite === undefined
  const liveReload = createLiveReload()
  const session = createBuildSession()
  const search = createDevSearch()
  // The first build's briefs, served as they are made while the rest is still being built.
  const firstBriefs = new Map<string, Uint8Array>()
  let site: DevSite = { ...emptySite, files: firstBriefs }
  let stopping = false
  // Site files changed since the last build began, and the last build's exit status.
  const changed = new Set<string>()
  let exit: number | undefined
  // The site kept at the last stop, while it is served; and when the last build served began.
  let storedStart: StoredStart | undefined
  let servedBuildFrom = 0

  /** What every build of the server is asked for. */
  function buildOptions(): Parameters<typeof build>[0] {
    return {
      root,
      out: join(root, 'dist'),
      strict: options.strict,
      drafts: options.drafts,
      now: options.now,
      write: false,
      // The index, the results and the pages of the last build, kept in memory (issue 21).
      session,
      // Made when a page first searches, not on every save (dev-search.ts).
      search: false,
      // The cache makes a rebuild redo only the articles a change touched.
      cacheDir: cacheDirOf(root)
    }
  }

  /** One build, then the swap; the server never sees a build in progress. */
  async function runBuild(): Promise<void> {
    const started = performance.now()
    const startedAt = Date.now()
    const buildSite = await loadBuild()
    // What this build is for: the files changed since the last one began.
    const changes = [...changed]
    changed.clear()
    const previousExit = exit
    // Open pages show "Rebuilding…" until the reload that follows.
    liveReload.rebuilding(site.buildId)
    // A stylesheet edit restyles open pages now; the rebuild of every page follows.
    const early = await earlyRestyle(root, site, changes).catch(() => undefined)
    if (early) {
      site = early.site
      liveReload.restyle(site.buildId, [early.swap])
    }
    let next: DevSite
    try {
      const result = await buildSite({
        ...buildOptions(),
        ...(site.buildId === 0
          ? { onBrief: (path: string, content: Uint8Array) => firstBriefs.set(path, content) }
          : {}),
        // Open pages count the articles as they are checked ("Rebuilding… 1,200 of 4,000").
        onProgress: (stage, done, total) => {
          if (stage === 'checked' && total !== undefined) liveReload.progress(done, total)
        }
      })
      exit = result.exit
      const suggest = options.suggest ?? suggestFromArticle
      next = withSearch(
        nextSite(site, result, suggestionsOf(suggest, root, result, log)),
        result.settings,
        search
      )
      logResult(log, result, performance.now() - started)
    } catch (error) {
      // The build itself crashed: keep the last good pages, and say so on each of them.
      const crash = crashProblem(root, error)
      log(`factdesk dev: ${crash.message}`)
      next = crashedSite(site, crash)
      // Pages must reload to show the crash, and again to drop it.
      exit = undefined
    }
    if (stopping) return
    const previous = site
    site = next
    servedBuildFrom = startedAt
    if (storedStart !== undefined && previous === storedStart.site) {
      // Pages shown from the kept site stay as they are when the build made them the same.
      const same = await showsTheSame(storedStart, next)
      storedStart = undefined
      if (same) liveReload.restyle(site.buildId, [])
      else liveReload.reload(site.buildId)
      void settleSession(session)
      return
    }
    // A stylesheet edit restyles open pages in place, unless the verdict changed with it.
    const swaps = exit === previousExit ? swapsAfter(early, previous, next, changes) : undefined
    if (swaps === undefined) liveReload.reload(site.buildId)
    else liveReload.restyle(site.buildId, swaps)
    keeping?.letGo(site)
    // Keeping the build in the cache is left until open pages have been told (20-30 ms a save at
    // 4,000 articles); the next build waits for it.
    void settleSession(session)
  }

  // Builds run one at a time; changes that arrive during a build are taken up by one more.
  const builds = createBuildQueue(runBuild, () => stopping)
  const rebuild = builds.request

  // The port is bound before the first build starts, so a taken one is found (and another used)
  // before the wait, not after it. Requests that arrive meanwhile are answered with the briefs
  // built so far, and a page saying the rest is being built (which reloads once it is).
  let startFirstBuild: () => void = () => undefined
  const firstBuild = new Promise<void>((resolve) => {
    startFirstBuild = resolve
  })
    .then(rebuild)
    // A build served from the cache never loaded the Markdown and check modules; the first save
    // would wait for them (0.5-0.7 s), so they are loaded now, while the editor reads. Loaded
    // beside the first build, they made a save 0.3 s after a warm start 0.15 s faster but the
    // start itself 1.0-2.6 s slower (4,000 articles, three runs each, alternated).
    .then(() => void import('../parallel/article-tasks.js').catch(() => undefined))
  const host = listenHost(options.host)
  // Filled in once the port is known; no request arrives before that.
  let hosts: ReadonlySet<string> = new Set()
  const server = createServer((request, response) =>
    answerDevRequest(request, response, {
      root,
      site: () => site,
      hosts: () => hosts,
      liveReload,
      log
    })
  )
  const port = await listenOnFreePort(server, {
    port: options.port,
    host,
    log,
    label: 'factdesk dev'
  }).catch((error: unknown) => {
    liveReload.close()
    throw error
  })
  hosts = ownHosts(host, port)
  const keeping = keepSite ? await siteKeeping(root, options, firstBuild, () => site) : undefined
  storedStart = keeping?.start
  if (storedStart !== undefined) site = storedStart.site
  const keepServedSite = async (): Promise<void> => keeping?.keep(site, servedBuildFrom)
  startFirstBuild()

  let watcher: SiteWatcher
  try {
    watcher = await watchSite({
      root,
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      onChange: (paths) => {
        for (const path of paths) changed.add(path)
        // The next build reads again only the files named here (cache/build-session.ts).
        noteChanges(session, paths)
        log(`factdesk dev: ${describeChange(paths)} changed, rebuilding`)
        void rebuild()
      },
      onError: (error) => {
        // A change the watcher may have missed: the next build reads every file.
        noteChanges(session, undefined)
        log(
          `factdesk dev: watching failed: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    })
  } catch (error) {
    stopping = true
    liveReload.close()
    server.close()
    await firstBuild
    throw error
  }
  // The site kept at the last stop is served now, and checked by the first build; otherwise the
  // server says where it serves once the first build is done.
  const announced = storedStart !== undefined
  if (announced) {
    log('factdesk dev: serving the site as it was at the last stop, while it is checked again')
    logServing(log, options.host, host, port, site.base)
  }
  await firstBuild
  // While the editor reads, a few unannounced rebuilds make the code of a save hot.
  void rehearseSaves({
    articles: rehearsalArticles(
      site.pages,
      options.rehearsals ?? (options.buildSite ? 0 : defaultRehearsals)
    ),
    rehearse: (article) =>
      loadBuild()
        .then((build) => build({ ...buildOptions(), recheck: new Set([article]) }))
        .then(
          () => settleSession(session),
          // A real build would crash too, and say so; a rehearsal has no one to tell.
          () => undefined
        ),
    queue: builds,
    stopped: () => stopping
  })
    .then(keepServedSite)
    .catch(() => undefined)

  let resolveClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve
  })
  let closing: Promise<void> | undefined
  const onSigint = (): void => {
    log('factdesk dev: stopping')
    void close()
  }
  if (options.stopOnSigint ?? true) process.once('SIGINT', onSigint)

  function close(): Promise<void> {
    closing ??= (async () => {
      stopping = true
      process.off('SIGINT', onSigint)
      await watcher.close()
      liveReload.close()
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive sockets would hold `close` open until they time out.
      server.closeAllConnections()
      await serverClosed
      await builds.idle()
      await settleSession(session)
      // Kept for the next start, unless a change came that no build has read.
      if (changed.size === 0) await keepServedSite()
      else await keeping?.idle()
      await closeKeptRunner(session)
      resolveClosed()
    })()
    return closing
  }

  if (!announced) logServing(log, options.host, host, port, site.base)
  return { url: serverUrls(options.host, port, site.base).local, close, closed }
}
