/**
 * Builds a benchmark corpus with Eleventy 3, as a child process of the benchmark so that its time
 * and peak memory are measured the same way as factdesk's and Hugo's.
 *
 * Usage: node test/bench/eleventy/build.mjs CORPUS OUT
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import console from 'node:console'
import { URL, fileURLToPath } from 'node:url'
import Eleventy from '@11ty/eleventy'
import { parse } from 'yaml'

const [corpus, out] = process.argv.slice(2)
if (corpus === undefined || out === undefined) {
  console.error('usage: node test/bench/eleventy/build.mjs CORPUS OUT')
  process.exit(2)
}

const site = parse(await readFile(join(corpus, 'data', 'site.yaml'), 'utf8'))
const elev = new Eleventy(join(corpus, 'content'), out, {
  configPath: fileURLToPath(new URL('./eleventy.config.mjs', import.meta.url)),
  quietMode: true,
  config: (eleventyConfig) => {
    eleventyConfig.addGlobalData('site', { language: 'en', description: '', ...site })
  }
})
await elev.write()
