// Runs Electronegativity (Doyensec's Electron security scanner) over the Electron code and fails on any
// finding that is not suppressed with an `eng-disable` comment. Electronegativity 1.10.3 relies on a hoisted
// `commander` of version 6 or older; the project uses a newer one, so its require is pointed at commander-v6.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Module from 'node:module'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const commanderV6 = require.resolve('commander-v6')
const origResolve = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  if (
    request === 'commander' &&
    parent?.filename?.includes(`${path.sep}@doyensec${path.sep}electronegativity${path.sep}`)
  ) {
    return commanderV6
  }
  return origResolve.call(this, request, parent, ...rest)
}

// The scan covers the Electron code and the renderer's HTML (where the meta CSP lives), copied side by side.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eng-'))
const target = path.join(work, 'app')
fs.cpSync('electron', path.join(target, 'electron'), { recursive: true })
fs.mkdirSync(path.join(target, 'renderer'))
fs.copyFileSync('renderer/index.html', path.join(target, 'renderer', 'index.html'))
const outFile = path.join(work, 'report.csv')
process.argv = [process.argv[0], 'electronegativity', '-i', target, '-e', '45.5.0', '-o', outFile]

const done = new Promise((resolve) => {
  const started = Date.now()
  const timer = setInterval(() => {
    if (fs.existsSync(outFile) && fs.statSync(outFile).size > 0) {
      clearInterval(timer)
      setTimeout(resolve, 200)
    } else if (Date.now() - started > 120_000) {
      clearInterval(timer)
      console.error('electronegativity: no report after 120 s')
      process.exit(1)
    }
  }, 100)
})
const origLog = console.log
console.log = () => {} // its own table is noisy; the report is read below
require('@doyensec/electronegativity/dist/index.js')
await done
console.log = origLog

const lines = fs.readFileSync(outFile, 'utf8').trim().split('\n')
const findings = lines.slice(1).filter((l) => l.trim() !== '')
if (findings.length > 0) {
  console.error(`electronegativity: ${findings.length} finding(s):`)
  console.error(lines[0])
  for (const f of findings) console.error(f)
  process.exit(1)
}
console.log('electronegativity: no findings in electron/ and renderer/index.html (Electron 45.5.0 checks)')
process.exit(0)
