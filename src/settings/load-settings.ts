/**
 * Loads `data/site.yaml` (SPEC 3): parses it with positions, validates it, applies defaults.
 * A missing file means every default; a broken one is reported and the defaults stand in, so
 * the rest of the site is still checked in the same run.
 */
import { describeRefusal, readSiteFile } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import { issuesToProblems } from '../schema/issues-to-problems.js'
import { parseYaml } from '../yaml/parse-yaml.js'
import { settingsSchema } from './settings-schema.js'
import type { Settings, SiteProblem } from '../types.js'

/** Site-relative path of the settings file. */
export const settingsFile = 'data/site.yaml'

/** Settings with the problems found reading them (each with `file` set to `data/site.yaml`). */
export interface LoadedSettings {
  settings: Settings
  problems: SiteProblem[]
}

/**
 * Reads and validates the site settings of the site at `root`. The file is read as every site
 * file is (SPEC 9): a link leaving the site is `path-unsafe`, a FIFO or a file over
 * `sizeLimits.settings` a `settings` problem, and the defaults stand in.
 */
export async function loadSettings(root: string): Promise<LoadedSettings> {
  const read = await readSiteFile(root, settingsFile, sizeLimits.settings)
  if (read instanceof Uint8Array) return parseSettings(read.toString('utf8'))
  if (read.reason === 'missing') return { settings: defaultSettings(), problems: [] }
  const refused = problem(1, 1, `cannot read ${settingsFile}: ${describeRefusal(read)}`)
  return {
    settings: defaultSettings(),
    problems: [read.reason === 'outside' ? { ...refused, rule: 'path-unsafe' } : refused]
  }
}

/** Validates settings text; exported for tests and for the dev server's reloads. */
export function parseSettings(text: string): LoadedSettings {
  const yaml = parseYaml(text.replace(/^\uFEFF/, ''))
  if (yaml.errors.length > 0) {
    return {
      settings: defaultSettings(),
      problems: yaml.errors.map((error) =>
        problem(
          error.point.line,
          error.point.column,
          `${settingsFile} is not valid YAML: ${error.message}`
        )
      )
    }
  }
  // An unknown tag (`!!js/function`) is read as plain text: worth a warning, not a failure.
  const warnings = yaml.warnings.map((warning): SiteProblem => ({
    ...problem(
      warning.point.line,
      warning.point.column,
      `${warning.message}; the value is read as plain text`
    ),
    severity: 'warning'
  }))
  const result = settingsSchema.safeParse(yaml.value ?? {}, { reportInput: true })
  if (result.success) return { settings: result.data, problems: warnings }
  const errors = issuesToProblems(
    result.error.issues,
    yaml,
    { lineOffset: 0 },
    'settings',
    (key) => (key === '' ? 'at the top level' : `"${key}"`)
  ).map((entry) => ({ ...entry, file: settingsFile }))
  return { settings: defaultSettings(), problems: [...warnings, ...errors] }
}

/** Every setting at its default. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}

function problem(line: number, column: number, message: string): SiteProblem {
  return { severity: 'error', line, column, rule: 'settings', message, file: settingsFile }
}
