/** Types of `golden-cases.mjs`, for the tests (the recorder itself runs as plain Node ESM). */

/** The repository root. */
export declare const projectRoot: string

/** Where the recorded digests live (`test/golden/digests.json`). */
export declare const digestsPath: string

/** The CLI the cases are built with unless told otherwise (`bin/factdesk.js`). */
export declare const defaultCli: string

/** The fixed `SOURCE_DATE_EPOCH` of every golden build. */
export declare const sourceDateEpoch: string

/** Articles in the bench corpus case. */
export declare const corpusArticles: number

/** A case keeps its per-file map only while that map's JSON stays under this many bytes. */
export declare const fileMapLimit: number

/** The cases `npm test` checks; the rest run in `npm run golden` only. */
export declare const quickCases: readonly string[]

/** Adds generated files to a bad-input case's site copy; `outside` is a folder beside it. */
export type Generator = (site: string, outside: string) => Promise<void>

/** Generated inputs of the bad-input corpus, by the name an `expected.json` gives. */
export declare const generators: Readonly<Record<string, Generator>>

/** One golden case: its name and how to write its site. */
export interface GoldenCase {
  name: string
  prepare: Generator
}

/** What a case recorded. */
export interface CaseRecord {
  /** Tree digest of the site and its `outside` folder as built. */
  inputs: string
  exit: number | null
  /** The stdout of `--format json`, its temporary folder written `<case>`. */
  report: { sha256: string; bytes: number; summary: unknown }
  fileCount: number
  /** One digest of the whole output. */
  tree: string
  /** Per-file SHA-256, when under `fileMapLimit`. */
  files?: Record<string, string>
}

/** The contents of `digests.json`. */
export interface Digests {
  about: string
  sourceDateEpoch: string
  cases: Record<string, CaseRecord>
}

/** Every golden case, sorted by name, and the fixture cases that cannot be made (with why). */
export declare function listCases(): Promise<{
  cases: GoldenCase[]
  skipped: { name: string; reason: string }[]
}>

/** Cases named `only`, or in the group `only/`; all of them when `only` is undefined. */
export declare function selectCases(cases: GoldenCase[], only: string | undefined): GoldenCase[]

/** Code-unit order, the same on every machine. */
export declare function compareNames(a: string, b: string): number

/** Hex SHA-256. */
export declare function sha256(data: string | Uint8Array): string

/** Every file under `dir` as relative path -> SHA-256, sorted. */
export declare function digestFolder(dir: string, caseDir?: string): Promise<Record<string, string>>

/** One SHA-256 for a whole folder's per-file map. */
export declare function treeDigest(files: Record<string, string>): string

/** The environment of every golden build. */
export declare function goldenEnv(): Record<string, string | undefined>

/** Runs `node cli ...args` in the golden environment. */
export declare function runCli(
  cli: string,
  args: readonly string[],
  timeoutMs?: number
): Promise<{ exit: number | null; signal: string | null; stdout: Buffer; stderr: string }>

/** Builds one case into a temporary folder under `scratch` and digests what it wrote. */
export declare function runCase(
  goldenCase: GoldenCase,
  options: { cli?: string; scratch: string }
): Promise<CaseRecord>

/** What differs between a recorded case and a fresh one, one line each. */
export declare function compareCase(
  expected: CaseRecord,
  actual: CaseRecord,
  limit?: number
): string[]

/** The recorded digests, or undefined when none were recorded. */
export declare function readDigests(path?: string): Promise<Digests | undefined>

/** Writes the digests deterministically. */
export declare function writeDigests(
  cases: Record<string, CaseRecord>,
  path?: string
): Promise<void>

/** Compiles `src/` into `lib/` when stale; true when it compiled. */
export declare function ensureCompiled(): Promise<boolean>
