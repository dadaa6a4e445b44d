/**
 * The catalogue of problem rules (SPEC 7, `factdesk rules`). Ids are permanent: editors and CI
 * filters match on them, and the JSON report carries them; the SPEC's own example names
 * frontmatter problems `frontmatter`. Each entry says which kind of failure it is (an `input`
 * error exits 2, a `fact-check` error exits 1), what it is about, and what to do, so the exit
 * status, `factdesk rules` and the README's rule table all come from here. Astro's error
 * catalogue is the model: what happened, and what to do, with the position kept apart.
 */

/** What a rule is about, and what to do about it. */
export interface Rule {
  /** `input`: the site's files cannot be read as the SPEC requires (exit 2); `fact-check`: exit 1. */
  kind: 'input' | 'fact-check'
  /** What the rule guards, in a few words. */
  title: string
  /** What to do when it fires. */
  hint: string
}

export const rules = {
  frontmatter: {
    kind: 'input',
    title: 'frontmatter that does not parse, has a wrong type, or a missing or unknown key',
    hint: 'fix the key at the position given; a misspelt checking key (checks, data, asserts, factcheck) is an error'
  },
  settings: {
    kind: 'input',
    title: 'data/site.yaml that does not parse, has an unknown key or a wrong type',
    hint: 'fix the setting named; every key has a default, so a key can also be removed'
  },
  'article-unreadable': {
    kind: 'input',
    title:
      'an article file that cannot be read: not UTF-8, too large, a special file or unlistable folder',
    hint: 'save the file as UTF-8 text under 16 MiB, inside content/'
  },
  'article-too-deep': {
    kind: 'input',
    title: 'an article whose lists, quotes, emphasis or HTML nest deeper than 100 levels',
    hint: 'flatten the nesting at the position given'
  },
  'path-unsafe': {
    kind: 'input',
    title:
      'a slug, section, tag or file that would leave its folder, or a link that leads outside the site',
    hint: 'use lower-case words joined by hyphens, and copy linked files into the site'
  },
  'permalink-duplicate': {
    kind: 'input',
    title:
      'two articles, or an article and a generated page, that would be written to the same path',
    hint: 'give one of them another slug or section'
  },
  'public-collision': {
    kind: 'input',
    title: 'a file in public/ at a path a generated page or file also uses',
    hint: 'rename or move the file in public/; factdesk makes the page itself'
  },
  'public-unreadable': {
    kind: 'input',
    title: 'a file in public/ that cannot be copied: a special file, too large or unlistable',
    hint: 'replace it with an ordinary file of at most 100 MiB, inside the site'
  },
  'embed-dropped': {
    kind: 'input',
    title: 'an iframe in an article that is not kept: its host is not listed, or it is not https',
    hint: 'list the host under embeds: in data/site.yaml, or remove the iframe'
  },
  'image-missing': {
    kind: 'input',
    title: 'an image of an article (in the body or image:) whose file does not exist',
    hint: 'write the path relative to the article, or /name for public/name, and check its spelling'
  },
  'image-unreadable': {
    kind: 'input',
    title:
      'an image that is not a regular file of the site, not JPEG, PNG, WebP, AVIF, GIF or SVG, or a remote lead photo',
    hint: 'save the image as an ordinary JPEG, PNG, WebP or AVIF file inside the site'
  },
  'image-alt': {
    kind: 'input',
    title: 'an image without alt text, or a lead photo without image_alt (a warning)',
    hint: 'describe what the image shows, for readers who cannot see it'
  },
  'data-unreadable': {
    kind: 'input',
    title: 'a data file that is missing, not a regular file, too large or not UTF-8',
    hint: "fix the path in the article's data: map, or save the file as UTF-8 under 100 MiB"
  },
  'data-malformed': {
    kind: 'input',
    title: 'a data file that does not parse as its format (CSV, TSV, JSON, YAML)',
    hint: 'fix the file at the position given'
  },
  'data-description': {
    kind: 'input',
    title: "a data file's .about.yaml description with an unknown key or a wrong value (a warning)",
    hint: 'fix the key at the position given: title, subject, source, source_url, licence, columns (label, unit)'
  },
  'data-value': {
    kind: 'fact-check',
    title: 'a data cell that is not a number where a check needs one',
    hint: 'fix the cell, or point the check at another column'
  },
  'template-error': {
    kind: 'input',
    title: 'a Handlebars template that does not compile or fails to render',
    hint: 'fix the template or partial at the line given'
  },
  'output-unwritable': {
    kind: 'input',
    title:
      'an output file that cannot be written (disk full, a name too long, a file of yours in the way)',
    hint: 'free space, shorten the name, or move the file named out of the output folder'
  },
  'build-crash': {
    kind: 'input',
    title: 'a build the dev server could not finish',
    hint: 'save again; if it persists, run factdesk build with FACTDESK_DEBUG=1 and report the stack'
  },
  'expression-syntax': {
    kind: 'fact-check',
    title: 'a check or assert expression that does not parse',
    hint: 'fix the expression at the column given (see the check language in the README)'
  },
  'check-error': {
    kind: 'fact-check',
    title: 'a check or assert whose expression could not be evaluated',
    hint: 'check the dataset alias, column and dates the expression reads'
  },
  'check-not-found': {
    kind: 'fact-check',
    title: 'check text that does not occur in the headline, summary or body',
    hint: 'quote the figure exactly as it is written'
  },
  'check-ambiguous': {
    kind: 'fact-check',
    title: 'check text that occurs more than once without `occurrence`',
    hint: 'add occurrence: N, or quote more of the sentence'
  },
  'check-no-figure': {
    kind: 'fact-check',
    title: 'check text that holds no figure, or more than one',
    hint: 'quote exactly one figure'
  },
  'figure-contradicted': {
    kind: 'fact-check',
    title: 'a figure the data contradicts',
    hint: 'correct the figure, or the check if it reads the wrong data'
  },
  'figure-understated': {
    kind: 'fact-check',
    title: 'a figure with `over` that the data exceeds by the understated factor',
    hint: 'state the figure closer to the data'
  },
  'figure-unchecked': {
    kind: 'fact-check',
    title: 'a figure no check covers (an error in strict mode, a warning otherwise)',
    hint: 'add a check for it, or list it in not_figures when it is a name'
  },
  'assert-contradicted': {
    kind: 'fact-check',
    title: 'an assert the data contradicts',
    hint: 'correct the sentence, or the assert if it reads the wrong data'
  },
  'assert-says-not-found': {
    kind: 'fact-check',
    title: 'the words of an assert that do not occur in the body',
    hint: 'quote the words exactly as they are written'
  }
} as const satisfies Record<string, Rule>

/** A permanent rule id. */
export type RuleId = keyof typeof rules

/** Every rule id, in the catalogue's order. */
export const ruleIds = Object.keys(rules) as RuleId[]

/** Whether `id` is a rule of the catalogue. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id)
}

/**
 * The catalogue's rules among `problems`, each once, in the order they first appear: the reports
 * and the dev overlay show a rule's hint once, however many problems name it. An id outside the
 * catalogue (only a report parsed from JSON can hold one) has no hint and is left out.
 */
export function rulesIn(problems: Iterable<{ readonly rule: string }>): RuleId[] {
  const seen = new Set<RuleId>()
  for (const { rule } of problems) if (isRuleId(rule)) seen.add(rule)
  return [...seen]
}
