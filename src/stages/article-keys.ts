/**
 * The check and brief keys of a build's articles (`stage-keys.ts` declares what each is made
 * of), worked out once per article however often stage 2 asks.
 */
import type { LoadedFile } from '../article/article-file.js'
import { briefKey, checkKey } from './stage-keys.js'

/** The check and brief keys of a build's articles, each hashed once however often asked. */
export function stageKeys(
  entries: ReadonlyMap<string, { key: string }>,
  build: {
    strict: string
    digests: ReadonlyMap<string, string>
    templates: string
    site: string
    dataPaths: readonly string[]
    /** What keys the images an article's file shows. */
    images: (file: string) => readonly string[]
  }
): { of(file: LoadedFile): { check: string; brief: string } } {
  const made = new Map<string, { check: string; brief: string }>()
  return {
    of(file) {
      let key = made.get(file.path)
      if (key === undefined) {
        const data = Object.entries(file.data.frontmatter.data)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .flatMap(([alias, path]) => [alias, build.digests.get(path) ?? 'missing'])
        const check = checkKey({
          load: entries.get(file.path)?.key ?? '',
          strict: build.strict,
          data,
          images: build.images(file.path)
        })
        const brief = briefKey({
          check,
          templates: build.templates,
          site: build.site,
          dataPaths: build.dataPaths
        })
        made.set(file.path, (key = { check, brief }))
      }
      return key
    }
  }
}

/** Whether two articles' keys are the same: results made under one hold under the other. */
export function sameKeys(
  a: { check: string; brief: string },
  b: { check: string; brief: string }
): boolean {
  return a.check === b.check && a.brief === b.brief
}
