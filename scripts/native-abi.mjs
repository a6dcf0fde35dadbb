// Checks that better-sqlite3's native binary matches the runtime that will load it, and rebuilds it only
// when it does not.
//   node scripts/native-abi.mjs            -> for Node (tests, CLI, browser harness); rebuilds from source
//   node scripts/native-abi.mjs --electron -> for the desktop app, via electron-builder install-app-deps
//                                             (needs the network on the user's machine; never run by tests/CI)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const forElectron = process.argv.includes('--electron')

function loadsInNode() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
    return { ok: true }
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
}

// Which runtime the binary was last built for, so the Electron rebuild runs once, not at every start.
const STAMP = 'node_modules/.pai-native-target'
const electronVersion = require('electron/package.json').version

if (forElectron) {
  const target = `electron-${electronVersion}`
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === target) {
    console.log(`native modules already built for Electron ${electronVersion}`)
    process.exit(0)
  }
  console.log('Rebuilding native modules for Electron (electron-builder install-app-deps)...')
  execFileSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit' })
  fs.writeFileSync(STAMP, target)
  console.log('Done. Tests and the CLI rebuild them for Node again when they next run (npm test does it).')
  process.exit(0)
}

const first = loadsInNode()
if (first.ok) {
  fs.writeFileSync(STAMP, `node-${process.versions.modules}`)
  console.log(`better-sqlite3 loads in Node ${process.version} (ABI ${process.versions.modules}): nothing to do`)
  process.exit(0)
}
if (
  !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|wrong ELF/i.test(first.message)
) {
  console.error(`better-sqlite3 does not load, and not because of its ABI:\n${first.message}`)
  process.exit(1)
}
console.log(
  `better-sqlite3 was built for another runtime (${first.message.split('\n')[0]}); rebuilding for Node ${process.version}...`,
)
execFileSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' })
const second = loadsInNode()
if (!second.ok) {
  console.error(`better-sqlite3 still does not load after the rebuild:\n${second.message}`)
  process.exit(1)
}
fs.writeFileSync(STAMP, `node-${process.versions.modules}`)
console.log('better-sqlite3 rebuilt for Node: ok')
