/**
 * An article as a listing shows it (SPEC 8): its headline linked to the brief, the one-line cut
 * of its lead, its time and its section by display name. Built once per article and shared by
 * every listing it appears in.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { Settings } from '../types.js'
import { type TimeView, timeView } from './dates.js'
import { cutLine } from './excerpt.js'
import { collapseWhitespace } from '../text/whitespace.js'
import type { LinkView } from './page-context.js'
import { sectionName } from './section-name.js'
import { siteHref } from './urls.js'
import type { ImageTable } from '../images/image-facts.js'
import { leadPhotoOf } from '../images/lead-photo.js'
import { bodySizes, pictureView, thumbnailSizes } from '../images/picture-view.js'
import type { PictureView } from '../images/picture-view.js'

/** One story of a listing. */
export interface StoryView {
  href: string
  /** The headline, as frontmatter writes it. */
  title: string
  /** The lead cut to `excerpt_length` graphemes, `…` included. */
  line: string
  /** The whole lead on one line, for the lead story. */
  lead: string
  time: TimeView
  section: LinkView
  /** The lead photo (issue 18): a small `thumb` for story lines, `wide` for the lead story. */
  photo?: { thumb: PictureView; wide: PictureView; alt: string }
}

/** Widest variant a thumbnail offers: it is shown 6rem wide, so 480px covers 3x screens. */
const thumbnailMaxWidth = 480

/** The listing view of an article. */
export function storyView(
  article: ArticleSummary,
  settings: Settings,
  images?: ImageTable
): StoryView {
  return viewOf(article, settings, leadPhotoOf(article.file, article.frontmatter, images))
}

/**
 * Story views made by one build, to be taken up by the next: a resident process (the dev server)
 * then makes a story's view again only when something it shows changed, and the view, the same
 * object, keeps the hash its listing pages' keys hold (`outputs/view-key.ts`).
 */
export class StoryViews {
  private readonly made = new Map<string, StoryView>()
  /** The last build's views, when it was made with the same settings (only its map is kept). */
  private readonly kept: ReadonlyMap<string, StoryView> | undefined

  constructor(
    private readonly settings: Settings,
    private readonly settingsText: string,
    earlier?: StoryViews
  ) {
    this.kept = earlier?.settingsText === settingsText ? earlier.made : undefined
  }

  /** The view of `article`: the last build's, when made from the very same inputs. */
  of(article: ArticleSummary, images?: ImageTable): StoryView {
    const photo = leadPhotoOf(article.file, article.frontmatter, images)
    const { frontmatter } = article
    // Every input `viewOf` reads, and nothing else.
    const key = JSON.stringify([
      article.url,
      article.lead,
      frontmatter.title,
      frontmatter.date.toMillis(),
      frontmatter.section,
      frontmatter.image_alt ?? null,
      photo ?? null
    ])
    let view = this.made.get(key)
    if (view !== undefined) return view
    view = this.kept?.get(key) ?? viewOf(article, this.settings, photo)
    this.made.set(key, view)
    return view
  }
}

function viewOf(
  article: ArticleSummary,
  settings: Settings,
  photo: ReturnType<typeof leadPhotoOf>
): StoryView {
  return {
    href: siteHref(settings, article.url),
    title: article.frontmatter.title,
    line: cutLine(article.lead, settings.excerpt_length),
    lead: collapseWhitespace(article.lead),
    time: timeView(article.frontmatter.date, settings),
    section: {
      name: sectionName(settings, article.frontmatter.section),
      href: siteHref(settings, `/${article.frontmatter.section}/`)
    },
    ...(photo
      ? {
          photo: {
            thumb: pictureView(photo, settings, thumbnailSizes, thumbnailMaxWidth),
            wide: pictureView(photo, settings, bodySizes),
            alt: article.frontmatter.image_alt ?? ''
          }
        }
      : {})
  }
}
