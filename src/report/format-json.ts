/**
 * `--format json` and `dist/factcheck.json` (SPEC 7): the report, and nothing else, so CI can
 * parse stdout as it is.
 */
import type { Report } from '../types.js'
import { shapeReport } from './report-shape.js'

/** The report as JSON: 2-space indent, the SPEC's keys in its order, a final newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(shapeReport(report), null, 2)}\n`
}
