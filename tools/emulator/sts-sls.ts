import type { Caller, EmulatorCore } from './core'
import { verifyAcs3, type VerifyDeps } from './acs3'
import { EmuError, header, int, type Incoming } from './http'
import type { Account } from './options'
import { verifyRpcV1 } from './rpc-v1'
import { verifySls } from './slssig'
import { assumeRole, assumeRoleWithOidc, callerIdentity, checkSecurityToken, rpcParams } from './sts'

/**
 * Who sent a cloud request. ACS3 (`Authorization: ACS3-HMAC-SHA256 …`) for AIWorkSpace, EventBridge and
 * the SDKs' STS and RAM calls; the RPC V1 signature (also accepted for RAM) for the AssumeRole that @alicloud/credentials sends; none for
 * AssumeRoleWithOIDC (its OIDC token is the proof; undefined is returned); the LOG signature for SLS. A
 * temporary AccessKey must also carry its unexpired security token.
 */
export function authenticate(
  core: EmulatorCore,
  inc: Incoming,
  service: 'pai' | 'eventBridge' | 'sts' | 'sls' | 'ram',
  action: string,
  slsPath: string,
  deps: VerifyDeps,
): Account | undefined {
  if (service === 'sls') {
    const a = verifySls(inc, slsPath, deps)
    checkSecurityToken(a, header(inc, 'x-acs-security-token'), deps.now(), 'sls')
    return a
  }
  const signedV3 = (header(inc, 'authorization') ?? '').startsWith('ACS3-')
  // RAM is RPC as STS is: the SDK signs with ACS3, the aliyun CLI and older SDKs with the V1 signature.
  if ((service === 'sts' || service === 'ram') && !signedV3) {
    if (action === 'AssumeRoleWithOIDC') return undefined
    const params = rpcParams(inc)
    const a = verifyRpcV1(inc.method, params, deps)
    checkSecurityToken(a, params.SecurityToken, deps.now())
    return a
  }
  const a = verifyAcs3(inc, deps)
  checkSecurityToken(a, header(inc, 'x-acs-security-token'), deps.now())
  return a
}

/** STS 2015-04-01 (RPC): GetCallerIdentity (rules A2, A3), AssumeRole, AssumeRoleWithOIDC. */
export function handleSts(
  core: EmulatorCore,
  inc: Incoming,
  caller: Caller | undefined,
  action: string,
  now: number,
): unknown {
  const params = rpcParams(inc)
  if (action === 'AssumeRoleWithOIDC') return assumeRoleWithOidc(core.sts, core.opts.oidcProviders, params, now)
  if (!caller) throw new EmuError(400, 'MissingAuthorization', 'The request is not signed.')
  if (action === 'GetCallerIdentity') return callerIdentity(caller.account)
  if (action === 'AssumeRole') return assumeRole(core.sts, caller.account, params, now)
  throw new EmuError(404, 'InvalidAction.NotFound', `Specified api ${action} is not found.`)
}

/** The project a request names in its Host (`{project}.{endpoint}`), if any. */
export function slsProjectOf(host: string | undefined): string | undefined {
  const h = (host ?? '').replace(/:\d+$/, '').toLowerCase()
  if (!h || h === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.startsWith('[')) return undefined
  const labels = h.split('.')
  // {region}.log.aliyuncs.com has 4 labels; a project host has one more.
  if (/\.log\.aliyuncs\.com$/.test(h) && labels.length <= 4) return undefined
  if (labels.length < 2) return undefined
  return labels[0]
}

/** SLS 2020-12-30 ListProject (`GET /`) and ListLogStores (`GET /logstores` on a project host), docs/pai-api-facts.md §7. */
export function handleSls(
  core: EmulatorCore,
  inc: Incoming,
  caller: Caller,
  pathname: string,
  project: string | undefined,
): unknown {
  if (inc.method !== 'GET') throw new EmuError(405, 'MethodNotAllowed', 'Only GET is emulated.')
  if (!core.hasPolicy(caller, 'AliyunLogFullAccess', 'AliyunLogReadOnlyAccess', 'AliyunPAIFullAccess'))
    throw new EmuError(
      401,
      'Unauthorized',
      `denied by sts or ram, action: log:${project ? 'ListLogStores' : 'ListProject'}, resource: acs:log:${core.opts.region}:${caller.tenant.uid}:project/${project ?? '*'}`,
    )
  const q = inc.query
  const offset = int(q.offset, 'offset', 0, 0)
  const t = caller.tenant
  if (pathname === '/' && !project) {
    const size = int(q.size, 'size', 100, 1, 500)
    const all = Object.values(t.slsProjects)
      .filter((p) => !q.projectName || p.projectName.includes(q.projectName))
      .sort((a, b) => a.projectName.localeCompare(b.projectName))
    const page = all.slice(offset, offset + size)
    return {
      count: page.length,
      total: all.length,
      projects: page.map((p) => ({
        projectName: p.projectName,
        description: p.description,
        region: core.opts.region,
        owner: t.uid,
        status: 'Normal',
        createTime: p.createTime,
        lastModifyTime: p.createTime,
        resourceGroupId: `rg-default${t.uid.slice(-6)}`,
      })),
    }
  }
  if (pathname === '/logstores' && project) {
    const p = t.slsProjects[project]
    if (!p) throw new EmuError(404, 'ProjectNotExist', `The Project does not exist : ${project}`)
    const size = int(q.size, 'size', 200, 1, 500)
    const all = p.logstores.filter((l) => !q.logstoreName || l.includes(q.logstoreName)).sort()
    const page = all.slice(offset, offset + size)
    return { count: page.length, total: all.length, logstores: page }
  }
  throw new EmuError(404, 'InvalidApi.NotFound', `Specified api is not found: ${pathname}`)
}
