/**
 * The page memo and the output of a build that writes nothing but keeps a session (the dev
 * server, issue 21): the site's files are gathered in memory, and a page other than a brief
 * whose view hashes to the key it was last rendered under is taken from the session's last build
 * instead of being rendered again: the listings a story is not on, the report's pages when no
 * entry changed. What the written build's memo does with digests of files in the output folder
 * (`page-memo.ts`), this does with the bytes themselves.
 */
import type { ContentDigest } from '../output/content-digest.js'
import type { ChunkedFile, LaterFile, OutputFile } from '../types.js'
import type { BuildSession, HeldContent } from './build-session.js'
import type { PageMemo } from './page-memo.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** A build's files gathered in memory, and how its pages are kept from the session. */
export interface HeldPages {
  /** Takes each file as it is rendered. */
  sink(file: OutputFile | ChunkedFile): ContentDigest
  memo: PageMemo
  /** Takes the page the session holds at `path` into this build, when it holds one. */
  keep(path: string): boolean
  /**
   * Every file gathered, ordered by path, as an in-memory build returns them; a deferrable file
   * is a `LaterFile`, made when its content is first read.
   */
  files(): (OutputFile | LaterFile)[]
}

/** Gathers one build's files, keeping pages from and for `session`. */
export function holdPages(session: Pick<BuildSession, 'pages'>): HeldPages {
  const held = new Map<string, HeldContent>()
  // Pages no build asks about any more (a listing page gone) are let go when the build ends.
  const asked = new Set<string>()
  return {
    sink(file) {
      if ('chunks' in file && file.deferrable === true) {
        // A report of thousands of articles is tens of megabytes made on every save that
        // changes a figure; the dev server makes it when a browser asks for it.
        held.set(file.path, madeOnce(file.chunks))
        return { size: 0, hash: '' }
      }
      const content = 'chunks' in file ? [...file.chunks()].join('') : file.content
      held.set(file.path, content)
      return digestOf(content)
    },
    memo: {
      known(path, key) {
        asked.add(path)
        const page = session.pages.get(path)
        return page?.key === key ? digestOf(page.content) : undefined
      },
      record(path, key) {
        asked.add(path)
        const content = held.get(path)
        if (content !== undefined) session.pages.set(path, { key, content })
      },
      save() {
        for (const path of session.pages.keys()) if (!asked.has(path)) session.pages.delete(path)
        return Promise.resolve()
      }
    },
    keep(path) {
      const page = session.pages.get(path)
      if (page === undefined) return false
      held.set(path, page.content)
      return true
    },
    files() {
      return [...held]
        .sort(([a], [b]) => byCodeUnits(a, b))
        .map(([path, content]) =>
          typeof content === 'function' ? laterFile(path, content) : { path, content }
        )
    }
  }
}

/*
 * The two closures below are made out of `holdPages`' scope: one made inside would hold that
 * build's files, and through the session's pages, kept from build to build, every build's.
 */

/** `chunks` joined when first asked for, once. */
function madeOnce(chunks: () => Iterable<string>): () => string {
  let made: string | undefined
  return () => (made ??= [...chunks()].join(''))
}

/** A file whose content is made when first read. */
function laterFile(path: string, make: () => string): LaterFile {
  return {
    path,
    later: true,
    get content() {
      return make()
    }
  }
}

/**
 * The bytes are held, not looked up by digest: only their length is given, and no hash is
 * worked out for pages that never leave memory.
 */
function digestOf(content: HeldContent): ContentDigest {
  if (typeof content === 'function') return { size: 0, hash: '' }
  return { size: typeof content === 'string' ? content.length : content.byteLength, hash: '' }
}
