/**
 * The command line (SPEC 7) read against the command table: which command, which of its options,
 * which arguments. Every mistake is one usage error that says how to put it right: a misspelt
 * command or option gets "did you mean", and an option of another command names the commands
 * that take it.
 */
import { keyReach, nearestTo } from '../text/did-you-mean.js'
import { commandNamed, commandTable, takesOption } from './command-table.js'
import type { CommandSpec } from './command-table.js'
import { optionNames } from './option-table.js'
import type { FlagName, OptionName, ValueName } from './option-table.js'
import { readTokens } from './read-tokens.js'
import type { OptionToken } from './read-tokens.js'

/** What the command line asks for. */
export type Invocation =
  | { kind: 'run'; command: CommandSpec; options: ParsedOptions; positionals: string[] }
  /** `--help`, `factdesk help [command]`: the help of `command`, or the overview. */
  | { kind: 'help'; command: CommandSpec | undefined }
  | { kind: 'version' }
  /** A usage error; `command` is the one whose help the error points to, if known. */
  | { kind: 'usage'; message: string; command: CommandSpec | undefined }

/** The options given to a command; the last of a repeated option counts. */
export class ParsedOptions {
  readonly #values: ReadonlyMap<OptionName, string | true>

  constructor(values: ReadonlyMap<OptionName, string | true>) {
    this.#values = values
  }

  /** Whether the flag `name` was given. */
  flag(name: FlagName): boolean {
    return this.#values.has(name)
  }

  /**
   * The value of `name`, or undefined when it was not given. `--host` given without an address
   * is `0.0.0.0`: every interface (SPEC 7, `dev --host`).
   */
  value(name: ValueName): string | undefined {
    const value = this.#values.get(name)
    if (value === true) return name === 'host' ? '0.0.0.0' : undefined
    return value
  }
}

const commandNames = commandTable.map((command) => command.name)

/** Reads `argv` (without node and the script) into what it asks for. */
export function parseArguments(argv: readonly string[]): Invocation {
  const tokens = readTokens(argv, [...commandNames, 'help'])
  const options = tokens.filter((token): token is OptionToken => token.kind === 'option')
  const words = tokens.flatMap((token) => (token.kind === 'argument' ? [token.value] : []))
  const [first, ...rest] = words
  const asksHelp = options.some((option) => option.name === 'help')
  if (options.some((option) => option.name === 'version')) return { kind: 'version' }
  if (first === 'help') {
    const named = rest[0]
    if (named === undefined) return { kind: 'help', command: undefined }
    const command = commandNamed(named)
    return command ? { kind: 'help', command } : unknownCommand(named)
  }
  if (first === undefined) {
    if (asksHelp) return { kind: 'help', command: undefined }
    const stray = options.find((option) => option.name !== 'help')
    return usage((stray && optionProblem(stray, undefined)) ?? 'no command given', undefined)
  }
  const command = commandNamed(first)
  if (command === undefined) {
    // `--outt dist`: a word near no command is more likely a misspelt option's value.
    const stray = options.find((option) => option.name === undefined)
    if (stray && nearest(first, commandNames) === undefined)
      return usage(unknownOption(stray.written, undefined), undefined)
    return unknownCommand(first)
  }
  if (asksHelp) return { kind: 'help', command }
  for (const option of options) {
    const problem = optionProblem(option, command)
    if (problem !== undefined) return usage(problem, command)
  }
  const values = new Map<OptionName, string | true>()
  for (const { name, value } of options) if (name !== undefined) values.set(name, value)
  const problem = valueProblem(command, values) ?? argumentProblem(command, rest)
  if (problem !== undefined) return usage(problem, command)
  return { kind: 'run', command, options: new ParsedOptions(values), positionals: rest }
}

function usage(message: string, command: CommandSpec | undefined): Invocation {
  return { kind: 'usage', message, command }
}

