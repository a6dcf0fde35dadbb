import type { Catalog } from './catalog'

/** The fix hint of each rule a config bundle can break (`BUNDLE_HINT_<ruleId>`). Part of ./bundle. */
export const bundleHintMessages = {
  BUNDLE_HINT_D4: {
    'zh-CN': '按 docs/bundles.md 与 docs/bundle.schema.json 修正文件格式',
    en: 'Fix the file as docs/bundles.md and docs/bundle.schema.json describe',
  },
  BUNDLE_HINT_D2: {
    'zh-CN': '不要在配置中写入密钥:把密钥存入钥匙串,在 secretRef 中写条目名称',
    en: 'Never write a secret in the configuration: keep it in the keychain and put its entry name in secretRef',
  },
  BUNDLE_HINT_A1: {
    'zh-CN': '使用工作空间管理员或负责人的账号,或请管理员授予你管理员角色',
    en: 'Use a profile of a workspace administrator or the owner, or ask an administrator for the admin role',
  },
  BUNDLE_HINT_A2: { 'zh-CN': '使用主账号的 AccessKey 操作', en: 'Operate with the main account AccessKey' },
  BUNDLE_HINT_A3: {
    'zh-CN': '为 RAM 用户授予 AliyunPAIFullAccess(请谨慎),或改用主账号',
    en: 'Grant the RAM user AliyunPAIFullAccess (with care), or use the main account',
  },
  BUNDLE_HINT_A4: {
    'zh-CN': '负责人由创建者自动担任:删除 owner 字段,或改为当前账号',
    en: 'The creator becomes the owner: remove the owner field, or set it to the acting account',
  },
  BUNDLE_HINT_W1: {
    'zh-CN': '名称 3-23 个字符(字母开头,仅字母、数字、“_”),描述必填且不超过 80 个字符;已有工作空间的名称和模式不可修改',
    en: 'Name: 3-23 characters, a letter first, letters, digits and "_"; a description of at most 80 characters; an existing workspace keeps its name and mode',
  },
  BUNDLE_HINT_W4: {
    'zh-CN': '换一个名称:PAI 与 DataWorks 工作空间共用名称空间',
    en: 'Choose another name: PAI and DataWorks workspaces share one namespace',
  },
  BUNDLE_HINT_C1: {
    'zh-CN':
      '资源类型须为 lingjun/general/acs/maxcompute/flink,名称唯一;简易模式只有生产环境(prod);每类每环境只有一个默认资源',
    en: 'Kind is lingjun, general, acs, maxcompute or flink, names are unique; simple mode has prod only; one default per kind and environment',
  },
  BUNDLE_HINT_C2: {
    'zh-CN': '保留已关联的资源:不支持解除关联(请联系商务经理)',
    en: 'Keep the associated resource: disassociation is not supported (contact your business manager)',
  },
  BUNDLE_HINT_C3: {
    'zh-CN': '删除 MaxCompute 资源上的 GPU 规格(MaxCompute 仅支持 CPU)',
    en: 'Remove the GPU spec from the MaxCompute resource (MaxCompute is CPU only)',
  },
  BUNDLE_HINT_M1: {
    'zh-CN': '每个成员(userId)只写一次,同一角色不要重复',
    en: 'List each member (userId) once, and each of their roles once',
  },
  BUNDLE_HINT_M2: {
    'zh-CN': '使用基础角色 ID(如 PAI.AlgoDeveloper)或自定义角色 ID(role-…)',
    en: 'Use a built-in role ID (e.g. PAI.AlgoDeveloper) or a custom role ID (role-…)',
  },
  BUNDLE_HINT_M3: {
    'zh-CN': 'MaxCompute开发角色需要工作空间关联 MaxCompute 资源',
    en: 'The MaxCompute developer role needs a MaxCompute resource in the workspace',
  },
  BUNDLE_HINT_M4: {
    'zh-CN': '自定义角色名称唯一(字母、数字、“_”、“-”),成员引用的角色 ID 须在 customRoles 中',
    en: 'Custom role names are unique (letters, digits, "_", "-"); a role ID a member holds must be in customRoles',
  },
  BUNDLE_HINT_M5: {
    'zh-CN': '为成员至少保留一个角色;若不再需要该成员,请删除成员',
    en: 'Give the member at least one role; to take all roles away, remove the member instead',
  },
  BUNDLE_HINT_M6: {
    'zh-CN': '保留负责人及其负责人角色;负责人角色不能授予他人',
    en: 'Keep the owner and their owner role; the owner role cannot be granted to anyone else',
  },
  BUNDLE_HINT_S1: {
    'zh-CN': '优先级为 1-9 的整数,时长为正整数分钟,每个角色或成员只设一条限制',
    en: 'Priorities are whole numbers 1-9, durations positive whole minutes, one limit per role or member',
  },
  BUNDLE_HINT_S2: {
    'zh-CN': '非成员限制的优先级为 1-9,时长为正整数分钟',
    en: 'Non-member priorities are 1-9 and durations positive whole minutes',
  },
  BUNDLE_HINT_S3: {
    'zh-CN': '每种超时规则只设一条,分钟数为正整数',
    en: 'One timeout rule per kind, with a positive whole number of minutes',
  },
  BUNDLE_HINT_E1: {
    'zh-CN': '先开通事件总线 EventBridge 并完成一键授权',
    en: 'Activate EventBridge and complete the one-click authorization first',
  },
  BUNDLE_HINT_E2: {
    'zh-CN': '规则名称唯一,以字母或数字开头,仅字母、数字、“_”、“-”',
    en: 'Rule names are unique, start with a letter or digit, and use letters, digits, "_" and "-"',
  },
  BUNDLE_HINT_E3: {
    'zh-CN': '至少选择一个事件类型,不要重复;“任务超时”需要先配置超时规则',
    en: 'Choose at least one event type, each once; "task timeout" needs a timeout rule first',
  },
  BUNDLE_HINT_E4: {
    'zh-CN':
      '钉钉可用于所有事件(需填写 webhook 与 secretRef);HTTP 仅用于模型事件;语音、短信、邮件仅用于工作流和 DLC 事件',
    en: 'DingTalk takes any event (webhook and secretRef); HTTP takes model events only; voice, SMS and email take workflow and DLC events only',
  },
  BUNDLE_HINT_E5: {
    'zh-CN': '语音、短信、邮件仅在华东1(杭州)、华东2(上海)、华北6(乌兰察布)可用:改用钉钉或 HTTP',
    en: 'Voice, SMS and email exist only in cn-hangzhou, cn-shanghai and cn-wulanchabu: use DingTalk or HTTP',
  },
  BUNDLE_HINT_E6: {
    'zh-CN': '减少目标或联系人(每个联系人占一个单位),或申请提高配额(最多 100)',
    en: 'Use fewer targets or contacts (each contact is one unit), or ask for a higher quota (at most 100)',
  },
  BUNDLE_HINT_ST1: {
    'zh-CN': '填写 OSS 目录,如 oss://my-bucket/pai/(以“/”结尾)',
    en: 'Set an OSS folder such as oss://my-bucket/pai/ (ending in "/")',
  },
  BUNDLE_HINT_ST2: {
    'zh-CN': '工作流数据存储为 OSS 目录;运行工作流时它优先于默认存储',
    en: 'The workflow data storage is an OSS folder; it wins over the default storage when a workflow runs',
  },
  BUNDLE_HINT_L1: {
    'zh-CN': '转发日志需要有效的 SLS Project 与 LogStore(小写字母、数字、“-”),模块为 DSW、DLC',
    en: 'Forwarding needs a valid SLS Project and LogStore (lowercase letters, digits, "-"); modules are DSW and DLC',
  },
  BUNDLE_HINT_G1: {
    'zh-CN': '修改后需重启相关 DLC 任务才能生效',
    en: 'Restart the affected DLC jobs for the change to take effect',
  },
  BUNDLE_HINT_G2: {
    'zh-CN': '修改后需重启 DSW 实例才能生效',
    en: 'Restart the DSW instances for the change to take effect',
  },
  BUNDLE_HINT_G3: {
    'zh-CN': '修改后需重启 DSW 实例才能生效',
    en: 'Restart the DSW instances for the change to take effect',
  },
} satisfies Catalog
