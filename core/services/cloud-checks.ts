import type { Identity } from '@shared/domain'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { testDingTalkRobot } from '../cloud'
import { recordIdentity } from '../model/profile-facts'
import type { Store } from '../store'
import type { CloudSessions } from './cloud-sessions'
import { checkNewWorkspaceName, type NameCheck } from './name-check'
import type { ProfilesService } from './profiles'

export interface ProfileTestAnswer {
  identity: Identity
  accountId: string
  identityType: string
  caller: Awaited<ReturnType<CloudSessions['identity']>>['caller']
  warnings: { code: string; ruleId?: string; message: string }[]
}

export interface DingTalkTestAnswer {
  ok: boolean
  code: string
  message: string
  errcode?: number
  errmsg?: string
}

/**
 * What the UI asks the cloud right now, outside a sync: who a profile's AccessKey belongs to (A2/A3), whether a
 * DingTalk robot answers (E7), and the SLS projects and logstores for the pickers (L1). Online only.
 */
export class CloudChecks {
  constructor(
    private readonly store: Store,
    private readonly cloud: CloudSessions,
    private readonly profiles: ProfilesService,
  ) {}

  /** STS GetCallerIdentity; the identity is kept for offline validation (A1-A3) and the test is logged. */
  async testProfile(profileId: string, locale: Locale): Promise<ProfileTestAnswer> {
    const who = await this.cloud.identity(profileId)
    const identity = recordIdentity(this.store, profileId, who.identity)
    this.profiles.recordCaller(profileId, who.caller)
    // An assumed role needs the same policy as a RAM user (A3), on the role.
    const code = who.identityType === 'AssumedRoleUser' ? 'PROFILE_RAM_ROLE_ADVICE' : 'PROFILE_RAM_USER_ADVICE'
    const warnings = identity.kind === 'ram' ? [{ code, ruleId: 'A3', message: formatMessage(locale, code) }] : []
    this.store.activity.add({
      profileId,
      action: 'profile.test',
      result: 'ok',
      details: { identityType: who.identityType, arn: who.caller.arn },
    })
    return { identity, accountId: who.accountId, identityType: who.identityType, caller: who.caller, warnings }
  }

  /** E7: a signed test message, with the secret typed just now or read from the profile's keychain entries. */
  async testDingTalk(
    req: { profileId?: string | null; webhook: string; secretRef?: string; secret?: string },
    locale: Locale,
  ): Promise<DingTalkTestAnswer> {
    let secret = req.secret
    if (!secret && req.secretRef && req.profileId)
      secret = (await this.cloud.dingTalkSecret(req.profileId, req.secretRef)) ?? undefined
    const res = await testDingTalkRobot({ webhook: req.webhook, secret }, this.cloud.dingTalkRoute(req.profileId))
    const out: DingTalkTestAnswer = {
      ok: res.ok,
      code: res.code,
      message: formatMessage(locale, res.code, { ...res.params, errcode: res.errcode, errmsg: res.errmsg }),
    }
    if (res.errcode !== undefined) out.errcode = res.errcode
    if (res.errmsg !== undefined) out.errmsg = res.errmsg
    return out
  }

  /** W4 as the user types: the cloud's own pre-check (CheckWorkspaceExists), else the cached names offline. */
  checkName(profileId: string, name: string): Promise<NameCheck> {
    return checkNewWorkspaceName(this.store, (id) => this.cloud.clientsFor(id), profileId, name)
  }

  /** L1: the SLS projects of the profile's region. */
  async slsProjects(profileId: string): Promise<{ name: string; description?: string }[]> {
    const clients = await this.cloud.clientsFor(profileId)
    const projects = await clients.sls.listAllProjects()
    return projects.map((p) =>
      p.description ? { name: p.projectName, description: p.description } : { name: p.projectName },
    )
  }

  /** L1: the logstores of one SLS project. */
  async slsLogstores(profileId: string, project: string): Promise<string[]> {
    const clients = await this.cloud.clientsFor(profileId)
    return clients.sls.listAllLogStores(project)
  }
}
