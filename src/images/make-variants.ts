/**
 * Makes the variant files of a build's images with sharp (issue 18), once per distinct image on
 * the main thread (sharp's own threads do the work), and keeps them in the build cache: a variant
 * whose name is in the cache is read back, its digest verified first (SPEC 9), and sharp is not
 * run again. The names (`variants.ts`) already say what each file holds, so a cached file under
 * its name is the right file.
 */
import { mkdir } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { readSealed, writeSealed } from '../cache/sealed-file.js'
import { readSiteFile } from '../io/read-site-file.js'
import type { ImageFacts, ImageTable } from './image-facts.js'
import { isImageFacts } from './image-facts.js'
import { imageSizeLimit } from './read-images.js'
import { socialVariantOf, variantsOf } from './variants.js'
import type { Variant } from './variants.js'
import type { SiteProblem } from '../types.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** One published file of an image: its bytes are read when the output is written. */
export interface VariantFile {
  path: string
  /** The source image, site-relative. */
  source: string
  /** The bytes; undefined when the kept file failed its digest since it was made. */
  read(): Uint8Array | undefined
}

/** An image whose variants could not be made (its file changed or broke during the build). */
export interface VariantFailure {
  source: string
  reason: string
}

/** How many variants were encoded and how many came from the cache, since the process started. */
export const variantCounts = { made: 0, reused: 0 }

/** Images encoded at once: sharp spreads each over the cores already. */
const concurrentImages = 2

/**
 * The files of every image in `table`, with the social-card JPEG of those in `lead` (the lead
 * photos), made or taken from `cacheDir`.
 */
export async function makeVariants(options: {
  root: string
  table: ImageTable
  lead: ReadonlySet<string>
  cacheDir?: string
}): Promise<{ files: VariantFile[]; failures: VariantFailure[] }> {
  const images = [...options.table.values()].filter(isImageFacts)
  if (options.cacheDir !== undefined && images.length > 0)
    // The cache is an optimization: a folder that cannot be made leaves the variants in memory.
    await mkdir(join(options.cacheDir, 'images'), { recursive: true }).catch(() => undefined)
  const files: VariantFile[] = []
  const failures: VariantFailure[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    for (let facts = images[next++]; facts !== undefined; facts = images[next++]) {
      const wanted = variantsOf(facts)
      if (
        options.lead.has(facts.path) &&
        !wanted.some((v) => v.path === socialVariantOf(facts).path)
      )
        wanted.push(socialVariantOf(facts))
      const made = await filesOf(facts, wanted, options)
      if ('reason' in made) failures.push(made)
      else files.push(...made)
    }
  }
  await Promise.all(Array.from({ length: concurrentImages }, worker))
  files.sort((a, b) => byCodeUnits(a.path, b.path))
  return { files, failures }
}

async function filesOf(
  facts: ImageFacts,
  wanted: readonly Variant[],
  options: { root: string; cacheDir?: string }
): Promise<VariantFile[] | VariantFailure> {
  const kept = (variant: Variant): string | undefined =>
    options.cacheDir && join(options.cacheDir, 'images', posix.basename(variant.path))
  const missing = wanted.filter((variant) => {
    const file = kept(variant)
    return file === undefined || readSealed(file) === undefined
  })
  variantCounts.reused += wanted.length - missing.length
  const made = new Map<string, Uint8Array>()
  if (missing.length > 0) {
    const bytes = await readSiteFile(options.root, facts.path, imageSizeLimit)
    if (
      !(bytes instanceof Uint8Array) ||
      createHash('sha256').update(bytes).digest('hex') !== facts.digest
    )
      return { source: facts.path, reason: 'changed while the site was being built; build again' }
    for (const variant of missing) {
      const encoded = variant.asIs ? bytes : await encode(bytes, variant)
      variantCounts.made += 1
      const file = kept(variant)
      // Held in memory only when the cache could not keep it.
      if (file === undefined || !(await writeSealed(file, encoded))) made.set(variant.path, encoded)
    }
  }
  return wanted.map((variant) => ({
    path: variant.path,
    source: facts.path,
    read: () => {
      const file = kept(variant)
      return made.get(variant.path) ?? (file === undefined ? undefined : readSealed(file))
    }
  }))
}

/** `bytes` as `variant`: oriented upright, resized exactly, encoded as its format. */
async function encode(bytes: Uint8Array, variant: Variant): Promise<Uint8Array> {
  const image = sharp(bytes)
    .autoOrient()
    .resize({ width: variant.width, height: variant.height, fit: 'fill' })
  // Settings named by `encoderVersion` in variants.ts: change both together.
  switch (variant.format) {
    case 'avif':
      return image.avif({ quality: 50, effort: 2 }).toBuffer()
    case 'webp':
      return image.webp({ quality: 78 }).toBuffer()
    case 'jpeg':
      // A transparent PNG shared as a JPEG sits on white, not black.
      return image
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer()
    case 'png':
      return image.png({ palette: true, compressionLevel: 9 }).toBuffer()
    default:
      return bytes
  }
}

/** The problem of an image whose variants could not be made, on its own file. */
export function variantProblem(failure: VariantFailure): SiteProblem {
  return {
    severity: 'error',
    line: 1,
    column: 1,
    rule: 'image-unreadable',
    message: `image ${failure.source} ${failure.reason}`,
    file: failure.source
  }
}
