/**
 * The images of the `images-site` fixture, made with sharp when a test starts rather than
 * committed: a 2000x1333 JPEG photo beside the article and a 700x400 PNG chart in `public/`.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const fixture = fileURLToPath(new URL('../fixtures/images-site/', import.meta.url))

/** Site-relative paths of the fixture's images. */
export const photoPath = 'content/2025/11/04/harbour.jpg'
export const chartPath = 'public/charts/volume.png'

/** A picture with some detail, so that encoders have work to do: `width` x `height`. */
export function testImage(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
    <rect width="100%" height="100%" fill="#8ab"/>
    <circle cx="${width / 3}" cy="${height / 2}" r="${height / 3}" fill="#d52"/>
    <rect x="${width / 2}" y="${height / 5}" width="${width / 4}" height="${height / 2}" fill="#235"/>
  </svg>`
  const image = sharp(Buffer.from(svg))
  return (format === 'jpeg' ? image.jpeg({ quality: 85 }) : image.png()).toBuffer()
}

/** Copies the fixture into `root` and writes its images. */
export async function writeImagesSite(root: string): Promise<void> {
  await cp(fixture, root, { recursive: true })
  await writeAt(root, photoPath, await testImage(2000, 1333, 'jpeg'))
  await writeAt(root, chartPath, await testImage(700, 400, 'png'))
}

async function writeAt(root: string, path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), bytes)
}
