/**
 * `factdesk --help` and `factdesk <command> --help` (SPEC 7), written from the command and option
 * tables so that help never lists an option a command refuses.
 */
import { commandTable } from './command-table.js'
import type { CommandSpec } from './command-table.js'
import { optionTable } from './option-table.js'
import type { OptionName, OptionSpec } from './option-table.js'

/** Options shown in the overview: those most commands take. */
const globalOptions: readonly OptionName[] = ['root', 'format', 'quiet', 'help', 'version']

/** The overview: every command in a line, the options most of them take, the exit status. */
export function overviewHelp(): string {
  const width = Math.max(...commandTable.map((command) => command.name.length)) + 2
  const commands = commandTable.map(
    (command) => `  ${command.name.padEnd(width)}${command.summary}`
  )
  const options = optionLines(globalOptions.map((name) => [name, globalHelp(name)]))
  return [
    'Usage: factdesk <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    'Options most commands take:',
    ...options,
    '',
    'Run factdesk <command> --help for its options (or factdesk help <command>).',
    exitStatus,
    ''
  ].join('\n')
}

/** The help of one command: how to call it, what it does, each of its options, examples. */
export function commandHelp(command: CommandSpec): string {
  const names: OptionName[] = [...command.options, 'help']
  const options = optionLines(
    names.map((name) => [name, command.optionHelp?.[name] ?? ownHelp(name, command)])
  )
  return [
    `Usage: factdesk ${command.synopsis}`,
    '',
    command.about,
    '',
    'Options:',
    ...options,
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    ...(command.name === 'build' || command.name === 'check' ? ['', exitStatus] : []),
    ''
  ].join('\n')
}

const exitStatus = 'Exit status: 0 passed, 1 a fact check failed, 2 an input or usage error.'

function ownHelp(name: OptionName, command: CommandSpec): string {
  if (name === 'help') return `show this help (factdesk --help lists every command)`
  if (name === 'format' && command.formats)
    return `how problems are printed: ${command.formats[0] ?? 'text'} (default), ${command.formats.slice(1).join(' or ')}`
  const spec: OptionSpec = optionTable[name]
  return spec.help
}

function globalHelp(name: OptionName): string {
  if (name === 'format') return 'text (default), json or github; see each command'
  const spec: OptionSpec = optionTable[name]
  return spec.help
}

/** Options as aligned lines: `  --root DIR     the site folder`, continuation lines indented. */
function optionLines(entries: readonly [OptionName, string][]): string[] {
  const heads = entries.map(([name]) => head(name))
  const width = Math.max(...heads.map((text) => text.length)) + 2
  return entries.flatMap(([, help], index) => {
    const [first = '', ...more] = help.split('\n')
    return [
      `  ${(heads[index] ?? '').padEnd(width)}${first}`,
      ...more.map((line) => `  ${' '.repeat(width)}${line}`)
    ]
  })
}

function head(name: OptionName): string {
  const spec: OptionSpec = optionTable[name]
  const short = spec.short ? `-${spec.short}, ` : ''
  return `${short}--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`
}
