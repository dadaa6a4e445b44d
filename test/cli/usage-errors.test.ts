import { describe, expect, it } from 'vitest'
import { parseArguments } from '../../src/cli/arguments.js'
import { runCli } from '../helpers/run-cli.js'

/** The usage error of a run: its first line without the `factdesk: ` prefix, and the second. */
async function usageOf(argv: readonly string[]): Promise<{ exit: number; lines: string[] }> {
  const run = await runCli(argv)
  expect(run.stdout).toBe('')
  return {
    exit: run.exit,
    lines: run.stderr
      .replace(/^factdesk: /, '')
      .trimEnd()
      .split('\n')
  }
}

describe('usage errors', () => {
  it('offers the nearest command for a misspelt one, pointing at the overview', async () => {
    expect(await usageOf(['biuld'])).toEqual({
      exit: 2,
      lines: ['unknown command "biuld" (did you mean "build"?)', 'Run factdesk --help for usage.']
    })
    expect((await usageOf(['preveiw', '--port', '80'])).lines[0]).toBe(
      'unknown command "preveiw" (did you mean "preview"?)'
    )
  })

  it('names a misspelt option before the command rather than its value as a command', async () => {
    // The value of `--outt` is read as a word, and `dist` is near no command.
    expect(await usageOf(['--outt', 'dist'])).toEqual({
      exit: 2,
      lines: ['unknown option "--outt" (did you mean "--out"?)', 'Run factdesk --help for usage.']
    })
    // A word near a command is still taken for a misspelt command.
    expect((await usageOf(['--stirct', 'biuld'])).lines[0]).toBe(
      'unknown command "biuld" (did you mean "build"?)'
    )
  })

  it('names an unknown command without a guess when none is near', async () => {
    expect((await usageOf(['publish'])).lines[0]).toBe('unknown command "publish"')
  })

  it("offers the nearest of the command's own options for a misspelt one", async () => {
    expect(await usageOf(['build', '--stirct'])).toEqual({
      exit: 2,
      lines: [
        'unknown option "--stirct" (did you mean "--strict"?)',
        'Run factdesk build --help for usage.'
      ]
    })
    expect((await usageOf(['dev', '--prot', '8080'])).lines[0]).toBe(
      'unknown option "--prot" (did you mean "--port"?)'
    )
  })

  it('says whose option a near miss is when the command has none like it', async () => {
    expect((await usageOf(['check', '--prot'])).lines[0]).toBe(
      'unknown option "--prot" (--port is an option of dev, preview)'
    )
  })

  it('refuses an option of another command, naming the commands it belongs to', async () => {
    expect(await usageOf(['build', '--port', '8080'])).toEqual({
      exit: 2,
      lines: [
        '--port is not an option of build (it is an option of dev, preview)',
        'Run factdesk build --help for usage.'
      ]
    })
    expect((await usageOf(['check', '--out', 'public'])).lines[0]).toBe(
      '--out is not an option of check (it is an option of build, preview)'
    )
    expect((await usageOf(['rules', '--strict'])).lines[0]).toBe(
      '--strict is not an option of rules (it is an option of build, check, dev)'
    )
  })

  it('refuses values a command cannot take, and arguments it does not take', async () => {
    expect((await usageOf(['build', '--format', 'xml'])).lines[0]).toBe(
      '--format must be text, json or github, not "xml"'
    )
    expect((await usageOf(['rules', '--format', 'github'])).lines[0]).toBe(
      '--format must be text or json, not "github"'
    )
    expect((await usageOf(['dev', '--port', 'eighty'])).lines[0]).toBe(
      '--port must be a port number from 0 to 65535, not "eighty"'
    )
    expect((await usageOf(['build', '--root'])).lines[0]).toBe('--root needs a value: --root DIR')
    expect((await usageOf(['build', '--strict=yes'])).lines[0]).toBe('--strict takes no value')
    expect((await usageOf(['check', 'content'])).lines[0]).toBe('unexpected argument "content"')
    expect((await usageOf(['new', 'Rates', 'hold'])).lines[0]).toBe(
      'unexpected argument "hold" (quote the title)'
    )
    expect((await usageOf(['new'])).lines[0]).toBe('new needs a title: factdesk new "Title"')
    expect((await usageOf(['init', 'a', 'b'])).lines[0]).toBe('unexpected argument "b"')
  })

  it('refuses an unknown option given before the command, and a missing command', async () => {
    expect(await usageOf(['--bogus'])).toEqual({
      exit: 2,
      lines: ['unknown option "--bogus"', 'Run factdesk --help for usage.']
    })
    expect((await usageOf(['--root', '.'])).lines[0]).toBe('no command given')
  })
})

describe('--host', () => {
  function hostOf(argv: readonly string[]): string | undefined {
    const invocation = parseArguments(argv)
    if (invocation.kind !== 'run') throw new Error(JSON.stringify(invocation))
    return invocation.options.value('host')
  }

  it('alone listens on every interface, so a phone on the network can open the site', () => {
    expect(hostOf(['dev', '--host'])).toBe('0.0.0.0')
    expect(hostOf(['preview', '--host', '--port', '8080'])).toBe('0.0.0.0')
    expect(hostOf(['dev'])).toBeUndefined()
  })

  it('takes an address written after it or with =', () => {
    expect(hostOf(['dev', '--host', '192.168.1.20'])).toBe('192.168.1.20')
    expect(hostOf(['preview', '--host=::1'])).toBe('::1')
    expect(hostOf(['dev', '--host', 'my-laptop.local'])).toBe('my-laptop.local')
  })

  it('never takes the command, or a word that is no address, as its value', () => {
    expect(hostOf(['--host', 'dev'])).toBe('0.0.0.0')
    const stray = parseArguments(['dev', '--host', '8080'])
    expect(stray).toMatchObject({ kind: 'usage', message: 'unexpected argument "8080"' })
  })

  it('belongs to dev and preview only', async () => {
    expect((await usageOf(['build', '--host'])).lines[0]).toBe(
      '--host is not an option of build (it is an option of dev, preview)'
    )
  })
})
