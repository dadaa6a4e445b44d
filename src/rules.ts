/**
 * The catalogue of rule ids. Ids are permanent: editors and CI filters match on them, and the JSON
 * report carries them (SPEC 7). The SPEC's own example names frontmatter problems `frontmatter`.
 * Each entry says what the rule guards, so `--help` and the docs can list them.
 */
export const rules = {
  frontmatter: 'frontmatter that does not parse, has a wrong type, a missing or unknown key',
  settings: 'data/site.yaml that does not parse or has an unknown key or wrong type',
  'article-unreadable': 'an article file that cannot be read as UTF-8 text',
  'article-too-deep': 'an article whose lists, quotes, emphasis or HTML nest deeper than 100 levels',
  'path-unsafe': 'a slug, section, tag or data path that would leave its folder',
  'permalink-duplicate': 'two articles that would be written to the same output path',
  'data-unreadable': 'a data file that is missing or cannot be read',
  'data-malformed': 'a data file that does not parse',
  'data-value': 'a data cell that is not a number where a number is needed',
  'template-error': 'a Handlebars template that does not compile or fails to render',
  'output-unwritable': 'an output file that cannot be written (disk full, a name too long)',
  'expression-syntax': 'a check or assert expression that does not parse',
  'check-error': 'a check or assert whose expression could not be evaluated',
  'check-not-found': 'check text that does not occur in the body',
  'check-ambiguous': 'check text that occurs more than once without `occurrence`',
  'check-no-figure': 'check text that holds no figure, or more than one',
  'figure-contradicted': 'a figure the data contradicts',
  'figure-understated': 'a figure with `over` that the data exceeds by the understated factor',
  'figure-unchecked': 'a figure no check covers',
  'assert-contradicted': 'an assert the data contradicts',
  'assert-says-not-found': 'the words of an assert that do not occur in the body'
} as const

/** A permanent rule id. */
export type RuleId = keyof typeof rules
