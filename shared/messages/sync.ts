import type { Catalog } from './catalog'

/** Messages for the sync area's codes. */
export const syncMessages = {
  DRAFT_KEY_INVALID: {
    'zh-CN': '草稿标识「{key}」无效',
    en: 'Invalid draft key "{key}"',
  },
  DRAFT_NO_CLOUD_COPY: {
    'zh-CN': '本地缓存中没有工作空间 {workspaceId} 的配置,请先刷新',
    en: 'No cached configuration for workspace {workspaceId}: refresh first',
  },
  DRAFT_UNREADABLE: {
    'zh-CN': '草稿 {key} 无法读取:{detail}',
    en: 'Draft {key} cannot be read: {detail}',
  },
} satisfies Catalog
