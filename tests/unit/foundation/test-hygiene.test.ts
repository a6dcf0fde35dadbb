import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// What keeps the tests honest and an admin's keychain safe, where no linter looks: every core a test makes has
// the tests' own keychain service (tests/helpers/core.ts) and is closed; no Vault is opened on the app's service.

const root = path.resolve(__dirname, '../../..')

function sources(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|mts)$/.test(e.name)) out.push(path.relative(root, path.join(e.parentPath, e.name)))
  }
  return out
}

/** The text of every call `name(...)` in a source (to the matching parenthesis). */
function callsOf(src: string, name: string): string[] {
  const out: string[] = []
  for (let i = src.indexOf(`${name}(`); i >= 0; i = src.indexOf(`${name}(`, i + 1)) {
    let depth = 0
    let j = i + name.length
    for (; j < src.length; j++) {
      if (src[j] === '(') depth++
      else if (src[j] === ')' && --depth === 0) break
    }
    out.push(src.slice(i, j + 1))
  }
  return out
}

const testFiles = [...sources('tests'), ...sources('bench')].filter(
  (f) => f !== path.join('tests', 'helpers', 'core.ts'),
)

describe('tests that cannot lie', () => {
  it('D2: no test or benchmark creates a core on the app keychain service: testCore(), or an explicit keychainService', () => {
    const offenders = testFiles.flatMap((f) =>
      callsOf(fs.readFileSync(path.join(root, f), 'utf8'), 'createCore')
        .filter((c) => !c.includes('keychainService'))
        .map((c) => `${f}: ${c.slice(0, 80)}`),
    )
    expect(offenders).toEqual([])
  })
  it('D2: no test opens the keychain through a Vault without its own service name', () => {
    const offenders = testFiles.flatMap((f) =>
      callsOf(fs.readFileSync(path.join(root, f), 'utf8'), 'new Vault')
        .filter((c) => !/service:/.test(c))
        .map((c) => `${f}: ${c}`),
    )
    expect(offenders).toEqual([])
  })
  it('the test runners give child processes (CLI, harness, seeds) the tests keychain service too', () => {
    for (const config of ['vitest.config.mts', 'playwright.config.mts'])
      expect(fs.readFileSync(path.join(root, config), 'utf8'), config).toMatch(
        /PAI_ADMIN_KEYCHAIN_SERVICE\S*\s*[:=?]+\s*'pai-workspace-admin-test'/,
      )
  })
})
