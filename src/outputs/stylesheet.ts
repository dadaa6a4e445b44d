/**
 * The stylesheet (SPEC 8), under its content-hashed name, which every page links to, and the
 * script that opens the figure marks' popovers on briefs (issue 19).
 */
import { scriptFile, stylesheetFile } from '../render/assets.js'
import type { Output } from './output.js'

/** `assets/style.<hash>.css` and `assets/figure-marks.<hash>.js`. */
export const stylesheet: Output = {
  name: 'stylesheet',
  render(context) {
    context.add(stylesheetFile(context.templates.stylesheet), 'the stylesheet')
    context.add(scriptFile(context.templates.script), "the figure marks' script")
  }
}
