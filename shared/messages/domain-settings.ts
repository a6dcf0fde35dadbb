import type { Catalog } from './catalog'

/** Domain messages of the ST, L and G rules (storage, SLS, general switches). Part of ./domain. */
export const domainSettingsMessages = {
  // --- ST: storage ---
  DOMAIN_STORAGE_RECOMMENDED: {
    'zh-CN': '建议配置工作空间默认存储,可用于存储训练等任务过程中产出的临时数据和模型',
    en: 'Setting a workspace default storage path is recommended: training jobs keep temporary data and models there',
  },
  DOMAIN_STORAGE_DESIGNER_WINS: {
    'zh-CN': '已同时设置工作流数据存储:运行工作流时,工作流数据存储路径 {designerPath} 将优先生效',
    en: 'A workflow data storage is also set: when a workflow runs, its path {designerPath} takes precedence',
  },
  DOMAIN_OSS_SCHEME: {
    'zh-CN': 'OSS 路径「{value}」无效,应以 oss:// 开头,如 oss://bucket/path/',
    en: 'OSS path "{value}" is invalid; it starts with oss://, e.g. oss://bucket/path/',
  },
  DOMAIN_OSS_BUCKET: {
    'zh-CN':
      'OSS Bucket 名称「{bucket}」无效:3~63 个字符,只能包含小写字母、数字和短划线(-),且必须以小写字母或数字开头和结尾',
    en: 'OSS bucket name "{bucket}" is invalid: 3 to 63 characters, only lowercase letters, digits and hyphens, starting and ending with a lowercase letter or digit',
  },
  DOMAIN_OSS_TRAILING_SLASH: {
    'zh-CN': 'OSS 路径「{value}」应为目录,以 / 结尾',
    en: 'OSS path "{value}" must be a directory ending with /',
  },
  DOMAIN_OSS_ENDPOINT: {
    'zh-CN': 'OSS 路径「{value}」中的 Endpoint「{endpoint}」无效,应为如 oss-cn-hangzhou-internal.aliyuncs.com 的域名',
    en: 'The endpoint "{endpoint}" in OSS path "{value}" is invalid; it is a host such as oss-cn-hangzhou-internal.aliyuncs.com',
  },
  DOMAIN_OSS_PATH: {
    'zh-CN': 'OSS 路径「{value}」无效:目录名不能为空、不能是 . 或 ..,不能包含反斜杠或控制字符,总长度不超过 1023 字节',
    en: 'OSS path "{value}" is invalid: folder names cannot be empty, . or .., nor contain backslashes or control characters; at most 1023 bytes in all',
  },

  // --- L: SLS ---
  DOMAIN_SLS_PROJECT_REQUIRED: {
    'zh-CN': '转发日志到SLS时,请选择 SLS Project',
    en: 'Choose an SLS Project to forward logs to',
  },
  DOMAIN_SLS_LOGSTORE_REQUIRED: {
    'zh-CN': '转发日志到SLS时,请选择 LogStore',
    en: 'Choose a LogStore to forward logs to',
  },
  DOMAIN_SLS_PROJECT_NAME: {
    'zh-CN':
      'SLS Project 名称「{value}」无效:3~63 个字符,只能包含小写字母、数字和短划线(-),且必须以小写字母或数字开头和结尾',
    en: 'SLS Project name "{value}" is invalid: 3 to 63 characters, only lowercase letters, digits and hyphens, starting and ending with a lowercase letter or digit',
  },
  DOMAIN_SLS_LOGSTORE_NAME: {
    'zh-CN':
      'LogStore 名称「{value}」无效:3~63 个字符,只能包含小写字母、数字、下划线和短划线,且必须以小写字母或数字开头和结尾',
    en: 'LogStore name "{value}" is invalid: 3 to 63 characters, only lowercase letters, digits, underscores and hyphens, starting and ending with a lowercase letter or digit',
  },
  DOMAIN_SLS_DUPLICATE_MODULE: {
    'zh-CN': '转发SLS存储的模块 {module} 重复',
    en: 'Module {module} is listed twice for SLS forwarding',
  },
  DOMAIN_SLS_NO_MODULES: {
    'zh-CN': '已选择 SLS Project 和 LogStore,但未选择转发SLS存储的模块(DSW、DLC),不会转发日志',
    en: 'An SLS Project and LogStore are chosen but no module (DSW, DLC) is selected, so no logs are forwarded',
  },

  // --- G: general switches ---
  DOMAIN_SWITCH_RESTART_DLC_CONTAINER: {
    'zh-CN': '已修改「允许进入DLC任务节点容器」开关,需要重启相关DLC任务后才能生效',
    en: 'The switch "allow entering DLC task node containers" changed: restart the affected DLC tasks for it to apply',
  },
  DOMAIN_SWITCH_RESTART_DSW_SSH: {
    'zh-CN': '已修改「SSH连接DSW实例」开关,需要重启相关DSW实例后才能生效',
    en: 'The switch "SSH connection to DSW instances" changed: restart the affected DSW instances for it to apply',
  },
  DOMAIN_SWITCH_RESTART_DSW_PUBLIC: {
    'zh-CN': '已修改「通过公网访问DSW实例」开关,需要重启相关DSW实例后才能生效',
    en: 'The switch "access to DSW instances from the public internet" changed: restart the affected DSW instances for it to apply',
  },
} satisfies Catalog
