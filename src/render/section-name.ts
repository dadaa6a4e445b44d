/**
 * The name readers see for a section (SPEC 8, issue 19): what `sections:` in `data/site.yaml`
 * gives for its slug, else each hyphen-separated word of the slug capitalised (`real-estate` ->
 * `Real Estate`). Only the slug names pages and URLs; this name is what pages print.
 */
import type { Settings } from '../types.js'

/** The display name of the section `slug` under `settings`. */
export function sectionName(settings: Pick<Settings, 'sections'>, slug: string): string {
  // `Object.hasOwn`, not `in`: a section called `constructor` must not read the prototype.
  return Object.hasOwn(settings.sections, slug)
    ? (settings.sections[slug] ?? slug)
    : titleCase(slug)
}

/**
 * `us` -> `Us`, `real-estate` -> `Real Estate`. Short forms (`U.S.`, `EU`) cannot be told from
 * words by their letters, so they are written in `sections:` rather than guessed here.
 */
function titleCase(slug: string): string {
  return slug
    .split('-')
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}
