import { describe, expect, it } from 'vitest'
import { parseArguments } from '../../src/cli/arguments.js'
import { commandTable } from '../../src/cli/command-table.js'
import { optionNames } from '../../src/cli/option-table.js'
import { runCli } from '../helpers/run-cli.js'

/** The options a help text lists: the `--name` at the start of each option line. */
function listedOptions(help: string): string[] {
  const section = help.split('\nOptions')[1]?.split('\n\n')[0] ?? ''
  return section.split('\n').flatMap((line) => /^ {2}(?:-\w, )?--([\w-]+)/.exec(line)?.[1] ?? [])
}

describe('help', () => {
  it('lists every command with its summary, and says where each command is explained', async () => {
    const run = await runCli(['--help'])
    expect(run.exit).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('Usage: factdesk <command> [options]')
    const commands = run.stdout.split('Commands:\n')[1]?.split('\n\n')[0]?.split('\n') ?? []
    expect(commands.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'build',
      'check',
      'dev',
      'preview',
      'new',
      'init',
      'rules'
    ])
    expect(listedOptions(run.stdout)).toEqual(['root', 'format', 'quiet', 'help', 'version'])
    expect(run.stdout).toContain('Run factdesk <command> --help')
  })

  it.each(commandTable.map((command) => [command.name]))(
    'gives %s its own help, listing exactly the options it takes',
    async (name) => {
      const run = await runCli([name, '--help'])
      expect(run.exit).toBe(0)
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: factdesk ${name}\\b`))
      const listed = listedOptions(run.stdout)
      for (const option of optionNames) {
        if (option === 'help' || option === 'version') continue
        const parsed = parseArguments([name, `--${option}`, ...(option === 'host' ? [] : ['1'])])
        const refused = parsed.kind === 'usage' && parsed.message.includes('is not an option of')
        expect({ option, listed: listed.includes(option) }).toEqual({ option, listed: !refused })
      }
      expect(listed).toContain('help')
    }
  )

  it('shows the same help for `factdesk help build` as for `factdesk build --help`', async () => {
    const asked = await runCli(['help', 'build'])
    expect(asked.exit).toBe(0)
    expect(asked.stdout).toBe((await runCli(['build', '--help'])).stdout)
    expect((await runCli(['help'])).stdout).toBe((await runCli(['--help'])).stdout)
  })

  it('shows help even when the rest of the line has mistakes in it', async () => {
    const run = await runCli(['build', '--stirct', '--help'])
    expect(run.exit).toBe(0)
    expect(run.stdout).toMatch(/^Usage: factdesk build/)
  })

  it('offers the nearest command for `factdesk help` with a misspelt one', async () => {
    const run = await runCli(['help', 'chekc'])
    expect(run.exit).toBe(2)
    expect(run.stderr).toContain('unknown command "chekc" (did you mean "check"?)')
  })

  it('documents that --host alone opens the server to the network', async () => {
    for (const name of ['dev', 'preview']) {
      const run = await runCli([name, '--help'])
      expect(run.stdout).toContain('--host [ADDR]')
      expect(run.stdout).toContain('0.0.0.0')
    }
  })
})
