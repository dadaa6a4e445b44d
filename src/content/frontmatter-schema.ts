/**
 * The schema of article frontmatter (SPEC 4). Built per site, because dates without an offset
 * are read in the site timezone. Unknown keys pass the schema and are warned about separately,
 * with the nearest known key suggested; a misspelling of a key that switches fact-checking on is
 * an error here (issue 15): one typo must not silently switch off checking for a story.
 */
import { z } from 'zod'
import { aboutTheKey } from '../schema/issues-to-problems.js'
import { nearestTo } from '../text/did-you-mean.js'
import { parseDate } from './parse-date.js'

/** Slugs and sections: lower-case words joined by single hyphens, so they are safe path segments. */
export const namePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

const aliasPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The keys an article may have, in the order of the SPEC 4 table. */
export const frontmatterKeys = [
  'title', 'date', 'updated', 'slug', 'section', 'tags', 'byline', 'dateline', 'summary', 'draft',
  'embargo', 'sources', 'corrections', 'data', 'checks', 'asserts', 'factcheck'
] as const

/** The keys that switch fact-checking on, or choose how strict it is. */
export const checkingKeys = ['data', 'checks', 'asserts', 'factcheck'] as const

/**
 * Slugs and sections become a folder name of every page under them, and a tag a folder name of
 * its page: each is held well under the 255 bytes most file systems allow in a name, leaving
 * room for a permalink pattern that joins a slug with a date or an `.html` ending.
 */
export const maxNameLength = 200

/**
 * The fact-check key that the unknown key `key` misspells (`chekcs`, `dat`, `assert`,
 * `factchek`): one within a typo's reach, and at least as near as any other known key (so `dat`
 * is taken for `data` rather than `date`). Undefined for a known key or any other unknown one.
 */
export function misspeltCheckingKey(key: string): string | undefined {
  if ((frontmatterKeys as readonly string[]).includes(key)) return undefined
  const checking = nearestTo(key, checkingKeys)
  const any = nearestTo(key, frontmatterKeys)
  if (checking === undefined || any === undefined || checking.distance > any.distance) return undefined
  return checking.candidate
}

const schemas = new Map<string, ReturnType<typeof createSchema>>()

/** The zod schema of frontmatter for a site whose timezone is `zone`; built once per zone. */
export function frontmatterSchema(zone: string): ReturnType<typeof createSchema> {
  let schema = schemas.get(zone)
  if (schema === undefined) {
    schema = createSchema(zone)
    schemas.set(zone, schema)
  }
  return schema
}

function createSchema(zone: string) {
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
  return z
    .looseObject({
      title: z.string().trim().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters'),
      date,
      updated: date.optional(),
      slug: name('slug').optional(),
      section: name('section').default('news'),
      tags: z
        .array(z.string().trim().min(1, 'a tag must not be empty').max(100, 'a tag must be at most 100 characters: it names a folder of the site'))
        .default([]),
      byline: z.string().optional(),
      dateline: z.string().optional(),
      summary: z.string().optional(),
      draft: z.boolean().default(false),
      embargo: date.optional(),
      sources: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).optional()
          })
        )
        .default([]),
      corrections: z.array(z.strictObject({ date, text: z.string().min(1) })).default([]),
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
            note: z.string().optional(),
            occurrence: z.number().int().min(1).optional(),
            direction: z.enum(['up', 'down']).optional(),
            tolerance: z.number().min(0).max(1).optional()
          })
        )
        .default([]),
      asserts: z.array(z.strictObject({ expr: z.string().min(1), says: z.string().min(1) })).default([]),
      factcheck: z.enum(['standard', 'strict', 'off']).optional()
    })
    .superRefine((value, context) => {
      if (value.updated && value.date && value.updated < value.date) {
        context.addIssue({ code: 'custom', path: ['updated'], message: 'updated must not be before date' })
      }
    })
    // Whatever else is wrong, so that a typo is reported with the problems it hides.
    .superRefine(rejectMisspeltCheckingKeys, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
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
