/**
 * The floor as a bench builder, in the shape of `oursBuilder` and `eleventyBuilder`
 * (../builders.mjs): made cold by setting its output folder aside, then run as a child process, so
 * its wall time and peak memory are measured as every other builder's are.
 */
import { join } from 'node:path'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'
import { setAside } from '../builders.mjs'

const script = fileURLToPath(new URL('./floor-build.mjs', import.meta.url))

/**
 * The floor building the corpus into `<work>/out-floor`. It keeps no cache, so only its cold
 * build is measured.
 * @param {{ corpus: string, work: string }} where
 * @returns {import('./floor-builder.d.mts').FloorBuilder}
 */
export function floorBuilder({ corpus, work }) {
  const out = join(work, 'out-floor')
  return {
    id: 'floor',
    out,
    makeCold: () => setAside(out, work),
    command: process.execPath,
    args: [script, '--root', corpus, '--out', out]
  }
}

/**
 * The files the floor must write: one HTML page per article and nothing else, so a floor that
 * skipped articles is FAILED by the bench's page count check, like every other builder.
 * @param {{ articles: number }} shape the corpus's shape (../page-count.mjs)
 */
export function floorExpectedFiles(shape) {
  return { html: shape.articles, total: shape.articles }
}
