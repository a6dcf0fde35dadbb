import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type CloudChannel = 'profiles.test' | 'dingtalk.test' | 'workspaces.checkName' | 'sls.projects' | 'sls.logstores'

export function cloudHandlers(s: HandlerServices): HandlersFor<CloudChannel> {
  return {
    'profiles.test': ({ id }, ctx) => s.cloudChecks.testProfile(id, ctx.locale),
    'dingtalk.test': (req, ctx) => s.cloudChecks.testDingTalk(req, ctx.locale),
    'workspaces.checkName': ({ profileId, name }) => s.cloudChecks.checkName(profileId, name),
    'sls.projects': async ({ profileId }) => ({ projects: await s.cloudChecks.slsProjects(profileId) }),
    'sls.logstores': async ({ profileId, project }) => ({
      logstores: await s.cloudChecks.slsLogstores(profileId, project),
    }),
  }
}
