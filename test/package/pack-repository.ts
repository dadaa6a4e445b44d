/**
 * Packs the repository as `npm pack` would publish it, without touching the working tree: the
 * files a clone holds (tracked, plus new files not ignored) are copied to a folder of their
 * own and packed there. The copy matters because `npm pack` runs `prepack` and `prepare`, which
 * remove and recompile `lib/`, and other test files run the CLI from this tree's `lib/` at the
 * same moment.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { projectRoot } from '../helpers/compiled-cli.js'
import { isMissing } from '../../src/io/file-errors.js'

const exec = promisify(execFile)

/** A file of an earlier build whose source is gone: `prepack` must keep it out of the tarball. */
export const staleLibFile = 'lib/removed-module.js'

/** One command's exit status and output. */
export interface CommandRun {
  exit: number
  stdout: string
  stderr: string
}

/**
 * Runs `command` in `cwd` to its end and never throws: a failure is an exit status to assert on.
 * npm's own variables from a surrounding `npm test` are left out, so that a child npm works on
 * the folder it is run in rather than on this repository.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  cwd: string
): Promise<CommandRun> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => key === 'npm_config_cache' || !(key.startsWith('npm_') || key === 'INIT_CWD')
    )
  )
  try {
    const { stdout, stderr } = await exec(command, [...args], {
      cwd,
      env: { ...env, CI: 'true', NO_COLOR: '1', npm_config_update_notifier: 'false' },
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024
    })
    return { exit: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string }
    return {
      exit: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error)
    }
  }
}

/** Copies the repository into `dir/repo`, packs it into `dir` and returns the tarball's path. */
export async function packRepository(dir: string): Promise<string> {
  const copy = join(dir, 'repo')
  const listed = await exec(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: projectRoot,
      maxBuffer: 64 * 1024 * 1024
    }
  )
  for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
    await mkdir(dirname(join(copy, file)), { recursive: true })
    // A file deleted in the working tree but not yet in git's index is not in a clone either.
    await copyFile(join(projectRoot, file), join(copy, file)).catch((error: unknown) => {
      if (!isMissing(error)) throw error
    })
  }
  // tsc and its type packages, as `npm ci` would have installed them in a clone.
  await symlink(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir')
  await mkdir(join(copy, 'lib'), { recursive: true })
  await writeFile(join(copy, staleLibFile), 'export const gone = true\n')

  const packed = await runCommand('npm', ['pack', '--json', '--pack-destination', dir], copy)
  if (packed.exit !== 0) throw new Error(`npm pack failed (exit ${packed.exit}):\n${packed.stderr}`)
  const [result] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as {
    filename: string
  }[]
  if (result === undefined) throw new Error(`npm pack printed no tarball:\n${packed.stdout}`)
  return join(dir, result.filename)
}
