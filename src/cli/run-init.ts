/**
 * `factdesk init [DIR]` (SPEC 7, issue 18 item 1): scaffolds a newsroom site, then says what was
 * made and what to run next, so a newcomer's second command is never a guess.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { initSite } from '../commands/init-site.js'
import { escapeControls } from '../report/terminal-safe.js'
import type { ParsedOptions } from './arguments.js'
import type { Io } from './io.js'

/** Scaffolds into `dir` (default: the current folder); exit 0, or 2 with the reason. */
export async function runInit(
  io: Io,
  options: ParsedOptions,
  dir: string | undefined
): Promise<number> {
  // As written, so that a refusal names the folder the way the user did; "." would say little.
  const result = await initSite({ dir: dir ?? process.cwd(), force: options.flag('force') })
  if (!result.ok) {
    io.stderr(`factdesk: ${escapeControls(result.message)}\n`)
    return 2
  }
  io.stdout(initReport(result, process.cwd()))
  return 0
}

/** What `init` made, what it left alone, and the next steps, as printed. */
export function initReport(
  result: { dir: string; files: readonly string[]; skipped: readonly string[] },
  cwd: string
): string {
  // A folder below this one by its short name; anywhere else by its whole path.
  const below = relative(cwd, result.dir)
  const where = below.startsWith('..') || isAbsolute(below) ? result.dir : below
  const lines = [`factdesk init: made a site in ${where === '' ? 'this folder' : where}`]
  for (const file of result.files) lines.push(`  created  ${escapeControls(file)}`)
  for (const file of result.skipped)
    lines.push(`  kept     ${escapeControls(file)} (already there)`)
  lines.push('', 'Next:')
  if (where !== '') lines.push(`  cd ${quoted(where)}`)
  // The site depends on factdesk through its package.json; without node_modules it is not yet installed.
  if (!existsSync(join(result.dir, 'node_modules', 'factdesk'))) lines.push('  npm install')
  const steps = [
    ['npx factdesk dev', 'see the site while you edit it'],
    ["npx factdesk new 'Your first story'", 'write a story (single quotes keep $ from the shell)'],
    ['npx factdesk build', 'check every figure and build the site into dist/']
  ] as const
  const width = Math.max(...steps.map(([command]) => command.length)) + 2
  for (const [command, why] of steps) lines.push(`  ${command.padEnd(width)}# ${why}`)
  const outside = tarballOutside(result.dir)
  if (outside !== undefined)
    lines.push(
      '',
      `Note: package.json installs factdesk from ${outside}, outside this folder, where CI cannot`,
      'find it. Copy the tarball into the site (vendor/, say) and run npm install ./vendor/<file>,',
      'or install factdesk from git or a registry, before you push.'
    )
  return `${lines.join('\n')}\n`
}

/**
 * The `file:` path factdesk is installed from when it lies outside the site (as after
 * `npm install ../factdesk-0.1.0.tgz`): a fresh clone in CI would not have it.
 */
function tarballOutside(dir: string): string | undefined {
  let manifest: unknown
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
  const spec = dependencySpec(manifest)
  if (spec === undefined || !spec.startsWith('file:')) return undefined
  const target = relative(dir, resolve(dir, spec.slice('file:'.length)))
  return target.startsWith('..') || isAbsolute(target) ? spec.slice('file:'.length) : undefined
}

/** `dependencies.factdesk` of a parsed package.json, when it is a string. */
function dependencySpec(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null || !('dependencies' in manifest))
    return undefined
  const { dependencies } = manifest
  if (typeof dependencies !== 'object' || dependencies === null || !('factdesk' in dependencies))
    return undefined
  return typeof dependencies.factdesk === 'string' ? dependencies.factdesk : undefined
}

/** A folder name a shell takes as one word. */
function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`
}
