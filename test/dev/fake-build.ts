/**
 * A stand-in for `build()` so that the dev server can be tested without the pipeline: it
 * returns whatever site and problems the test sets, and counts its calls.
 */
import { defaultSettings } from '../../src/settings/load-settings.js'
import type { build, BuildResult } from '../../src/build.js'
import type { OutputFile, Problem, Report } from '../../src/types.js'

/** What the next build returns. */
export interface FakeOutcome {
  files: Record<string, string>
  exit?: 0 | 1 | 2
  problems?: Problem[]
  base?: string
  /** Throw this instead of returning, as a crashing pipeline would. */
  crash?: string
  /** The story's URL in the report; '' as for a story that no longer builds. */
  url?: string
  /** Report entries of other articles, listed before the story's. */
  others?: { file: string; url: string; problems: Problem[] }[]
  /** The build does not finish before this settles. */
  gate?: Promise<void>
}

/** A fake build and the handle a test steers it with. */
export interface FakeBuild {
  buildSite: typeof build
  /** Sets what every following build returns. */
  set(outcome: FakeOutcome): void
  readonly calls: number
}

/** A fake build that starts out returning `outcome`. */
export function fakeBuild(outcome: FakeOutcome): FakeBuild {
  let current = outcome
  let calls = 0
  const buildSite: typeof build = async (options) => {
    calls++
    await new Promise((resolve) => setTimeout(resolve, 5))
    // Two articles checked, as the real build reports them to the progress line.
    options.onProgress?.('checked', 1, 2)
    await current.gate
    options.onProgress?.('checked', 2, 2)
    if (current.crash !== undefined) throw new Error(current.crash)
    const files: OutputFile[] = Object.entries(current.files).map(([path, content]) => ({
      path,
      content
    }))
    const problems = current.problems ?? []
    const report: Report = {
      version: 1,
      summary: {
        articles: 1,
        figures: 0,
        verified: 0,
        contradicted: 0,
        unchecked: 0,
        errors: 0,
        warnings: 0,
        exit: current.exit ?? 0
      },
      articles: [
        ...(current.others ?? []).map((other) => ({
          ...other,
          slug: 'other',
          mode: 'standard' as const,
          figures: [],
          asserts: []
        })),
        {
          file: 'content/2025/11/04/story.md',
          slug: 'story',
          url: current.url ?? `${current.base ?? '/'}2025/11/04/story/`,
          mode: 'standard',
          figures: [],
          asserts: [],
          problems
        }
      ]
    }
    const result: BuildResult = {
      report,
      exit: current.exit ?? 0,
      settings: { ...defaultSettings(), base: current.base ?? '/' },
      articles: [],
      files,
      written: 0
    }
    return result
  }
  return {
    buildSite,
    set(next) {
      current = next
    },
    get calls() {
      return calls
    }
  }
}

/** A minimal valid page whose body holds `text`. */
export function page(text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${text}</title></head><body><p>${text}</p></body></html>`
}
