/**
 * The schema of `data/site.yaml` (SPEC 3). Every key has a default; an unknown key or a wrong
 * type is an input error naming the key. The schema is the one declaration of the settings:
 * their types (`Settings`, `Tolerance`, `FactcheckMode`, re-exported by `types.ts`) and their
 * defaults are derived from it.
 */
import { IANAZone } from 'luxon'
import { z } from 'zod'
import { labelKeys } from '../i18n/labels.js'
import { aboutTheKey } from '../schema/issues-to-problems.js'
import { didYouMean } from '../text/did-you-mean.js'

const sectionName = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * One label of a host name: letters, digits and inner hyphens, at most 63 characters; the last
 * label starts with a letter, so an IP address is not taken for a host.
 */
const hostName =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * A host of `embeds:`, written as `new URL(...).hostname` gives it (lower case, ASCII), so that
 * matching an iframe's host is a plain comparison. An address, a path or a port is refused
 * rather than guessed at: what is allowed to run in the site's pages must be written plainly.
 */
const embedHost = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine(
    (value) => hostName.test(value),
    'must be a host name such as datawrapper.dwcdn.net, without https:// or a path (write an international name in its xn-- form)'
  )

/** Fact-check mode (SPEC 6), of the site and of an article's `factcheck:` alike. */
export const factcheckMode = z.enum(['standard', 'strict', 'off'])

const tolerance = z.strictObject({
  /** `about`: |a - s| <= s x about. Default 0.05. */
  about: z.number().min(0).max(1).default(0.05),
  /** `nearly`: s x (1 - nearly) <= a <= s. Default 0.10. */
  nearly: z.number().min(0).max(1).default(0.1),
  /** `just-over` / `just-under` band. Default 0.05. */
  slightly: z.number().min(0).max(1).default(0.05),
  /** `over` figures warn as understated when a >= s x understated. Default 1.5. */
  understated: z.number().min(1).default(1.5)
})

/** The keys of the site settings, with SPEC 3 defaults. */
const settingsKeys = z.strictObject({
  /** Site name. Default `factdesk`. */
  title: z.string().min(1).default('factdesk'),
  /** Absolute URL of the site, used in feeds, sitemap and canonical links. */
  url: z
    .string()
    .refine(
      (value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value),
      'must be an absolute http(s) URL such as https://news.example.org/'
    )
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .default('http://localhost/'),
  /** Path prefix when hosted under a sub-path. Default `/`. */
  base: z
    .string()
    .refine(
      (value) => value.startsWith('/') && !value.split('/').includes('..'),
      'must be a path starting with /, such as /news/'
    )
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .default('/'),
  /** Language of the pages (`lang`). Default `en`. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as en or en-GB')
    .default('en'),
  /** IANA zone used to show dates. Default `UTC`. */
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Asia/Shanghai')
    .default('UTC'),
  /** One line about the site, for feeds and meta tags. Default empty. */
  description: z.string().default(''),
  /** Output path pattern of briefs. Default `/{yyyy}/{mm}/{dd}/{slug}/`. */
  permalink: z
    .string()
    .refine(
      (value) => value.startsWith('/') && value.includes('{slug}'),
      'must start with / and contain {slug}'
    )
    .default('/{yyyy}/{mm}/{dd}/{slug}/'),
  /** Characters of a listing line, the ellipsis included. Default 60. */
  excerpt_length: z.number().int().min(2).max(10_000).default(60),
  /** Stories per listing page. Default 20. */
  page_size: z.number().int().min(1).max(10_000).default(20),
  factcheck: z
    .strictObject({
      /** Default mode of every article. Default `standard`. */
      mode: factcheckMode.default('standard'),
      /** Sections always checked strictly. Default none. */
      strict_sections: z
        .array(z.string().regex(sectionName, 'must be a section name like markets'))
        .default([]),
      // `prefault`, not `default`: an absent object is parsed as `{}`, so the defaults of its
      // keys apply and are written once, on the keys.
      tolerance: tolerance.prefault({})
    })
    .prefault({}),
  /**
   * Display names of sections by slug (`us: U.S.`), shown in navigation, listings and briefs.
   * A section without one shows its slug's words capitalised (`real-estate` -> `Real Estate`).
   * Default none.
   */
  sections: z
    .record(z.string(), z.string().trim().min(1, 'must be the name readers see, such as U.S.'))
    .default({}),
  /** Phrases whose numbers are names, never figures. Default none. */
  not_figures: z.array(z.string().min(1)).default([]),
  /**
   * Hosts whose `<iframe>`s an article's raw HTML may keep (Datawrapper, Flourish, YouTube...),
   * each matched exactly: `www.youtube.com` does not admit `youtube.com`. Default none.
   */
  embeds: z.array(embedHost).default([]),
  /**
   * A search box on every page and a search page over a pagefind index of the briefs: on by
   * default, as readers expect to search a news site. The index is remembered between builds
   * (`search/search-memo.ts`), so a build that changed no brief does not make it again; `false`
   * leaves out the box, the page and the index.
   */
  search: z.boolean().default(true),
  /**
   * The site's own words for every interface string it names (issue 19), by catalogue key:
   * `verdict_verified: Checked`. Keys are those of `src/i18n/catalogues/en.ts`. Default none.
   */
  labels: z.record(z.string(), z.string()).default({})
})

/** zod schema of the site settings, with SPEC 3 defaults. */
export const settingsSchema = settingsKeys.superRefine((settings, context) => {
  // A kept iframe runs scripts with its own origin (see `render/embeds.ts`); from the site's
  // own host that origin would be the page's, and the frame could lift its sandbox. A url
  // refused above leaves nothing to compare with, and a host refused above is no host.
  // A key that is no slug names no section an article can have: placed at the key, not its name.
  for (const slug of Object.keys(settings.sections)) {
    if (!sectionName.test(slug))
      context.addIssue({
        code: 'custom',
        path: ['sections', slug],
        input: slug,
        params: aboutTheKey,
        message: `"sections.${slug}": ${JSON.stringify(slug)} is not a section slug; write it as articles write \`section:\`, such as markets or real-estate`
      })
  }
  for (const key of Object.keys(settings.labels)) {
    if (!(labelKeys as readonly string[]).includes(key))
      context.addIssue({
        code: 'custom',
        path: ['labels', key],
        input: key,
        params: aboutTheKey,
        message: `"labels.${key}" names no interface string${didYouMean(key, labelKeys)}; the keys are listed in the README's templates guide`
      })
  }
  const own = URL.canParse(settings.url) ? new URL(settings.url).hostname : undefined
  settings.embeds.forEach((host, index) => {
    if (host === own && hostName.test(host))
      context.addIssue({
        code: 'custom',
        path: ['embeds', index],
        input: host,
        message: `is the site's own host (url: ${settings.url}); an embed from it could lift its sandbox, so remove it`
      })
  })
})

/** Fact-check mode (SPEC 6). */
export type FactcheckMode = z.output<typeof factcheckMode>

/** Site settings from `data/site.yaml` (SPEC 3), defaults applied. */
export type Settings = z.output<typeof settingsSchema>

/** Tolerances of the approximator rules (SPEC 5), as fractions; `understated` is a factor. */
export type Tolerance = Settings['factcheck']['tolerance']
