import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, runCli } from './support'

/** pai-admin commands that need no keychain, database or cloud: `validate` offline, usage errors. */

const FIX = path.resolve(__dirname, '../../fixtures/bundles')

beforeAll(() => ensureBuilt(), 180_000)

describe('pai-admin offline', { timeout: 120_000 }, () => {
  it('D4: validate takes several files and reports the problems of each (exit 1 when any has an error)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-offline-'))
    const r = await runCli([
      '--data-dir',
      dataDir,
      'validate',
      path.join(FIX, 'valid.yaml'),
      path.join(FIX, 'M5-member-no-role.yaml'),
      path.join(FIX, 'E5-sms-region.yaml'),
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/valid\.yaml: OK/)
    expect(r.stdout).toMatch(/M5-member-no-role\.yaml:\d+:\d+: error \[M5\]/)
    expect(r.stdout).toMatch(/E5-sms-region\.yaml:\d+:\d+: error \[E5\]/)
    // Offline validation opens no database.
    expect(fs.readdirSync(dataDir)).toEqual([])
    const json = await runCli([
      'validate',
      path.join(FIX, 'valid.yaml'),
      path.join(FIX, 'v1alpha1.yaml'),
      '--output',
      'json',
    ])
    expect(json.code).toBe(1)
    const doc = JSON.parse(json.stdout) as { ok: boolean; files: Array<{ file: string; ok: boolean }> }
    expect(doc.ok).toBe(false)
    expect(doc.files.map((f) => f.ok)).toEqual([true, false])
    const good = await runCli(['validate', path.join(FIX, 'valid.yaml')])
    expect(good.code).toBe(0)
  })

  it('D4: a binary or oversized file is refused with a clear message (exit 1)', async () => {
    const r = await runCli(['validate', path.join(FIX, 'D4-binary.yaml')])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/\[D4\] This is not a text file/)
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-big-')), 'big.yaml')
    fs.writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 0x61))
    const b = await runCli(['validate', big])
    expect(b.code).toBe(1)
    expect(b.stdout).toMatch(/too large/)
  })

  it('exit 2: validate with no file, or an unknown option', async () => {
    expect((await runCli(['validate'])).code).toBe(2)
    expect((await runCli(['validate', 'x.yaml', '--bogus'])).code).toBe(2)
  })

  it('the messages follow --lang (zh-CN uses the console terms)', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'validate', path.join(FIX, 'M5-member-no-role.yaml')])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/\[M5\]/)
    expect(r.stdout).toMatch(/[\u4e00-\u9fff]/)
    expect(r.stdout).toMatch(/^1 个错误,0 个警告$/m)
    const en = await runCli(['--lang', 'en', 'validate', path.join(FIX, 'M5-member-no-role.yaml')])
    expect(en.stdout).toMatch(/^1 error, 0 warnings$/m)
  })
})

describe('pai-admin prints nothing raw from a hostile file', { timeout: 120_000 }, () => {
  const FORGED = 'x\n::error file=ci.yml,line=1::forged annotation'
  const ESCAPES = '\u001b[2J\u009b31m\u2028red\u202e'
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-hostile-')), 'ci.yaml')
  fs.writeFileSync(
    file,
    fs
      .readFileSync(path.join(FIX, 'valid.yaml'), 'utf8')
      .replace(
        '        name: team_a',
        `        name: team_a\n        ${JSON.stringify(FORGED)}: 1\n        ${JSON.stringify(ESCAPES)}: 2`,
      ),
  )
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/

  it('D4: validate (table and JSON): control characters escaped, no line starts with text from the file', async () => {
    for (const args of [
      ['validate', file],
      ['validate', file, '--output', 'json'],
      ['validate', file, file],
    ]) {
      const r = await runCli(args)
      expect(r.code).toBe(1)
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toMatch(RAW)
        for (const line of out.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false)
      }
      expect(r.stdout).toContain('::error file=ci.yml')
    }
    const json = await runCli(['validate', file, '--output', 'json'])
    const doc = JSON.parse(json.stdout) as { problems: Array<{ params: { key?: string } }> }
    // The JSON still holds the keys exactly (escaped in the text, decoded by any JSON reader).
    expect(doc.problems.map((p) => p.params.key)).toEqual([FORGED, ESCAPES])
  })
})
