#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` through the `prepare` script).
import { main } from '../lib/cli.js'

process.exitCode = await main(process.argv.slice(2))
