/**
 * Tiny sites built inline for tests (Eleventy's habit): a map of site-relative paths to file
 * contents, written into a fresh temporary folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** Writes `files` into a new temporary site folder and returns its path. */
export async function tempSite(
  files: Readonly<Record<string, string | Uint8Array>>
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'factdesk-site-'))
  made.push(root)
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), content)
  }
  return root
}

/** Settings every test site starts from. */
export const siteYaml = `title: Test Desk
url: https://news.example.org/
timezone: Asia/Shanghai
`

/** An article with the given frontmatter lines and body. */
export function article(
  frontmatter: string,
  body = 'A quiet day with no figures at all.\n'
): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`
}
