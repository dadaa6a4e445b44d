#!/usr/bin/env node
// The compiled CLI lives in lib/: shipped in the package, built by `npm install` (the `prepare`
// script) in a checkout. Without it, one line says what to do instead of a module stack trace.
let cli
try {
  cli = await import('../lib/cli.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/cli.js'))
    throw error
  process.stderr.write(
    'factdesk: lib/ is missing, so factdesk was installed without being compiled. In a checkout of\n' +
      'factdesk, run npm install (it compiles src/ into lib/); in a site, reinstall factdesk from\n' +
      'its package (npm install factdesk-X.tgz) or from git.\n'
  )
  process.exit(2)
}
process.exitCode = await cli.main(process.argv.slice(2))
