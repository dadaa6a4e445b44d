/** The articles' images (issue 18): every variant file, under `assets/images/`. */
import type { Output } from './output.js'

/** Each variant made of an image, blamed on its source should its path be taken. */
export const images: Output = {
  name: 'images',
  render(context) {
    for (const file of context.imageFiles) {
      const content = file.read()
      if (content === undefined) {
        context.problems.push({
          severity: 'error',
          line: 1,
          column: 1,
          rule: 'image-unreadable',
          message: `the variant ${file.path} kept in the build cache was damaged during the build; build again`,
          file: file.source
        })
        continue
      }
      context.add({ path: file.path, content }, `the image ${file.source}`, file.source)
    }
  }
}
