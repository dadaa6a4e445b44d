/**
 * Files copied into the site as they are (SPEC 8): the stylesheet under a content-hashed name, so
 * that it can be cached for ever and still change with the templates, and the data files the
 * fact-check panels link to.
 */
import { createHash } from 'node:crypto'
import type { OutputFile } from '../types.js'

/** `assets/style.<first 10 hex digits of its SHA-256>.css` with the stylesheet in it. */
export function stylesheetFile(stylesheet: string): OutputFile {
  const hash = createHash('sha256').update(stylesheet, 'utf8').digest('hex').slice(0, 10)
  return { path: `assets/style.${hash}.css`, content: stylesheet }
}
