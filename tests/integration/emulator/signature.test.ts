import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningEmulator } from '../../../tools/emulator'
import { startEmulator } from '../../../tools/emulator'
import { ALICE, LIBS, MAIN, failure, rawRequest, signAcs3, signedHeaders, startTestEmulator } from './support'

/** docs/pai-api-facts.md §4.6: the two verified vectors, sent byte for byte to an emulator whose clock is pinned to their date. */
describe('ACS3 signature: the §4.6 vectors', () => {
  let emu: RunningEmulator
  const vectorTime = Date.parse('2024-01-01T00:00:00Z')
  beforeAll(async () => {
    emu = await startEmulator(
      { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      { clock: () => vectorTime + 60_000 },
    )
  })
  afterAll(() => emu.close())

  const common = {
    host: 'aiworkspace.cn-hangzhou.aliyuncs.com',
    'x-acs-version': '2021-02-04',
    'x-acs-date': '2024-01-01T00:00:00Z',
    'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/1',
    accept: 'application/json',
  }

  it('vector 1 (POST CreateWorkspace with a JSON body) is accepted', async () => {
    const body = '{"WorkspaceName":"ws_demo","Description":"demo","EnvTypes":["prod"]}'
    const res = await rawRequest(emu, {
      method: 'POST',
      path: '/api/v1/workspaces',
      headers: {
        ...common,
        'x-acs-action': 'CreateWorkspace',
        'x-acs-signature-nonce': 'nonce-123',
        'content-type': 'application/json; charset=utf-8',
        'x-acs-content-sha256': 'ac179e79da391b3fe79a35cdef33effdb9a30b921fca8887e876927823190583',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=358e1761820a829fc93bc06095431fb93db6b3f899675797fd86d0cf0e780f55',
      },
      body,
    })
    expect(res.status).toBe(200)
    expect(res.body.WorkspaceId).toMatch(/^\d+$/)
  })

  it('vector 2 (GET ListWorkspaces with * ( ) and a space in the query) is accepted', async () => {
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      // The wire query of the vector, unchanged: querystring.stringify leaves * ( ) unescaped.
      const req = http.request(
        {
          host: emu.host,
          port: emu.port,
          method: 'GET',
          path: '/api/v1/workspaces?PageNumber=1&PageSize=20&WorkspaceName=a%20b*(x)',
          headers: {
            ...common,
            'x-acs-action': 'ListWorkspaces',
            'x-acs-signature-nonce': 'n2',
            'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            authorization:
              'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=ac38b708ca667799750bad2c6115e712fe6c216cc88ab53baae2dca831987e07',
          },
        },
        (r) => {
          let text = ''
          r.on('data', (c: Buffer) => (text += c.toString()))
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text }))
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(res.status, res.text).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ TotalCount: 0, Workspaces: [] })
  })

  it('vector 1 with one changed signature digit is refused with 403 SignatureDoesNotMatch', async () => {
    const res = await rawRequest(emu, {
      method: 'POST',
      path: '/api/v1/workspaces',
      headers: {
        ...common,
        'x-acs-action': 'CreateWorkspace',
        'x-acs-signature-nonce': 'nonce-124',
        'content-type': 'application/json; charset=utf-8',
        'x-acs-content-sha256': 'ac179e79da391b3fe79a35cdef33effdb9a30b921fca8887e876927823190583',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=358e1761820a829fc93bc06095431fb93db6b3f899675797fd86d0cf0e780f55',
      },
      body: '{"WorkspaceName":"ws_demo","Description":"demo","EnvTypes":["prod"]}',
    })
    expect(res.status).toBe(403)
    expect(res.body.Code).toBe('SignatureDoesNotMatch')
  })
})

