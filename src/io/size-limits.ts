/**
 * The most bytes factdesk reads from each kind of site file (issue 15, README "Limits"). A file
 * over its limit is one positioned problem, found from its size alone: nothing of it is read. The
 * limits sit well above any real file of the kind (the bad-input corpus holds a 10 MiB
 * frontmatter and a million-row data file, both read in full) and low enough that a mistaken file
 * (a video saved as `.md`, a database dump as `.csv`) cannot hold a build for minutes.
 */

const mebibyte = 1024 * 1024

/** Bytes per file, by kind. */
export const sizeLimits = {
  /** An article under `content/`: 16 MiB. */
  article: 16 * mebibyte,
  /** A data file under `data/`: 100 MiB. */
  dataFile: 100 * mebibyte,
  /** A template or the stylesheet: 5 MiB. */
  template: 5 * mebibyte,
  /** `data/site.yaml`: 5 MiB. */
  settings: 5 * mebibyte
} as const

/** A limit as the messages and the README write it: `16 MiB`. */
export function formatLimit(bytes: number): string {
  return bytes % mebibyte === 0 ? `${bytes / mebibyte} MiB` : `${bytes} bytes`
}
