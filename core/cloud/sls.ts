import querystring from 'node:querystring'
import { z } from 'zod'
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core'
import Sls, * as $Sls from '@alicloud/sls20201230'
import GatewaySls from '@alicloud/gateway-sls'
import * as $dara from '@darabonba/typescript'
import type { Timeouts } from './acs-send'
import { httpErrorOf } from './acs-send'
import { parseJson, runOp, type RetryContext } from './caller'
import { sendRaw, splitHostPort, type RawResponse } from './http-send'
import type { CredentialSource } from './credentials'
import type { CloudProfile } from './profile'
import { endpointFor } from './profile'
import { proxyAgent, proxyFor } from './proxy'

/** SLS 2020-12-30 ListProject / ListLogStores for the "Configure SLS" screen (rule L1, docs/pai-api-facts.md §7). */

export const SlsProjectSchema = z.object({
  projectName: z.string(),
  description: z.string().optional(),
  region: z.string().optional(),
  owner: z.string().optional(),
  status: z.string().optional(),
  createTime: z.string().optional(),
  lastModifyTime: z.string().optional(),
  resourceGroupId: z.string().optional(),
})
export type SlsProject = z.infer<typeof SlsProjectSchema>
const ListProjectResponse = z.object({
  count: z.coerce.number().default(0),
  total: z.coerce.number().default(0),
  projects: z.array(SlsProjectSchema).default([]),
})
const ListLogStoresResponse = z.object({
  count: z.coerce.number().default(0),
  total: z.coerce.number().default(0),
  logstores: z.array(z.string()).default([]),
})

export interface SlsClient {
  readonly endpoint: string
  /** Every project of the region (pages of 500). */
  listAllProjects(input?: { projectName?: string }): Promise<SlsProject[]>
  /** Every logstore name of `project`. */
  listAllLogStores(project: string, input?: { logstoreName?: string }): Promise<string[]>
}

const PAGE = 500

/**
 * Direct calls use the generated `@alicloud/sls20201230` client. ListLogStores goes to the host
 * `{project}.{endpoint}`; when the endpoint is an address (e.g. the emulator at `127.0.0.1:9123`) that
 * name does not resolve, so the same request, signed by `@alicloud/gateway-sls`, is sent to the endpoint
 * itself with `Host: {project}.{endpoint}`. The same sender is used behind a proxy (to the project host).
 */
export function createSlsClient(
  profile: CloudProfile,
  ctx: RetryContext,
  timeouts: Timeouts,
  credentials: CredentialSource,
): SlsClient {
  const endpoint = endpointFor(profile, 'sls')
  const { host, port } = splitHostPort(endpoint, profile.protocol)
  const byAddress = /^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[^\]]*\])$/i.test(host)
  const proxyUrl = proxyFor(profile.proxy, profile.protocol, host, port)
  const sdk = new Sls(
    new $OpenApiUtil.Config({
      credential: credentials.credential,
      regionId: profile.region,
      endpoint,
      protocol: profile.protocol,
      readTimeout: timeouts.readTimeoutMs,
      connectTimeout: timeouts.connectTimeoutMs,
    }),
  )
  const gateway = new GatewaySls()
  const runtime = (): $dara.RuntimeOptions =>
    new $dara.RuntimeOptions({ readTimeout: timeouts.readTimeoutMs, connectTimeout: timeouts.connectTimeoutMs })

  async function sendOwn(
    project: string | undefined,
    pathname: string,
    query: Record<string, string>,
  ): Promise<RawResponse> {
    const cred = await credentials.get()
    const headers: Record<string, string> = {
      accept: 'application/json',
      host: project ? `${project}.${endpoint}` : endpoint,
      'user-agent': OpenApiUtil.getUserAgent(''),
      'x-log-apiversion': '0.6.0',
      'x-log-bodyrawsize': '0',
      'x-log-signaturemethod': 'hmac-sha256',
      date: new Date().toUTCString(),
    }
    // As @alicloud/gateway-sls sends it; x-acs-* headers are part of the LOG signature.
    if (cred.securityToken) headers['x-acs-security-token'] = cred.securityToken
    headers.authorization = await gateway.getAuthorization(
      pathname,
      'GET',
      query,
      headers,
      cred.accessKeyId,
      cred.accessKeySecret,
    )
    const qs = querystring.stringify(query)
    const res = await sendRaw({
      protocol: profile.protocol,
      connectHost: project && !byAddress ? `${project}.${host}` : host,
      connectPort: port,
      method: 'GET',
      path: pathname + (qs ? `?${qs}` : ''),
      headers,
      agent: proxyUrl ? proxyAgent(proxyUrl, profile.protocol) : undefined,
      ...timeouts,
    })
    if (res.status >= 400) throw httpErrorOf(res)
    return res
  }

  const sdkResult = (res: {
    statusCode?: number
    headers?: Record<string, string>
    body?: { toMap(): Record<string, unknown> }
  }): RawResponse => ({
    status: res.statusCode ?? 200,
    headers: res.headers ?? {},
    body: JSON.stringify(res.body?.toMap() ?? {}),
  })

  return {
    endpoint,
    async listAllProjects(input = {}) {
      const op = { service: 'sls', action: 'ListProject', endpoint, idempotent: true }
      const out: SlsProject[] = []
      for (let offset = 0; ; offset += PAGE) {
        const page = await runOp(
          ctx,
          op,
          async () => {
            const q = { offset, size: PAGE, ...(input.projectName ? { projectName: input.projectName } : {}) }
            if (proxyUrl)
              return sendOwn(undefined, '/', Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])))
            return sdkResult(await sdk.listProjectWithOptions(new $Sls.ListProjectRequest(q), {}, runtime()))
          },
          (res) => parseJson(ListProjectResponse, res, op),
        )
        out.push(...page.projects)
        if (page.projects.length < PAGE || out.length >= page.total) return out
      }
    },
    async listAllLogStores(project, input = {}) {
      const op = { service: 'sls', action: 'ListLogStores', endpoint, idempotent: true }
      const out: string[] = []
      for (let offset = 0; ; offset += PAGE) {
        const page = await runOp(
          ctx,
          op,
          async () => {
            const q = { offset, size: PAGE, ...(input.logstoreName ? { logstoreName: input.logstoreName } : {}) }
            if (proxyUrl || byAddress)
              return sendOwn(
                project,
                '/logstores',
                Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
              )
            return sdkResult(
              await sdk.listLogStoresWithOptions(project, new $Sls.ListLogStoresRequest(q), {}, runtime()),
            )
          },
          (res) => parseJson(ListLogStoresResponse, res, op),
        )
        out.push(...page.logstores)
        if (page.logstores.length < PAGE || out.length >= page.total) return out
      }
    },
  }
}