describe('ACS3 signature: refusals', () => {
  let emu: RunningEmulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.close())

  const list = (o: Partial<Parameters<typeof signedHeaders>[1]> = {}): Parameters<typeof signedHeaders>[1] => ({
    method: 'GET',
    pathname: '/api/v1/workspaces',
    action: 'ListWorkspaces',
    ...o,
  })

  it('a correctly signed request by hand is accepted (control for the cases below)', async () => {
    const res = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: signedHeaders(MAIN, list()),
    })
    expect(res.status).toBe(200)
  })

  it('a tampered body (same headers, other bytes) is refused with 403 SignatureDoesNotMatch', async () => {
    const body = JSON.stringify({ WorkspaceName: 'ws_ok', Description: 'd', EnvTypes: ['prod'] })
    const headers = signedHeaders(MAIN, {
      method: 'POST',
      pathname: '/api/v1/workspaces',
      action: 'CreateWorkspace',
      body,
    })
    const res = await rawRequest(emu, {
      method: 'POST',
      path: '/api/v1/workspaces',
      headers,
      body: body.replace('ws_ok', 'ws_no'),
    })
    expect(res.status).toBe(403)
    expect(res.body.Code).toBe('SignatureDoesNotMatch')
    expect(String(res.body.Message)).toContain('x-acs-content-sha256')
    expect(emu.state().createCalls).toEqual({})
  })

  it.each(LIBS)('a wrong secret is refused with 403 SignatureDoesNotMatch (%s)', async (_lib, make) => {
    const f = await failure(
      make(emu, { accessKeyId: MAIN.accessKeyId, accessKeySecret: 'not-the-secret' }).roa(
        'ListWorkspaces',
        'GET',
        '/api/v1/workspaces',
      ),
    )
    expect(f).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' })
  })

  it.each(LIBS)('an unknown AccessKey ID is refused with InvalidAccessKeyId.NotFound (%s)', async (_lib, make) => {
    const f = await failure(
      make(emu, { accessKeyId: 'TESTAK5tNobodyKnowsThis', accessKeySecret: 'x' }).roa(
        'ListWorkspaces',
        'GET',
        '/api/v1/workspaces',
      ),
    )
    expect(f).toMatchObject({ status: 404, code: 'InvalidAccessKeyId.NotFound' })
  })

  it('a stale x-acs-date (20 minutes old) is refused with InvalidTimeStamp.Expired; 14 minutes is still accepted', async () => {
    const stale = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: signedHeaders(MAIN, list({ date: new Date(Date.now() - 20 * 60_000) })),
    })
    expect(stale.status).toBe(400)
    expect(stale.body.Code).toBe('InvalidTimeStamp.Expired')
    const edge = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: signedHeaders(MAIN, list({ date: new Date(Date.now() - 14 * 60_000) })),
    })
    expect(edge.status).toBe(200)
    const future = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: signedHeaders(MAIN, list({ date: new Date(Date.now() + 20 * 60_000) })),
    })
    expect(future.body.Code).toBe('InvalidTimeStamp.Expired')
  })

  it('a reused nonce is refused with SignatureNonceUsed (a replay of the same signed request)', async () => {
    const headers = signedHeaders(MAIN, list({ nonce: 'replayed-nonce-1' }))
    expect((await rawRequest(emu, { method: 'GET', path: '/api/v1/workspaces', headers })).status).toBe(200)
    const again = await rawRequest(emu, { method: 'GET', path: '/api/v1/workspaces', headers })
    expect(again.status).toBe(400)
    expect(again.body.Code).toBe('SignatureNonceUsed')
    // The nonce is per AccessKey: another key may use the same value.
    const other = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: signedHeaders(ALICE, list({ nonce: 'replayed-nonce-1' })),
    })
    expect(other.status).toBe(200)
  })

  it('accepts any SignedHeaders list that covers the required headers (an extra x-acs-* header signed)', async () => {
    const headers = signedHeaders(MAIN, list())
    const extra: Record<string, string> = { ...headers, 'x-acs-credentials-provider': 'static_ak' }
    delete extra.authorization
    extra.authorization = signAcs3(MAIN, { method: 'GET', pathname: '/api/v1/workspaces', headers: extra })
    expect(extra.authorization).toContain('x-acs-credentials-provider')
    expect((await rawRequest(emu, { method: 'GET', path: '/api/v1/workspaces', headers: extra })).status).toBe(200)
  })

  it('refuses a request whose nonce header is not signed (IncompleteSignature) and one without Authorization', async () => {
    const headers = signedHeaders(MAIN, list())
    const { 'x-acs-signature-nonce': nonce, authorization: _a, ...rest } = headers
    const auth = signAcs3(MAIN, { method: 'GET', pathname: '/api/v1/workspaces', headers: rest })
    const res = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces',
      headers: { ...rest, 'x-acs-signature-nonce': nonce!, authorization: auth },
    })
    expect(res.status).toBe(400)
    expect(res.body.Code).toBe('IncompleteSignature')
    const none = await rawRequest(emu, { method: 'GET', path: '/api/v1/workspaces', headers: rest })
    expect(none.body.Code).toBe('MissingAuthorization')
  })

  it('signs path parameters as sent: a percent-encoded member ID and role name round-trip', async () => {
    const res = await rawRequest(emu, {
      method: 'GET',
      path: '/api/v1/workspaces/no%20such',
      headers: signedHeaders(MAIN, { method: 'GET', pathname: '/api/v1/workspaces/no%20such', action: 'GetWorkspace' }),
    })
    expect(res.status).toBe(404)
    expect(res.body.Code).toBe('100400027')
  })
})
