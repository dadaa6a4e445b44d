/**
 * Files copied into the site as they are (SPEC 8): the stylesheet and the marks' script under
 * content-hashed names, so that they can be cached for ever and still change with the templates, and the data files the
 * fact-check panels link to.
 */
import { createHash } from 'node:crypto'
import type { OutputFile } from '../types.js'

/** `assets/style.<first 10 hex digits of its SHA-256>.css` with the stylesheet in it. */
export function stylesheetFile(stylesheet: string): OutputFile {
  return { path: `assets/style.${shortHash(stylesheet)}.css`, content: stylesheet }
}

/** `assets/figure-marks.<hash>.js`: the script of the figure marks' popovers (issue 19). */
export function scriptFile(script: string): OutputFile {
  return { path: `assets/figure-marks.${shortHash(script)}.js`, content: script }
}

/** The first 10 hex digits of the SHA-256 of `text`. */
function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10)
}
