import { TEMP_STORAGE_KEY } from '../../mapping/from-cloud'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { merge3 } from '../merge'

/** Storage: the default path through UpdateConfigs (ST1); the Designer workflow path is console only (ST2). */
export function planStorage(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud } = ctx
  const r = merge3(base.storage.defaultPath, mine.storage.defaultPath, cloud.storage.defaultPath)
  if (r.kind === 'apply')
    a.apply('config', TEMP_STORAGE_KEY, 'update', 'config.update', {
      Configs: [{ ConfigKey: TEMP_STORAGE_KEY, ConfigValue: r.value ?? '', CategoryName: 'CommonResourceConfig' }],
    })
  if (r.kind === 'conflict') a.conflict('config', TEMP_STORAGE_KEY, conflictOf('/storage/defaultPath', r))
  const d = merge3(base.storage.designerPath, mine.storage.designerPath, cloud.storage.designerPath)
  if (d.kind === 'apply') a.manual(ctx, 'storage', 'designerPath', 'designerPath', d.value ?? '-')
}
