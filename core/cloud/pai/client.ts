import type { AcsTransport } from '../acs-send'
import type { RetryContext } from '../caller'
import { paiCall } from './call'
import { configsApi, type ConfigsApi } from './configs'
import { membersApi, type MembersApi } from './members'
import { resourcesApi, type ResourcesApi } from './resources'
import { rolesApi, type RolesApi } from './roles'
import { workspacesApi, type WorkspacesApi } from './workspaces'

export type { Page } from '../paginate'

/**
 * The AIWorkSpace 2021-02-04 operations the app uses (docs/pai-api-facts.md §1). Field names are the API's. One
 * file per API area: `workspaces.ts`, `members.ts`, `resources.ts`, `configs.ts`, `roles.ts`.
 */
export interface PaiClient extends WorkspacesApi, MembersApi, ResourcesApi, ConfigsApi, RolesApi {
  readonly endpoint: string
}

export function createPaiClient(t: AcsTransport, ctx: RetryContext): PaiClient {
  const call = paiCall(t, ctx)
  return {
    endpoint: t.endpoint,
    ...workspacesApi(call),
    ...membersApi(call),
    ...resourcesApi(call),
    ...configsApi(call),
    ...rolesApi(call),
  }
}
