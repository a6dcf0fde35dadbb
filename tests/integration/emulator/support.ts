import crypto from 'node:crypto'
import http from 'node:http'
import CoreClient, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core'
import LegacyClient, * as $Legacy from '@alicloud/openapi-client'
import * as $TeaUtil from '@alicloud/tea-util'
import * as $dara from '@darabonba/typescript'
import {
  startEmulator,
  type AccountInput,
  type EmulatorOptionsInput,
  type RunningEmulator,
  type StartExtras,
} from '../../../tools/emulator'

/** Shared fixtures of the emulator contract suite and the cloud client suite. */

export const MAIN: AccountInput = {
  accessKeyId: 'TESTAK5tMainAccount0001',
  accessKeySecret: 'main-secret-0001',
  type: 'main',
  uid: '1700000000000001',
  name: 'acme',
}
/** A RAM user with AliyunPAIFullAccess (A3 satisfied). */
export const ALICE: AccountInput = {
  accessKeyId: 'TESTAK5tRamAlice0000001',
  accessKeySecret: 'alice-secret-0001',
  type: 'ram',
  uid: '2700000000000001',
  name: 'alice',
  policies: ['AliyunPAIFullAccess', 'AliyunEventBridgeFullAccess'],
}
/** A RAM user without AliyunPAIFullAccess. */
export const BOB: AccountInput = {
  accessKeyId: 'TESTAK5tRamBob000000001',
  accessKeySecret: 'bob-secret-0001',
  type: 'ram',
  uid: '2700000000000002',
  name: 'bob',
  policies: [],
}
/** A RAM user with the policy who is not made an administrator anywhere. */
export const CAROL: AccountInput = {
  accessKeyId: 'TESTAK5tRamCarol0000001',
  accessKeySecret: 'carol-secret-0001',
  type: 'ram',
  uid: '2700000000000003',
  name: 'carol',
  policies: ['AliyunPAIFullAccess'],
}

export const ACCOUNTS = [MAIN, ALICE, BOB, CAROL]

export async function startTestEmulator(
  extra: Partial<EmulatorOptionsInput> = {},
  extras: StartExtras = {},
): Promise<RunningEmulator> {
  return startEmulator({ accounts: ACCOUNTS, asyncDelayMs: 20, ...extra }, extras)
}

export interface Creds {
  accessKeyId: string
  accessKeySecret: string
}

export interface Answer {
  statusCode: number
  body: Record<string, unknown>
}

/** A failed call as both libraries report it. */
export interface LibError {
  status: number
  code: string
  requestId?: string
}

export interface Caller {
  lib: 'openapi-core' | 'openapi-client'
  roa(
    action: string,
    method: string,
    pathname: string,
    query?: Record<string, unknown>,
    body?: Record<string, unknown>,
  ): Promise<Answer>
  rpc(action: string, version: string, query?: Record<string, unknown>): Promise<Answer>
}

function stringQuery(q: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(q ?? {}))
    if (v !== undefined) out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return out
}

/** The real @alicloud/openapi-core client, pointed at the emulator. */
export function coreCaller(emu: RunningEmulator, creds: Creds): Caller {
  const client = new CoreClient(
    new $OpenApiUtil.Config({ ...creds, endpoint: emu.endpoint, protocol: 'http', regionId: 'cn-hangzhou' }),
  )
  const call = async (params: $OpenApiUtil.Params, req: $OpenApiUtil.OpenApiRequest): Promise<Answer> => {
    const r = (await client.callApi(params, req, new $dara.RuntimeOptions({}))) as {
      statusCode: number
      body: Record<string, unknown>
    }
    return { statusCode: r.statusCode, body: r.body }
  }
  return {
    lib: 'openapi-core',
    roa: (action, method, pathname, query, body) =>
      call(
        new $OpenApiUtil.Params({
          action,
          version: '2021-02-04',
          protocol: 'HTTP',
          pathname,
          method,
          authType: 'AK',
          style: 'ROA',
          reqBodyType: 'json',
          bodyType: 'json',
        }),
        new $OpenApiUtil.OpenApiRequest({ query: stringQuery(query), body }),
      ),
    rpc: (action, version, query) =>
      call(
        new $OpenApiUtil.Params({
          action,
          version,
          protocol: 'HTTP',
          pathname: '/',
          method: 'POST',
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        }),
        new $OpenApiUtil.OpenApiRequest({ query: stringQuery(query) }),
      ),
  }
}

