/**
 * Names of the folders a build keeps beside (or, in place, inside) its output while it writes.
 * Each carries a tag made from the output's name rather than the name itself: `site` and
 * `site-preview` must never match each other's leftovers (a prefix of the name would), and an
 * output named near the file system's limit of 255 bytes must still have room for them.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'

const stagingPrefix = '.factdesk-staging-'
const retiredPrefix = '.factdesk-retired-'

/** The staging folder's name for a build of `target`: unique to this process and moment. */
export function stagingName(target: string): string {
  return `${stagingPrefix}${tagOf(target)}-${process.pid}-${Date.now()}`
}

/** The name the previous output of `target` takes while a swap retires it. */
export function retiredName(target: string): string {
  return `${retiredPrefix}${tagOf(target)}-${process.pid}-${Date.now()}`
}

/** The name of `target`'s lock, beside it. */
export function lockBase(target: string): string {
  return `.factdesk-${tagOf(target)}`
}

/** Whether `name` is a leftover staging folder of `target` (of this or a killed build). */
export function isStagingOf(name: string, target: string): boolean {
  return name.startsWith(`${stagingPrefix}${tagOf(target)}-`)
}

/** Whether `name` is a previous output of `target` that a swap retired. */
export function isRetiredOf(name: string, target: string): boolean {
  return name.startsWith(`${retiredPrefix}${tagOf(target)}-`)
}

/** Whether `name` is any build's staging folder. */
export function isStagingName(name: string): boolean {
  return name.startsWith(stagingPrefix)
}

function tagOf(target: string): string {
  return createHash('sha256').update(basename(target)).digest('hex').slice(0, 12)
}
