/** The stylesheet (SPEC 8), under its content-hashed name, which every page links to. */
import { stylesheetFile } from '../render/assets.js'
import type { Output } from './output.js'

/** `assets/style.<hash>.css`. */
export const stylesheet: Output = {
  name: 'stylesheet',
  render(context) {
    context.add(stylesheetFile(context.templates.stylesheet), 'the stylesheet')
  }
}
