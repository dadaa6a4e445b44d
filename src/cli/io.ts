/**
 * Where the CLI writes, injectable so tests can run it in-process, and the usage error every
 * command prints the same way (SPEC 7: exit 2, one line, and where to read more).
 */

/** Where the CLI writes; injectable so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  /** Whether stderr is a terminal (progress is drawn only there, and never in CI). */
  isTTY: boolean
}

/** The process's own streams and environment. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY)
}

/**
 * Prints a usage error, `message` and the help to read (the command's own when it is known), and
 * returns exit status 2.
 */
export function usageError(io: Io, message: string, command?: string): 2 {
  const help = command === undefined ? 'factdesk --help' : `factdesk ${command} --help`
  io.stderr(`factdesk: ${message}\nRun ${help} for usage.\n`)
  return 2
}
