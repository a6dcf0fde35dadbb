import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../core/ipc/dispatch'
import type { HandlerTable } from '../../../core/ipc/types'
import { AppError } from '@shared/ipc/errors'
import { testCore } from '../../helpers/core'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'

function tableWith(overrides: Partial<HandlerTable>): HandlerTable {
  const core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-disp-')) })
  return { ...core.handlers, ...overrides } as HandlerTable
}

describe('dispatch: the IPC boundary', () => {
  it('routes a valid request to its handler and returns the value', async () => {
    const table = tableWith({})
    const res = await dispatch(table, 'app.ping', { text: 'hi' }, { locale: 'en', transport: 'test' })
    expect(res.ok).toBe(true)
    if (res.ok) expect((res.value as { text: string }).text).toBe('hi')
  })

  it('refuses an unknown channel with UNKNOWN_CHANNEL', async () => {
    const res = await dispatch(tableWith({}), 'fs.readFile', {}, { locale: 'en', transport: 'test' })
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const proto = await dispatch(tableWith({}), '__proto__', {}, { locale: 'en', transport: 'test' })
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('refuses a bad payload with VALIDATION and never calls the handler', async () => {
    const spy = vi.fn()
    const table = tableWith({ 'app.ping': spy as never })
    for (const bad of [{ text: 42 }, { text: 'x', extra: true }, 'string', [1, 2], { text: 'x'.repeat(1001) }]) {
      const res = await dispatch(table, 'app.ping', bad, { locale: 'en', transport: 'test' })
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(spy).not.toHaveBeenCalled()
  })

  it('renders error messages in the caller language', async () => {
    const zh = await dispatch(tableWith({}), 'app.ping', { text: 1 }, { locale: 'zh-CN', transport: 'test' })
    const en = await dispatch(tableWith({}), 'app.ping', { text: 1 }, { locale: 'en', transport: 'test' })
    expect(!zh.ok && zh.error.message).toMatch(/请求参数无效/)
    expect(!en.ok && en.error.message).toMatch(/Invalid request/)
  })

  it('maps an AppError to {code, ruleId, message, details}', async () => {
    const table = tableWith({
      'app.ping': () => {
        throw new AppError('NOT_FOUND', { ruleId: 'M6', params: { what: 'x' }, details: { a: 1 } })
      },
    })
    const res = await dispatch(table, 'app.ping', { text: 'a' }, { locale: 'en', transport: 'test' })
    expect(res).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', ruleId: 'M6', message: 'x not found', details: { a: 1 } },
    })
  })

  it('turns an unexpected exception into INTERNAL without a stack', async () => {
    const table = tableWith({
      'app.ping': () => {
        throw new TypeError('boom')
      },
    })
    const res = await dispatch(table, 'app.ping', { text: 'a' }, { locale: 'en', transport: 'test' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(res)).not.toContain('at ')
  })

  it('strips fields a handler returns beyond the contract, and refuses a wrong shape', async () => {
    const leaky = tableWith({ 'app.ping': (() => ({ text: 'a', at: 'now', secret: 'S3CRET' })) as never })
    const res = await dispatch(leaky, 'app.ping', { text: 'a' }, { locale: 'en', transport: 'test' })
    expect(JSON.stringify(res)).not.toContain('S3CRET')
    const wrong = tableWith({ 'app.ping': (() => ({ text: 1 })) as never })
    const res2 = await dispatch(wrong, 'app.ping', { text: 'a' }, { locale: 'en', transport: 'test' })
    expect(res2).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } })
  })
})
