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
  PROFILE_NO_SECRET: {
    'zh-CN': '账号「{name}」还没有 AccessKey Secret:请在「账号」页面填写(只保存在系统钥匙串中)',
    en: 'Profile "{name}" has no AccessKey secret yet: enter it on the Profiles screen (it is kept only in the OS keychain)',
  },
  PROFILE_RAM_USER_ADVICE: {
    'zh-CN': '当前为 RAM 用户(子账号):需要授予 AliyunPAIFullAccess 权限。该策略包含 PAI 所有权限,请谨慎添加;推荐使用主账号进行操作。',
    en: 'This is a RAM user: it needs the AliyunPAIFullAccess policy. That policy grants every PAI permission, so add it with care; operating with the main account is recommended.',
  },
  DRAFT_UNREADABLE: {
    'zh-CN': '草稿 {key} 无法读取:{detail}',
    en: 'Draft {key} cannot be read: {detail}',
  },
} satisfies Catalog