function unknownCommand(name: string): Invocation {
  const near = nearest(name, commandNames)
  const hint = near ? ` (did you mean "${near}"?)` : ''
  return usage(`unknown command "${name}"${hint}`, undefined)
}

/** What is wrong with `option` on `command` (or before a command is named); undefined: nothing. */
function optionProblem(option: OptionToken, command: CommandSpec | undefined): string | undefined {
  const { name, written } = option
  if (name === undefined) return unknownOption(written, command)
  if (command !== undefined && !takesOption(command, name)) {
    return `${written} is not an option of ${command.name} (it is an option of ${ownersOf(name)})`
  }
  return option.problem
}

/**
 * `--stirct` on `build`: the nearest option, offered when the command takes it, else said to be
 * another command's (`check --prot`: `--port is an option of dev, preview`).
 */
function unknownOption(written: string, command: CommandSpec | undefined): string {
  const bare = written.replace(/^-+/, '')
  const near = nearest(bare, optionNames)
  if (near === undefined) return `unknown option "${written}"`
  if (command === undefined || takesOption(command, near))
    return `unknown option "${written}" (did you mean "--${near}"?)`
  return `unknown option "${written}" (--${near} is an option of ${ownersOf(near)})`
}

/**
 * The candidate a misspelt `name` most likely means. Two letters swapped is the commonest slip
 * on a command line and costs two edits, as much as two wrong letters: among candidates as near,
 * one made of the same letters wins (`--prot` is `--port`, not `--root`).
 */
function nearest<Name extends string>(name: string, candidates: readonly Name[]): Name | undefined {
  const near = nearestTo(name, candidates, { reach: keyReach })
  if (near === undefined) return undefined
  const letters = sortedLetters(name)
  const swapped = nearestTo(
    name,
    candidates.filter((candidate) => sortedLetters(candidate) === letters),
    { reach: keyReach }
  )
  const chosen =
    swapped !== undefined && swapped.distance <= near.distance ? swapped.candidate : near.candidate
  return candidates.find((candidate) => candidate === chosen)
}

function sortedLetters(word: string): string {
  return [...word.toLowerCase()].sort().join('')
}

/** The commands that take the option `name`: `dev, preview`. */
function ownersOf(name: string): string {
  const owners = commandTable.filter((command) => command.options.some((each) => each === name))
  return owners.map((command) => command.name).join(', ')
}

/** A value that cannot be right whatever the site holds: a format, a port, an address. */
function valueProblem(
  command: CommandSpec,
  values: ReadonlyMap<OptionName, string | true>
): string | undefined {
  const format = values.get('format')
  if (typeof format === 'string' && command.formats && !command.formats.includes(format)) {
    const allowed = command.formats
    const listed = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1) ?? ''}`
    return `--format must be ${listed}, not "${format}"`
  }
  const from = values.get('suggest-from')
  if (typeof from === 'string' && from !== 'article' && from !== 'all')
    return `--suggest-from must be article or all, not "${from}"`
  if (from !== undefined && !values.has('suggest'))
    return '--suggest-from says where --suggest looks: add --suggest'
  const port = values.get('port')
  if (typeof port === 'string' && !(/^\d{1,5}$/.test(port) && Number(port) <= 65_535))
    return `--port must be a port number from 0 to 65535, not "${port}"`
  const host = values.get('host')
  if (host === '') return '--host needs an address after "=": --host=192.168.1.20, or --host alone'
  return undefined
}

/** Too few or too many arguments for `command`. */
function argumentProblem(command: CommandSpec, words: readonly string[]): string | undefined {
  const { min, max, name } = command.positionals
  if (words.length < min)
    return `${command.name} needs a ${name}: factdesk ${command.synopsis.replace(' [options]', '')}`
  const extra = words[max]
  if (extra === undefined) return undefined
  const hint = command.name === 'new' ? ' (quote the title)' : ''
  return `unexpected argument "${extra}"${hint}`
}