/** The older @alicloud/openapi-client (tea-based) client, pointed at the emulator. */
export function legacyCaller(emu: RunningEmulator, creds: Creds): Caller {
  const client = new LegacyClient(
    new $Legacy.Config({ ...creds, endpoint: emu.endpoint, protocol: 'http', regionId: 'cn-hangzhou' }),
  )
  const call = async (params: $Legacy.Params, req: $Legacy.OpenApiRequest): Promise<Answer> => {
    const r = (await client.callApi(params, req, new $TeaUtil.RuntimeOptions({}))) as {
      statusCode: number
      body: Record<string, unknown>
    }
    return { statusCode: r.statusCode, body: r.body }
  }
  return {
    lib: 'openapi-client',
    roa: (action, method, pathname, query, body) =>
      call(
        new $Legacy.Params({
          action,
          version: '2021-02-04',
          protocol: 'HTTP',
          pathname,
          method,
          authType: 'AK',
          style: 'ROA',
          reqBodyType: 'json',
          bodyType: 'json',
        }),
        new $Legacy.OpenApiRequest({ query: stringQuery(query), body }),
      ),
    rpc: (action, version, query) =>
      call(
        new $Legacy.Params({
          action,
          version,
          protocol: 'HTTP',
          pathname: '/',
          method: 'POST',
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        }),
        new $Legacy.OpenApiRequest({ query: stringQuery(query) }),
      ),
  }
}

export const LIBS = [
  ['openapi-core', coreCaller],
  ['openapi-client', legacyCaller],
] as const

/** Reads the error either library throws into {status, code, requestId}. */
export async function failure(p: Promise<unknown>): Promise<LibError> {
  try {
    await p
  } catch (err) {
    const e = err as {
      statusCode?: number
      code?: string
      requestId?: string
      data?: { statusCode?: number; RequestId?: string }
    }
    return {
      status: e.statusCode ?? e.data?.statusCode ?? 0,
      code: String(e.code),
      requestId: e.requestId ?? e.data?.RequestId,
    }
  }
  throw new Error('expected the call to fail')
}

/** Calls the test-only control path. */
export async function control(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  token = emu.controlToken,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    headers: { 'x-emulator-token': token, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

export interface RawSigned {
  method: string
  path: string
  query?: Record<string, string>
  headers: Record<string, string>
  body?: string
}

/** ACS3-signs a request by hand with openapi-core's own `OpenApiUtil.getAuthorization`. */
export function signAcs3(
  creds: Creds,
  r: {
    method: string
    pathname: string
    query?: Record<string, string>
    headers: Record<string, string>
    body?: string
  },
): string {
  const payload = crypto
    .createHash('sha256')
    .update(r.body ?? '')
    .digest('hex')
  const req = new $dara.Request()
  req.method = r.method
  req.pathname = r.pathname
  req.query = r.query ?? {}
  req.headers = { ...r.headers, 'x-acs-content-sha256': payload }
  return OpenApiUtil.getAuthorization(req, 'ACS3-HMAC-SHA256', payload, creds.accessKeyId, creds.accessKeySecret)
}

/** Sends one raw HTTP request to the emulator (no client library). */
export function rawRequest(
  emu: RunningEmulator,
  r: RawSigned,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const qs = new URLSearchParams(r.query ?? {}).toString().replace(/\+/g, '%20')
    const req = http.request(
      {
        host: emu.host,
        port: emu.port,
        method: r.method,
        path: r.path + (qs ? `?${qs}` : ''),
        headers: r.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: Record<string, unknown> = {}
          try {
            body = JSON.parse(text) as Record<string, unknown>
          } catch {
            body = { raw: text }
          }
          resolve({ status: res.statusCode ?? 0, body })
        })
      },
    )
    req.on('error', reject)
    req.end(r.body)
  })
}

/** The headers openapi-core sends for a V3 request, signed. */
export function signedHeaders(
  creds: Creds,
  o: {
    method: string
    pathname: string
    action: string
    version?: string
    query?: Record<string, string>
    body?: string
    date?: Date
    nonce?: string
    host?: string
  },
): Record<string, string> {
  const headers: Record<string, string> = {
    host: o.host ?? 'aiworkspace.cn-hangzhou.aliyuncs.com',
    'x-acs-version': o.version ?? '2021-02-04',
    'x-acs-action': o.action,
    'x-acs-date': (o.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': o.nonce ?? crypto.randomUUID(),
    accept: 'application/json',
  }
  if (o.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8'
  headers['x-acs-content-sha256'] = crypto
    .createHash('sha256')
    .update(o.body ?? '')
    .digest('hex')
  headers.authorization = signAcs3(creds, {
    method: o.method,
    pathname: o.pathname,
    query: o.query,
    headers,
    body: o.body,
  })
  return headers
}
