import crypto from 'node:crypto'
import { OpenApiUtil } from '@alicloud/openapi-core'
import * as $dara from '@darabonba/typescript'
import { describe, expect, it } from 'vitest'
import { acs3Signature, acsEncode, canonicalRequest } from '../../../tools/emulator/acs3'
import { dingTalkSign } from '../../../core/cloud/dingtalk'

/** docs/pai-api-facts.md §4.6 and §6: the published vectors, computed by openapi-core and by the emulator's own verifier. */

const common = {
  host: 'aiworkspace.cn-hangzhou.aliyuncs.com',
  'x-acs-version': '2021-02-04',
  'x-acs-date': '2024-01-01T00:00:00Z',
}
const body1 = '{"WorkspaceName":"ws_demo","Description":"demo","EnvTypes":["prod"]}'
const vectors = [
  {
    name: 'vector 1: POST CreateWorkspace',
    method: 'POST',
    path: '/api/v1/workspaces',
    query: {} as Record<string, string>,
    headers: {
      ...common,
      'x-acs-action': 'CreateWorkspace',
      'x-acs-signature-nonce': 'nonce-123',
      'content-type': 'application/json; charset=utf-8',
    } as Record<string, string>,
    body: body1,
    signedHeaders: 'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    signature: '358e1761820a829fc93bc06095431fb93db6b3f899675797fd86d0cf0e780f55',
  },
  {
    name: 'vector 2: GET ListWorkspaces',
    method: 'GET',
    path: '/api/v1/workspaces',
    query: { PageNumber: '1', PageSize: '20', WorkspaceName: 'a b*(x)' },
    headers: { ...common, 'x-acs-action': 'ListWorkspaces', 'x-acs-signature-nonce': 'n2' } as Record<string, string>,
    body: '',
    signedHeaders: 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    signature: 'ac38b708ca667799750bad2c6115e712fe6c216cc88ab53baae2dca831987e07',
  },
]

describe('ACS3 vectors (§4.6)', () => {
  it('the body hash of vector 1 is the published one', () => {
    expect(crypto.createHash('sha256').update(body1).digest('hex')).toBe(
      'ac179e79da391b3fe79a35cdef33effdb9a30b921fca8887e876927823190583',
    )
  })

  it.each(vectors)('$name: openapi-core getAuthorization gives the published header', (v) => {
    const hash = crypto.createHash('sha256').update(v.body).digest('hex')
    const req = new $dara.Request()
    req.method = v.method
    req.pathname = v.path
    req.query = v.query
    req.headers = { ...v.headers, 'x-acs-content-sha256': hash, 'user-agent': 'x', accept: 'application/json' }
    expect(OpenApiUtil.getAuthorization(req, 'ACS3-HMAC-SHA256', hash, 'testid', 'testsecret')).toBe(
      `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${v.signedHeaders},Signature=${v.signature}`,
    )
  })

  it.each(vectors)('$name: the emulator verifier computes the same signature', (v) => {
    const hash = crypto.createHash('sha256').update(v.body).digest('hex')
    const headers: Record<string, string> = { ...v.headers, 'x-acs-content-sha256': hash }
    const parts = {
      method: v.method,
      rawPath: v.path,
      query: v.query,
      headers,
      signedHeaders: v.signedHeaders.split(';'),
      payloadHash: hash,
    }
    expect(acs3Signature('testsecret', parts)).toBe(v.signature)
    expect(acs3Signature('wrongsecret', parts)).not.toBe(v.signature)
  })

  it('canonical query encodes * ( ) ! and spaces as the server expects', () => {
    expect(acsEncode("a b*(x)!'")).toBe('a%20b%2A%28x%29%21%27')
    const c = canonicalRequest({
      method: 'GET',
      rawPath: '/p',
      query: { b: '2', a: 'x y' },
      headers: { host: 'h' },
      signedHeaders: ['host'],
      payloadHash: 'e3',
    })
    expect(c.split('\n')).toEqual(['GET', '/p', 'a=x%20y&b=2', 'host:h', '', 'host', 'e3'])
  })
})

describe('DingTalk signing (§6)', () => {
  it('secret SECtest at 1700000000000 gives the published sign', () => {
    expect(dingTalkSign('SECtest', 1700000000000)).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=')
    expect(encodeURIComponent(dingTalkSign('SECtest', '1700000000000'))).toBe(
      'aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D',
    )
  })
})
