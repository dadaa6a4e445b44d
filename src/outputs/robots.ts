/** `robots.txt` (SPEC 8): every crawler let in and pointed at the sitemap. */
import { renderRobots } from '../render/sitemap.js'
import type { Output } from './output.js'

/** `robots.txt`. */
export const robots: Output = {
  name: 'robots',
  render(context) {
    context.add({ path: 'robots.txt', content: renderRobots(context.settings) }, 'robots.txt')
  }
}
