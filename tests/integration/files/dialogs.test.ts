import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { Core } from '../../../core/core'
import type { FileDialogs } from '../../../core/services/files'
import { testCore } from '../../helpers/core'

// The OS dialog is the one part that cannot run here: it is replaced by the user's answer (a path, or cancel).
// Everything after it (the channel, validation, writing and reading the real file) is the product's code.
let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

const dir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'pai-files-'))

function withDialogs(answer: { save?: string | null; open?: string | null }, asked: unknown[] = []): Core {
  const dialogs: FileDialogs = {
    chooseSavePath: async (o) => (asked.push(o), answer.save ?? null),
    chooseOpenPath: async (o) => (asked.push(o), answer.open ?? null),
  }
  core = testCore({ dataDir: dir(), fileDialogs: dialogs })
  return core
}

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}

describe('files through the desktop dialogs (files.save, files.open)', () => {
  it('D4: saves the content where the user chose, with localized filters; cancel writes nothing', async () => {
    const target = path.join(dir(), 'team.yaml')
    const asked: unknown[] = []
    const c = withDialogs({ save: target }, asked)
    const res = value<{ saved: boolean; fileName: string }>(
      await c.call(
        'files.save',
        { suggestedName: 'team.yaml', kind: 'bundle', content: 'version: 1\n' },
        { locale: 'zh-CN' },
      ),
    )
    expect(res).toEqual({ saved: true, fileName: 'team.yaml' })
    expect(fs.readFileSync(target, 'utf8')).toBe('version: 1\n')
    expect(asked[0]).toMatchObject({
      title: '保存文件',
      suggestedName: 'team.yaml',
      filters: [{ name: '配置包(YAML、JSON)', extensions: ['yaml', 'yml', 'json'] }],
    })
    // binary content (XLSX) arrives as base64 and is written as bytes
    const xlsx = path.join(dir(), 'a.xlsx')
    const c2 = withDialogs({ save: xlsx })
    value(
      await c2.call('files.save', {
        suggestedName: 'a.xlsx',
        kind: 'xlsx',
        content: Buffer.from([0x50, 0x4b, 3, 4]).toString('base64'),
        encoding: 'base64',
      }),
    )
    expect([...fs.readFileSync(xlsx)]).toEqual([0x50, 0x4b, 3, 4])
    const c3 = withDialogs({ save: null })
    expect(value(await c3.call('files.save', { suggestedName: 'x.csv', kind: 'csv', content: 'a' }))).toEqual({
      saved: false,
      fileName: null,
    })
  })

  it('D4: a path instead of a name is refused; opening reads the chosen file, refuses binary content', async () => {
    const c = withDialogs({ save: path.join(dir(), 'x') })
    const bad = await c.call('files.save', { suggestedName: '../../etc/passwd', kind: 'csv', content: 'x' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION')

    const text = path.join(dir(), 'b.json')
    fs.writeFileSync(text, '{"version":1}')
    const c2 = withDialogs({ open: text })
    expect(value(await c2.call('files.open', { kind: 'bundle' }))).toEqual({
      opened: true,
      fileName: 'b.json',
      content: '{"version":1}',
    })
    const bin = path.join(dir(), 'c.yaml')
    fs.writeFileSync(bin, Buffer.from([0xff, 0xfe, 0x00, 0x81]))
    const c3 = withDialogs({ open: bin })
    const refused = await c3.call('files.open', { kind: 'bundle' }, { locale: 'en' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'BUNDLE_BINARY', ruleId: 'D4' })
  })

  it('without a desktop (the browser harness, the CLI) the channels say there is no dialog, in the user language', async () => {
    core = testCore({ dataDir: dir() })
    const r = await core.call('files.open', { kind: 'csv' }, { locale: 'zh-CN' })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'FILE_DIALOG_UNAVAILABLE',
        message: expect.stringContaining('系统文件对话框'),
      })
  })
})
