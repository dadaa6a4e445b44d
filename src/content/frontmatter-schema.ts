/**
 * The schema of article frontmatter (SPEC 4). Built per site, because dates without an offset
 * are read in the site timezone. Unknown keys pass the schema and are warned about separately,
 * with the nearest known key suggested; a misspelling of a key that switches fact-checking on is
 * an error here (issue 15): one typo must not silently switch off checking for a story.
 *
 * The schema is the one declaration of the frontmatter: the key list, the types (`Frontmatter`,
 * `CheckSpec`, `AssertSpec`, `Source`, `Correction`, re-exported by `types.ts`), the defaults and
 * the assembly of an article's frontmatter (`frontmatterOf`) are all derived from it.
 */
import { z } from 'zod'
import { aboutTheKey } from '../schema/issues-to-problems.js'
import { factcheckMode } from '../settings/settings-schema.js'
import { nearestTo } from '../text/did-you-mean.js'
import { parseDate } from './parse-date.js'

/** Slugs and sections: lower-case words joined by single hyphens, so they are safe path segments. */
export const namePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

const aliasPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A key an article may have. */
export type FrontmatterKey = keyof FrontmatterShape

/** The keys that switch fact-checking on, or choose how strict it is. */
export const checkingKeys = ['data', 'checks', 'asserts', 'factcheck'] as const satisfies readonly FrontmatterKey[]

/**
 * Slugs and sections become a folder name of every page under them, and a tag a folder name of
 * its page: each is held well under the 255 bytes most file systems allow in a name, leaving
 * room for a permalink pattern that joins a slug with a date or an `.html` ending.
 */
export const maxNameLength = 200

/**
 * The fact-check key that the unknown key `key` misspells (`chekcs`, `dat`, `assert`,
 * `factchek`): one within a typo's reach, and at least as near as every other known key (so `dat`
 * is taken for `data` rather than `date`). Undefined for a known key or another unknown one.
 */
export function misspeltCheckingKey(key: string): string | undefined {
  if ((frontmatterKeys as readonly string[]).includes(key)) return undefined
  const checking = nearestTo(key, checkingKeys)
  const nearest = nearestTo(key, frontmatterKeys)
  if (checking === undefined || nearest === undefined || checking.distance > nearest.distance) return undefined
  return checking.candidate
}

/** The zod schema of frontmatter for a site whose timezone is some zone. */
export type FrontmatterSchema = ReturnType<typeof createSchema>

const schemas = new Map<string, FrontmatterSchema>()

/** The zod schema of frontmatter for a site whose timezone is `zone`; built once per zone. */
export function frontmatterSchema(zone: string): FrontmatterSchema {
  let schema = schemas.get(zone)
  if (schema === undefined) {
    schema = createSchema(zone)
    schemas.set(zone, schema)
  }
  return schema
}

/**
 * The keys an article may have, in the order of the SPEC 4 table: the schema's, which are the
 * same in every zone.
 */
export const frontmatterKeys: readonly FrontmatterKey[] = frontmatterSchema('UTC').keyof().options

function createSchema(zone: string) {
  return (
    z
      .looseObject(shapeIn(zone))
      .superRefine((value, context) => {
        if (value.updated && value.date && value.updated < value.date) {
          context.addIssue({ code: 'custom', path: ['updated'], message: 'updated must not be before date' })
        }
      })
      // Whatever else is wrong, so that a typo is reported with the problems it hides.
      .superRefine(rejectMisspeltCheckingKeys, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
  )
}

/**
 * The keys of the frontmatter and their values, in the order of the SPEC 4 table. A key that may
 * be left out is `exactOptional`: absent, never `undefined` (YAML cannot write `undefined`), so
 * its type is `key?: T` as `exactOptionalPropertyTypes` reads it.
 */
function shapeIn(zone: string) {
  const date = z.custom<unknown>((value) => value !== undefined).transform((value, context) => {
    const parsed = parseDate(value, zone)
    if (parsed.ok) return parsed.date
    context.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  })
  const name = (what: string) =>
    z
      .string()
      .max(maxNameLength, `${what} must be at most ${maxNameLength} characters: it names a folder of the site`)
      .regex(namePattern, `${what} must be lower-case letters and digits joined by single hyphens, such as crypto-day-of-terror`)
  return {
    title: z.string().trim().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters'),
    date,
    updated: date.exactOptional(),
    slug: name('slug').exactOptional(),
    section: name('section').default('news'),
    tags: z
      .array(z.string().trim().min(1, 'a tag must not be empty').max(100, 'a tag must be at most 100 characters: it names a folder of the site'))
      .default([]),
    byline: z.string().exactOptional(),
    dateline: z.string().exactOptional(),
    summary: z.string().exactOptional(),
    draft: z.boolean().default(false),
    embargo: date.exactOptional(),
    sources: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).exactOptional()
        })
      )
      .default([]),
    corrections: z.array(z.strictObject({ date, text: z.string().min(1) })).default([]),
    /** Alias -> path under `data/`. */
    data: z
      .record(
        z.string().regex(aliasPattern, 'a data alias must be a name such as btc or eth_usd'),
        z.string().refine(isSafeDataPath, 'data paths are relative to data/ and may not contain .., \\ or start with /')
      )
      .default({}),
    checks: z
      .array(
        z.strictObject({
          figure: z.string().min(1, 'figure must quote the figure as written in the body'),
          expr: z.string().min(1, 'expr must not be empty'),
          note: z.string().exactOptional(),
          occurrence: z.number().int().min(1).exactOptional(),
          direction: z.enum(['up', 'down']).exactOptional(),
          tolerance: z.number().min(0).max(1).exactOptional()
        })
      )
      .default([]),
    asserts: z.array(z.strictObject({ expr: z.string().min(1), says: z.string().min(1) })).default([]),
    factcheck: factcheckMode.exactOptional(),
    /** The lead photo (issue 18): relative to the article, or `/name` for `public/name`. */
    image: z.string().trim().min(1, 'image must name a photo file, such as harbour.jpg').exactOptional(),
    image_alt: z.string().exactOptional(),
    image_credit: z.string().exactOptional()
  }
}

