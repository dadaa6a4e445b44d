/** `latest.txt` (SPEC 8): the home page's stories as plain text. */
import { renderLatestTxt } from '../render/latest-txt.js'
import type { Output } from './output.js'

/** The lead story's lead, then one line per story of the home page. */
export const latestTxt: Output = {
  name: 'latest-txt',
  render(context) {
    const content = renderLatestTxt(context.settings, context.articles)
    context.add({ path: 'latest.txt', content }, 'latest.txt')
  }
}
