/** `factcheck.json` (SPEC 7, 8): the JSON report as published, kept when the report is unchanged. */
import { formatJsonChunks } from '../report/format-json.js'
import type { Output } from './output.js'

/** The build's JSON report. */
export const factcheckJson: Output = {
  name: 'factcheck-json',
  render(context) {
    const { report, memo } = context
    const file = {
      path: 'factcheck.json',
      chunks: () => formatJsonChunks(report),
      deferrable: true
    }
    context.addReusable(file, 'the fact-check report', memo?.reportKey ?? '')
  }
}
