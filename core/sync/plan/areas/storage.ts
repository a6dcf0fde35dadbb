import { ossPathWithEndpoint, sameOssPath } from '@shared/domain'
import { DEFAULT_STORAGE_KEY } from '../../mapping/from-cloud'
import type { Merge } from '../merge'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { merge3 } from '../merge'

/** merge3 for OSS paths: `oss://bkt/p/` and `oss://bkt.<endpoint>/p/` are the same folder. */
function mergePath(
  base: string | undefined,
  mine: string | undefined,
  cloud: string | undefined,
): Merge<string | undefined> {
  if (sameOssPath(mine, cloud) || sameOssPath(mine, base)) return { kind: 'none' }
  if (sameOssPath(base, cloud)) return { kind: 'apply', value: mine }
  return { kind: 'conflict', base, mine, cloud }
}

/**
 * Storage: the default path through UpdateConfigs `modelExportPath` (ST1), written as Alibaba's SDK writes it
 * (`oss://<bucket>.<intranet endpoint>/<path>`; a path given with its endpoint is sent as given). The Designer
 * workflow path is console only (ST2).
 */
export function planStorage(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud } = ctx
  const r = mergePath(base.storage.defaultPath, mine.storage.defaultPath, cloud.storage.defaultPath)
  if (r.kind === 'apply')
    a.changed(
      a.apply('config', DEFAULT_STORAGE_KEY, 'update', 'config.update', {
        Configs: [
          {
            ConfigKey: DEFAULT_STORAGE_KEY,
            ConfigValue: r.value ? ossPathWithEndpoint(r.value, ctx.input.region) : '',
          },
        ],
      }),
      { fields: [{ field: 'defaultStorage', before: cloud.storage.defaultPath ?? null, after: r.value ?? null }] },
    )
  if (r.kind === 'conflict') a.conflict('config', DEFAULT_STORAGE_KEY, conflictOf('/storage/defaultPath', r))
  const d = merge3(base.storage.designerPath, mine.storage.designerPath, cloud.storage.designerPath)
  if (d.kind === 'apply')
    a.manual(ctx, 'storage', 'designerPath', 'designerPath', [
      { field: 'designerPath', before: cloud.storage.designerPath ?? null, after: d.value ?? null },
    ])
}
