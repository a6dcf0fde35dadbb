import type { WorkspaceConfig } from '@shared/domain'

/** What the user did in the console (`sync.markManualDone`): the cloud cannot be asked about these. */
export interface ManualOverlay {
  sls?: WorkspaceConfig['sls']
  switches?: Partial<WorkspaceConfig['switches']>
  scheduling?: WorkspaceConfig['scheduling']
  designerPath?: string | null
  quota?: number
  resourceGroupId?: string
}

/** The cloud state with the manual steps the user confirmed laid over it. */
export function withOverlay(c: WorkspaceConfig, o: ManualOverlay | undefined): WorkspaceConfig {
  if (!o) return c
  const out: WorkspaceConfig = {
    ...c,
    switches: { ...c.switches, ...(o.switches ?? {}) },
    storage: { ...c.storage },
    notifications: { ...c.notifications },
    basic: { ...c.basic },
  }
  if (o.sls) out.sls = o.sls
  if (o.scheduling) out.scheduling = o.scheduling
  if (o.designerPath !== undefined) {
    if (o.designerPath === null) delete out.storage.designerPath
    else out.storage.designerPath = o.designerPath
  }
  if (o.quota !== undefined) out.notifications.quota = o.quota
  if (o.resourceGroupId !== undefined) out.basic.resourceGroupId = o.resourceGroupId
  return out
}
