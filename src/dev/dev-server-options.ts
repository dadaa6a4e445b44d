/** What `factdesk dev` is started with (`startDevServer`, dev-server.ts) and what it gives back. */
import type { DateTime } from 'luxon'
import type { build } from '../build.js'
import type { SuggestChecks } from './dev-suggestions.js'

/** Options of `startDevServer`. */
export interface DevServerOptions {
  /** The site folder. */
  root: string
  /**
   * TCP port (the CLI's default is 4321); when it is taken, the first free one of the 20 after
   * it is used, and said. 0 lets the system pick a free one.
   */
  port: number
  /**
   * Interface to listen on (`--host`). Default: `127.0.0.1`, so the drafts on screen stay on this
   * machine; `0.0.0.0` lets a phone on the same network open them, at the addresses logged.
   */
  host?: string
  /** `--strict`: every article is checked strictly. */
  strict: boolean
  /** `--drafts`: drafts are built too. */
  drafts: boolean
  /** The instant embargoes are compared with. */
  now: DateTime
  /** Where progress lines go, one line per call, without a newline. */
  log: (line: string) => void
  /** The build to run; the real one unless a test injects another. */
  buildSite?: typeof build
  /** Milliseconds of quiet after a change before rebuilding. Default: 20 (`watch-site.ts`). */
  debounceMs?: number
  /** Stop on Ctrl-C (SIGINT). Default: true. */
  stopOnSigint?: boolean
  /**
   * Rebuilds rehearsed after the first build, while the editor reads (`rehearse-saves.ts`).
   * Default: 4 with the real build, none with an injected one.
   */
  rehearsals?: number
  /**
   * Keep the site served at the stop in the build cache, and serve it at the next start while the
   * first build runs, when no input changed meanwhile (`stored-start.ts`). Default: true with the
   * real build, false with an injected one.
   */
  keepSite?: boolean
  /**
   * Gives each build's unchecked figures their suggested checks (issue 20), which the overlay
   * offers to add. Default: the suggestion engine, over each article's own data.
   */
  suggest?: SuggestChecks
}

/** A running dev server. */
export interface DevServer {
  /** The address of the site's home page, `base` included: `http://localhost:4321/`. */
  url: string
  /** Stops watching, ends the event streams and closes the server. Safe to call twice. */
  close(): Promise<void>
  /** Settles when the server has stopped, by `close()` or Ctrl-C; the CLI waits on it. */
  closed: Promise<void>
}
