import { validate, ws, type PaiCall } from './call'
import * as S from './schemas'

/** Workspace configurations (docs/pai-api-facts.md §1.5). */
export interface ConfigsApi {
  listConfigs(workspaceId: string, input?: S.ListConfigsInput): Promise<S.Config[]>
  /** Upsert; `CategoryName` is filled from CONFIG_CATEGORIES for the documented keys when omitted. */
  updateConfigs(workspaceId: string, input: S.UpdateConfigsInput): Promise<void>
}

export function configsApi(call: PaiCall): ConfigsApi {
  return {
    async listConfigs(workspaceId, input = {}) {
      const query = validate(S.ListConfigsInput, input, 'ListConfigs')
      const r = await call(
        { action: 'ListConfigs', method: 'GET', path: `${ws(workspaceId)}/configs`, query, idempotent: true },
        S.ListConfigsResponse,
      )
      return r.Configs
    },
    async updateConfigs(workspaceId, input) {
      const v = validate(S.UpdateConfigsInput, input, 'UpdateConfigs')
      const body = {
        Configs: v.Configs.map((c) => ({ ...c, CategoryName: c.CategoryName ?? S.CONFIG_CATEGORIES[c.ConfigKey] })),
      }
      await call(
        { action: 'UpdateConfigs', method: 'PUT', path: `${ws(workspaceId)}/configs`, body, idempotent: true },
        S.RequestIdOnly,
      )
    },
  }
}
