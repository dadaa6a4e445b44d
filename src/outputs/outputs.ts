/**
 * The outputs of a site (SPEC 8), in the order the build renders and writes them. Adding one (a
 * search index, say) is an entry here and its module beside this file; see `output.ts`.
 *
 * The order matters in three places only: briefs come before every other page, so that a path two
 * pages want is blamed on the article (`permalink-duplicate`); the sitemap lists the pages of
 * the outputs before it; and the files of `public/` come last, so that one at a generated path
 * is blamed on the public file (`public-collision`). Otherwise it is the order files are
 * streamed to the output.
 */
import { briefs } from './briefs.js'
import { dataFiles } from './data-files.js'
import { factcheckJson } from './factcheck-json.js'
import { factcheckPage } from './factcheck-page.js'
import { feeds } from './feeds.js'
import { latestTxt } from './latest-txt.js'
import { listings } from './listings.js'
import { notFound } from './not-found.js'
import type { Output } from './output.js'
import { publicFiles } from './public-files.js'
import { images } from './images.js'
import { robots } from './robots.js'
import { search } from './search.js'
import { sitemap } from './sitemap.js'
import { stylesheet } from './stylesheet.js'

/** Every output of the site, in order. */
export const outputs: readonly Output[] = [
  stylesheet,
  images,
  dataFiles,
  briefs,
  listings,
  factcheckPage,
  notFound,
  search,
  factcheckJson,
  latestTxt,
  feeds,
  sitemap,
  robots,
  publicFiles
]
