/**
 * Real Chromium for the browser suites: Debian's `/usr/bin/chromium` driven by playwright-core,
 * which never downloads a browser of its own. Where no Chromium is installed, the suites are
 * skipped and say why; with FACTDESK_REQUIRE_BROWSER=1 (set by `.ci/run`) a missing Chromium
 * fails them instead, so CI can never pass by skipping.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { describe } from 'vitest'
import type { Browser } from 'playwright-core'

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = '/usr/bin/chromium'

/** Flags for a headless browser in a container: no sandbox, GPU, background traffic or updates. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

const installed = existsSync(chromiumPath)
const required = process.env.FACTDESK_REQUIRE_BROWSER === '1'

/** Whether the browser suites are skipped: no Chromium here, and CI did not ask for one. */
export const skipBrowser = !installed && !required

if (skipBrowser) {
  console.warn(
    `browser tests SKIPPED: no Chromium at ${chromiumPath} (install it with: apt-get install chromium). ` +
      'Set FACTDESK_REQUIRE_BROWSER=1 to make a missing browser fail the suite.'
  )
}

/** `describe` for a suite that needs Chromium: skipped with the message above when there is none. */
export const describeInBrowser = describe.skipIf(skipBrowser)

/** Launches Chromium; throws (failing the suite) when it is required but not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!installed) {
    throw new Error(
      `FACTDESK_REQUIRE_BROWSER=1 but there is no Chromium at ${chromiumPath}; install it with: apt-get install chromium`
    )
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}