type FrontmatterShape = ReturnType<typeof shapeIn>

/**
 * What the schema makes of a frontmatter's known keys. The schema itself is loose (an unknown key
 * is warned about, not refused), so its own output also carries the unknown keys: this type and
 * `frontmatterOf` leave them out.
 */
type Validated = z.output<z.ZodObject<FrontmatterShape>>

/** Where a check or assert entry is in the article file, added to it after validation. */
export interface EntryPoint {
  /** 1-based line of the entry in the article file. */
  line: number
  /** 1-based column of the entry in the article file. */
  column: number
}

/** A figure check from the frontmatter (SPEC 4, 6). */
export type CheckSpec = Validated['checks'][number] & EntryPoint

/** An assert from the frontmatter (SPEC 6). */
export type AssertSpec = Validated['asserts'][number] & EntryPoint

/** A source shown under a brief. */
export type Source = Validated['sources'][number]

/** A correction shown at the top of a brief. */
export type Correction = Validated['corrections'][number]

/**
 * Validated frontmatter of an article (SPEC 4), defaults applied: the slug is always known (the
 * file name gives it when `slug:` does not), and checks and asserts know where they are.
 */
export type Frontmatter = Omit<Validated, 'slug' | 'checks' | 'asserts' | 'image'> & {
  slug: string
  checks: CheckSpec[]
  asserts: AssertSpec[]
  image?: LeadImage
}

/** The lead photo as written (`image:`), and where, for its problems. */
export type LeadImage = { src: string } & EntryPoint

/**
 * The frontmatter of an article from what the schema made of it (`data`): its known keys only,
 * the slug `slug`, and each check and assert placed at `pointOf` its entry (a position in the
 * article file).
 */
export function frontmatterOf(
  data: z.output<FrontmatterSchema>,
  slug: string,
  pointOf: (path: (string | number)[]) => EntryPoint
): Frontmatter {
  const { image, ...known } = knownKeysOf(data)
  return {
    ...known,
    slug,
    checks: data.checks.map((check, index) => ({ ...check, ...pointOf(['checks', index]) })),
    asserts: data.asserts.map((entry, index) => ({ ...entry, ...pointOf(['asserts', index]) })),
    ...(image === undefined ? {} : { image: { src: image, ...pointOf(['image']) } })
  }
}

/** `data` without its unknown keys, which the loose schema let through. */
function knownKeysOf(data: z.output<FrontmatterSchema>): Validated {
  const known: Partial<Record<FrontmatterKey, unknown>> = {}
  for (const key of frontmatterKeys) if (key in data) known[key] = data[key]
  // The copy holds exactly the keys of `data` that `Validated` names, with their values.
  return known as Validated
}

function rejectMisspeltCheckingKeys(value: object, context: z.RefinementCtx): void {
  for (const key of Object.keys(value)) {
    const meant = misspeltCheckingKey(key)
    if (meant === undefined) continue
    context.addIssue({
      code: 'custom',
      path: [key],
      params: aboutTheKey,
      message: `unknown key "${key}" (did you mean "${meant}"?): misspelt, it would switch off fact-checking for this story`
    })
  }
}

function isSafeDataPath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.includes('\0') &&
    !/^[A-Za-z]:/.test(path) &&
    path.split('/').every((segment) => segment !== '..' && segment !== '.' && segment !== '')
  )
}
