/**
 * The commands of factdesk (SPEC 7), each with the options it takes, its arguments and its help.
 * Parsing, `--help` and the "not an option of" errors are all derived from this table, so a new
 * option is one entry here and one in `option-table.ts`.
 */
import type { OptionName } from './option-table.js'

/** One command of the command line. */
export interface CommandSpec {
  name: CommandName
  /** One line for `factdesk --help`. */
  summary: string
  /** How it is called, after `factdesk `: `new "Title" [options]`. */
  synopsis: string
  /** What it does, a few lines for `factdesk <command> --help`. */
  about: string
  /** Its arguments: how many it takes, and their name in errors. */
  positionals: { min: number; max: number; name: string }
  /** Its options besides `--help` and `--version` (every command takes those). */
  options: readonly OptionName[]
  /** Help lines that say more for this command than the option's own line. */
  optionHelp?: Partial<Record<OptionName, string>>
  /** The values `--format` takes here, the first being the default. */
  formats?: readonly string[]
  /** Examples, each a command line. */
  examples: readonly string[]
}

/** The names of the commands. */
export type CommandName = 'build' | 'check' | 'dev' | 'preview' | 'new' | 'init' | 'rules'

const checkOptions = [
  'root',
  'strict',
  'drafts',
  'now',
  'format',
  'quiet',
  'suggest',
  'suggest-from',
  'no-cache'
] as const
const reportFormats = ['text', 'json', 'github'] as const
const serveHost =
  'listen on every interface (0.0.0.0), so a phone on this network can open\n' +
  'the site; --host ADDR listens on ADDR only (default: this computer only)'

/** The commands, in the order `factdesk --help` lists them. */
export const commandTable: readonly CommandSpec[] = [
  {
    name: 'build',
    summary: 'check every article and build the site into dist/',
    synopsis: 'build [options]',
    about:
      'Checks every article against its data and, when the checks pass, writes the site into a\n' +
      'fresh folder that replaces dist/. A failed build leaves the previous dist/ as it was.',
    positionals: { min: 0, max: 0, name: 'argument' },
    options: [
      'root',
      'out',
      'strict',
      'drafts',
      'now',
      'format',
      'quiet',
      'suggest',
      'suggest-from',
      'force',
      'no-cache'
    ],
    optionHelp: {
      force:
        'build into a folder holding files factdesk did not write, keeping them\n' +
        '(factdesk only ever removes files it wrote)'
    },
    formats: reportFormats,
    examples: ['factdesk build', 'factdesk build --strict --format github']
  },
  {
    name: 'check',
    summary: 'check every article; write nothing',
    synopsis: 'check [options]',
    about: 'Checks every article against its data, as build does, and writes nothing.',
    positionals: { min: 0, max: 0, name: 'argument' },
    options: checkOptions,
    formats: reportFormats,
    examples: [
      'factdesk check',
      'factdesk check --suggest',
      'factdesk check --format json > report.json'
    ]
  },
  {
    name: 'dev',
    summary: 'build, serve with live reload, rebuild on every change',
    synopsis: 'dev [options]',
    about:
      'Builds the site in memory and serves it with live reload; every change in content/,\n' +
      'data/ and templates/ rebuilds it, and failing checks show in the page.',
    positionals: { min: 0, max: 0, name: 'argument' },
    options: ['root', 'port', 'host', 'strict', 'drafts', 'now'],
    optionHelp: { host: serveHost },
    examples: ['factdesk dev', 'factdesk dev --host --port 8080']
  },
  {
    name: 'preview',
    summary: 'serve the built dist/ as a static host would',
    synopsis: 'preview [options]',
    about:
      'Serves the folder build wrote, as a static host would (its 404 page, its base path), to\n' +
      'look at the site before publishing it. Run factdesk build first.',
    positionals: { min: 0, max: 0, name: 'argument' },
    options: ['root', 'out', 'port', 'host'],
    optionHelp: { out: 'the folder to serve (default: ROOT/dist)', host: serveHost },
    examples: ['factdesk build && factdesk preview', 'factdesk preview --host']
  },
  {
    name: 'new',
    summary: 'write a new article with its frontmatter filled in',
    synopsis: 'new "Title" [options]',
    about: 'Writes a new article file with its frontmatter filled in, and prints its path.',
    positionals: { min: 1, max: 1, name: 'title' },
    options: ['root', 'section', 'date', 'now'],
    examples: [
      // Single quotes: in double quotes the shell would read $90 as a variable.
      "factdesk new 'Bitcoin falls below $90,000'",
      'factdesk new "Rates hold" --section markets'
    ]
  },
  {
    name: 'init',
    summary: 'start a newsroom site in DIR (default: this folder)',
    synopsis: 'init [DIR] [options]',
    about:
      'Makes a new site in DIR: content/ with an example story, data/site.yaml, public/,\n' +
      '.gitignore, package.json and a publishing workflow. DIR must be empty.',
    positionals: { min: 0, max: 1, name: 'folder' },
    options: ['force'],
    optionHelp: { force: 'write into a folder that is not empty, keeping the files it holds' },
    examples: ['factdesk init', 'factdesk init my-newsroom']
  },
  {
    name: 'rules',
    summary: 'list every problem rule: id, kind, title, what to do',
    synopsis: 'rules [options]',
    about: 'Lists every rule a problem can be reported under, with its kind and what to do.',
    positionals: { min: 0, max: 0, name: 'argument' },
    options: ['format'],
    optionHelp: { format: 'text (default) or json' },
    formats: ['text', 'json'],
    examples: ['factdesk rules', 'factdesk rules --format json']
  }
]

/** The command called `name`, if there is one. */
export function commandNamed(name: string): CommandSpec | undefined {
  return commandTable.find((command) => command.name === name)
}

/** Whether `command` takes `option` (every command takes `--help` and `--version`). */
export function takesOption(command: CommandSpec, option: OptionName): boolean {
  return option === 'help' || option === 'version' || command.options.includes(option)
}
