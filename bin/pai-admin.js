#!/usr/bin/env node
// pai-admin: the command-line interface, running the same core as the desktop app.
'use strict'
const path = require('node:path')
const fs = require('node:fs')
const entry = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(entry)) {
  process.stderr.write('pai-admin is not built yet. Run "npm run build" in ' + path.join(__dirname, '..') + ' first.\n')
  process.exit(2)
}
require(entry)
