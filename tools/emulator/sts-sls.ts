import type { Caller, EmulatorCore } from './core'
import { EmuError, int, type Incoming } from './http'

/** STS 2015-04-01 GetCallerIdentity (RPC): who signed the request (rules A2, A3). */
export function handleSts(inc: Incoming, caller: Caller, action: string): unknown {
  if (action !== 'GetCallerIdentity')
    throw new EmuError(404, 'InvalidAction.NotFound', `Specified api ${action} is not found.`)
  const a = caller.account
  const main = a.type === 'main'
  return {
    AccountId: a.parentUid,
    UserId: a.uid,
    PrincipalId: a.uid,
    IdentityType: main ? 'Account' : 'RAMUser',
    Arn: main ? `acs:ram::${a.parentUid}:root` : `acs:ram::${a.parentUid}:user/${a.name}`,
  }
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

/** SLS 2020-12-30 ListProject (`GET /`) and ListLogStores (`GET /logstores` on a project host), pai-api.md §7. */
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
