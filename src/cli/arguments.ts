/**
 * Command-line arguments (SPEC 7) parsed with node:util, and the usage text.
 */
import { parseArgs } from 'node:util'

/** The usage text printed by `--help`. */
export const usage = `Usage: factdesk <command> [options]

Commands:
  build            check every article and build the site into dist/
  check            check only; write nothing
  dev              build, serve on localhost with live reload, rebuild on every change
  new "Title"      write a new article with its frontmatter filled in; print its path
  rules            list every problem rule: id, kind, title, what to do

Options:
  --root DIR       the site folder (default: the current folder)
  --out DIR        output folder for build (default: ROOT/dist)
  --strict         check every article strictly: unchecked figures fail
  --drafts         include articles marked draft: true
  --now ISO        the instant embargoes are compared with (default: SOURCE_DATE_EPOCH or now)
  --format F       text (default), json or github
  --quiet          print errors only
  --force          build into a folder holding files factdesk did not write,
                   keeping them (it only ever removes files it wrote)
  --no-cache       build without the cache in ROOT/node_modules/.cache/factdesk/
  --port N         dev: the port to serve on (default 4321)
  --section S      new: the article's section (default news)
  --date ISO       new: the publication date (default now)
  --help           show this help
  --version        show the version

Exit status: 0 passed, 1 a fact check failed, 2 an input or usage error.
`

const options = {
  root: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean', default: false },
  drafts: { type: 'boolean', default: false },
  now: { type: 'string' },
  format: { type: 'string', default: 'text' },
  quiet: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  port: { type: 'string', default: '4321' },
  section: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false }
} as const

/** Parsed arguments: option values and positionals. */
export type Arguments = ReturnType<typeof parseArguments>

/** Parses `argv`; throws a TypeError with a readable message on unknown options. */
export function parseArguments(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
}
