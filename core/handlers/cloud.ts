import { formatMessage } from '@shared/messages'
import { testDingTalkRobot } from '../cloud'
import { checkNewWorkspaceName } from '../services/name-check'
import { readProfileFacts, writeProfileFacts } from '../services/profile-facts'
import type { HandlersFor } from '../ipc/types'
import type { CoreServices } from '../services'

type CloudChannel = 'profiles.test' | 'dingtalk.test' | 'workspaces.checkName' | 'sls.projects' | 'sls.logstores'

export function cloudHandlers(s: CoreServices): HandlersFor<CloudChannel> {
  return {
    'profiles.test': async ({ id }, ctx) => {
      const who = await s.cloud.identity(id)
      // Keep what we learned for offline validation (A1-A3), without losing a known PAI-policy answer.
      const known = readProfileFacts(s.store, id).identity
      const identity =
        who.identity.kind === 'ram' && known?.kind === 'ram' && known.userId === who.identity.userId
          ? { ...who.identity, hasPaiFullAccess: known.hasPaiFullAccess }
          : who.identity
      writeProfileFacts(s.store, id, { identity, fetchedAt: new Date().toISOString() })
      const warnings =
        identity.kind === 'ram'
          ? [
              {
                code: 'PROFILE_RAM_USER_ADVICE',
                ruleId: 'A3',
                message: formatMessage(ctx.locale, 'PROFILE_RAM_USER_ADVICE'),
              },
            ]
          : []
      s.store.activity.add({
        profileId: id,
        action: 'profile.test',
        result: 'ok',
        details: { identityType: who.identityType },
      })
      return { identity, accountId: who.accountId, identityType: who.identityType, warnings }
    },
    'dingtalk.test': async ({ profileId, webhook, secretRef, secret }, ctx) => {
      let useSecret = secret
      if (!useSecret && secretRef && profileId)
        useSecret = (await s.cloud.dingTalkSecret(profileId, secretRef)) ?? undefined
      const baseUrl = s.cloud.dingTalkBaseUrl(profileId)
      const res = await testDingTalkRobot({ webhook, secret: useSecret }, baseUrl ? { baseUrl } : {})
      const out: { ok: boolean; code: string; message: string; errcode?: number; errmsg?: string } = {
        ok: res.ok,
        code: res.code,
        message: formatMessage(ctx.locale, res.code, { ...res.params, errcode: res.errcode, errmsg: res.errmsg }),
      }
      if (res.errcode !== undefined) out.errcode = res.errcode
      if (res.errmsg !== undefined) out.errmsg = res.errmsg
      return out
    },
    'workspaces.checkName': ({ profileId, name }) =>
      checkNewWorkspaceName(s.store, (id) => s.cloud.clientsFor(id), profileId, name),
    'sls.projects': async ({ profileId }) => {
      const clients = await s.cloud.clientsFor(profileId)
      const projects = await clients.sls.listAllProjects()
      return {
        projects: projects.map((p) =>
          p.description ? { name: p.projectName, description: p.description } : { name: p.projectName },
        ),
      }
    },
    'sls.logstores': async ({ profileId, project }) => {
      const clients = await s.cloud.clientsFor(profileId)
      return { logstores: await clients.sls.listAllLogStores(project) }
    },
  }
}
