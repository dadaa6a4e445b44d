/**
 * Every option of the command line (SPEC 7), once: its name, whether it takes a value, and the
 * line of help that describes it. Which command takes which is the command table's business
 * (`command-table.ts`); an option means the same wherever it is accepted.
 */

/** How an option is written: a bare flag, a flag with a value, or one whose value is optional. */
export type OptionKind = 'flag' | 'value' | 'optional-value'

/** One option of the command line. */
export interface OptionSpec {
  kind: OptionKind
  /** The name of its value shown after the option in help, such as `DIR`; none for flags. */
  valueName?: string
  /** What it does, in the help text, with its default. */
  help: string
  /** A one-letter alias, such as `h` for `--help`. */
  short?: string
}

/** The options, in the order help lists them. */
export const optionTable = {
  root: {
    kind: 'value',
    valueName: 'DIR',
    help: 'the site folder (default: the current folder)'
  },
  out: { kind: 'value', valueName: 'DIR', help: 'the output folder (default: ROOT/dist)' },
  strict: { kind: 'flag', help: 'check every article strictly: unchecked figures fail' },
  drafts: { kind: 'flag', help: 'include articles marked draft: true' },
  now: {
    kind: 'value',
    valueName: 'ISO',
    help: 'the instant embargoes are compared with\n(default: SOURCE_DATE_EPOCH, else the clock)'
  },
  format: {
    kind: 'value',
    valueName: 'F',
    help: 'how problems are printed: text (default), json or github'
  },
  quiet: { kind: 'flag', help: 'print errors only' },
  force: { kind: 'flag', help: 'write into a folder holding files factdesk did not write' },
  suggest: {
    kind: 'flag',
    help: 'list up to three candidate checks for each unchecked figure, ready to paste'
  },
  'suggest-from': {
    kind: 'value',
    valueName: 'W',
    help:
      "where --suggest looks: article (the article's data:, default) or all\n" +
      '(every file under data/, with the data: alias a check would add)'
  },
  'no-cache': {
    kind: 'flag',
    help: 'build without the cache in ROOT/node_modules/.cache/factdesk/'
  },
  port: {
    kind: 'value',
    valueName: 'N',
    help: 'the port to try first (default 4321; taken, the next free one)'
  },
  host: {
    kind: 'optional-value',
    valueName: '[ADDR]',
    help: 'listen on every interface, so a phone on this network can open the site; or on ADDR'
  },
  section: { kind: 'value', valueName: 'S', help: "the article's section (default news)" },
  date: { kind: 'value', valueName: 'ISO', help: 'the publication date (default now)' },
  help: { kind: 'flag', short: 'h', help: 'show this help' },
  version: { kind: 'flag', short: 'v', help: 'show the version' }
} as const satisfies Record<string, OptionSpec>

/** The name of an option, without its dashes. */
export type OptionName = keyof typeof optionTable

/** Options that are bare flags. */
export type FlagName = {
  [Name in OptionName]: (typeof optionTable)[Name]['kind'] extends 'flag' ? Name : never
}[OptionName]

/** Options that take a value (or may). */
export type ValueName = Exclude<OptionName, FlagName>

/** Every option name, in the table's order. */
export const optionNames: readonly OptionName[] = Object.keys(optionTable).filter(isOptionName)

/** Whether `name` is an option of the command line at all. */
export function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(optionTable, name)
}

/** The option `-x` stands for; undefined when no option has that letter. */
export function optionOfShort(letter: string): OptionName | undefined {
  return optionNames.find((name) => {
    const spec: OptionSpec = optionTable[name]
    return spec.short === letter
  })
}
