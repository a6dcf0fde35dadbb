import type { Catalog } from './catalog'
import { domainNotificationMessages } from './domain-notifications'
import { domainSettingsMessages } from './domain-settings'

/**
 * Messages for the domain area's codes (validation problems, permission decisions, DingTalk answers).
 * zh-CN uses the PAI console's own terms (see the brackets in rules.md).
 */
export const domainMessages = {
  // --- shape (schema) problems: any field, any rule ---
  DOMAIN_INPUT_NOT_OBJECT: {
    'zh-CN': '工作空间配置必须是一个对象',
    en: 'The workspace configuration must be an object',
  },
  DOMAIN_INPUT_UNREADABLE: {
    'zh-CN': '无法读取工作空间配置:{detail}',
    en: 'The workspace configuration could not be read: {detail}',
  },
  DOMAIN_CONTEXT_INVALID: {
    'zh-CN': '校验上下文无效({field}),无法判断操作权限',
    en: 'The validation context is invalid ({field}); permissions cannot be decided',
  },
  DOMAIN_SCHEMA_REQUIRED: {
    'zh-CN': '缺少必填项 {field}',
    en: '{field} is required',
  },
  DOMAIN_SCHEMA_TYPE: {
    'zh-CN': '{field} 的类型错误,应为 {expected}',
    en: '{field} has the wrong type; expected {expected}',
  },
  DOMAIN_SCHEMA_ENUM: {
    'zh-CN': '{field} 的取值无效,可选值:{allowed}',
    en: '{field} has an invalid value; allowed: {allowed}',
  },
  DOMAIN_SCHEMA_TOO_SMALL: {
    'zh-CN': '{field} 过小或过短(至少 {minimum})',
    en: '{field} is too small or too short (at least {minimum})',
  },
  DOMAIN_SCHEMA_TOO_BIG: {
    'zh-CN': '{field} 过大或过长(至多 {maximum})',
    en: '{field} is too big or too long (at most {maximum})',
  },
  DOMAIN_SCHEMA_FORMAT: {
    'zh-CN': '{field} 的格式无效',
    en: '{field} has an invalid format',
  },
  DOMAIN_SCHEMA_UNKNOWN_KEY: {
    'zh-CN': '{field} 中有不支持的项:{keys}',
    en: '{field} has unsupported entries: {keys}',
  },
  DOMAIN_SCHEMA_INVALID: {
    'zh-CN': '{field} 无效',
    en: '{field} is invalid',
  },

  // --- A: who may change what ---
  DOMAIN_NOT_ADMIN: {
    'zh-CN': '仅工作空间管理员或负责人能够修改工作空间配置信息',
    en: 'Only a workspace administrator or the owner can modify the workspace configuration',
  },
  DOMAIN_RAM_NEEDS_PAI_FULL_ACCESS: {
    'zh-CN':
      'RAM用户(子账号)需要授予 AliyunPAIFullAccess 权限才能执行此操作。AliyunPAIFullAccess 包含PAI所有权限,请谨慎添加;推荐使用主账号进行操作',
    en: 'A RAM user needs the AliyunPAIFullAccess policy for this. AliyunPAIFullAccess grants every PAI permission, so add it with care; operating with the main account is recommended',
  },
  DOMAIN_OWNER_IS_CREATOR: {
    'zh-CN': '创建工作空间的账号({userId})将自动成为负责人,无法指定其他负责人',
    en: 'The account creating the workspace ({userId}) automatically becomes its owner; another owner cannot be set',
  },

  // --- W: basic information ---
  DOMAIN_NAME_REQUIRED: {
    'zh-CN': '请输入工作空间名称',
    en: 'Enter a workspace name',
  },
  DOMAIN_NAME_LENGTH: {
    'zh-CN': '工作空间名称长度应为 {min}~{max} 个字符(当前 {length} 个)',
    en: 'The workspace name must be {min} to {max} {max:character|characters} long (now {length})',
  },
  DOMAIN_NAME_START: {
    'zh-CN': '工作空间名称必须以字母开头',
    en: 'The workspace name must start with a letter',
  },
  DOMAIN_NAME_CHARS: {
    'zh-CN': '工作空间名称只能包含字母、数字和下划线(_)',
    en: 'The workspace name may contain only letters, digits and underscores (_)',
  },
  DOMAIN_NAME_TAKEN: {
    'zh-CN': '名称已经存在:本地域已有名为「{name}」的工作空间,请修改名称',
    en: 'Name already exists: this region already has a workspace named "{name}"; choose another name',
  },
  DOMAIN_NAME_TAKEN_DATAWORKS: {
    'zh-CN':
      '名称已经存在:DataWorks 中存在同名工作空间「{name}」。由于PAI和DataWorks的工作空间在底层是互通的,请修改名称以确保工作空间名称的唯一性',
    en: 'Name already exists: a DataWorks workspace is named "{name}". PAI and DataWorks share workspaces underneath, so choose another name to keep it unique',
  },
  DOMAIN_NAME_TAKEN_CLOUD: {
    'zh-CN':
      '名称已经存在:云端检查显示「{name}」已被占用。占用它的可能是 PAI 工作空间、回收站中已删除的工作空间,或同名的 DataWorks 工作空间(PAI 与 DataWorks 的工作空间在底层是互通的),请修改名称',
    en: 'Name already exists: the cloud says "{name}" is taken, by a PAI workspace, a deleted one still in the recycle bin, or a DataWorks workspace of the same name (PAI and DataWorks share workspaces underneath); choose another name',
  },
  DOMAIN_NAME_TAKEN_CASE: {
    'zh-CN':
      '名称可能已被占用:「{name}」与已有的工作空间「{existing}」只有大小写不同。应用按不区分大小写检查(云端是否区分大小写没有公开说明;PAI 与 DataWorks 的工作空间共用名称),请修改名称',
    en: 'Name may be taken: "{name}" differs from the existing workspace "{existing}" only in case. The app checks names ignoring case (whether the cloud does is not documented; PAI and DataWorks workspaces share names); choose another name',
  },
  DOMAIN_NAME_IMMUTABLE: {
    'zh-CN': '工作空间名称创建后不可修改(原名称「{previous}」)',
    en: 'The workspace name cannot change after creation (it is "{previous}")',
  },
  DOMAIN_MODE_IMMUTABLE: {
    'zh-CN': '工作空间模式(简易模式/标准模式)创建后不可修改(原为 {previous})',
    en: 'The workspace mode (simple or standard) cannot change after creation (it is {previous})',
  },
  DOMAIN_DESCRIPTION_REQUIRED: {
    'zh-CN': '请输入工作空间描述',
    en: 'Enter a workspace description',
  },
  DOMAIN_DESCRIPTION_TOO_LONG: {
    'zh-CN': '工作空间描述最多 {max} 个字符(当前 {length} 个)',
    en: 'The workspace description may have at most {max} {max:character|characters} (now {length})',
  },
  DOMAIN_RESOURCE_GROUP_ID: {
    'zh-CN': '资源组ID「{value}」格式无效,应为 rg- 开头',
    en: 'Resource group ID "{value}" is invalid; it starts with rg-',
  },

  // --- C: compute resources ---
  DOMAIN_RESOURCE_NAME: {
    'zh-CN': '计算资源名称「{name}」无效:长度 3~28 个字符,以字母开头,只能包含字母、数字和下划线',
    en: 'Compute resource name "{name}" is invalid: 3 to 28 characters, starting with a letter, only letters, digits and underscores',
  },
  DOMAIN_RESOURCE_DUPLICATE: {
    'zh-CN': '计算资源「{name}」({kind},{envType})重复关联',
    en: 'Compute resource "{name}" ({kind}, {envType}) is listed twice',
  },
  DOMAIN_RESOURCE_DEV_IN_SIMPLE: {
    'zh-CN': '简易模式的工作空间只有生产环境,计算资源「{name}」不能关联到开发环境',
    en: 'A simple-mode workspace has only a production environment; resource "{name}" cannot be associated with dev',
  },
  DOMAIN_RESOURCE_DEFAULT_TWICE: {
    'zh-CN': '每种计算资源在每个环境中只能有一个默认资源({kind},{envType})',
    en: 'Each resource kind has at most one default per environment ({kind}, {envType})',
  },
  DOMAIN_RESOURCE_DETACH_REFUSED: {
    'zh-CN': '目前不支持解除已关联的计算资源「{name}」({kind},{envType})。如需要解除关联,请联系您的商务经理处理',
    en: 'Associated compute resource "{name}" ({kind}, {envType}) cannot be disassociated. To disassociate it, contact your business manager',
  },
  DOMAIN_MAXCOMPUTE_GPU: {
    'zh-CN': 'MaxCompute资源仅支持CPU资源,「{name}」不能配置GPU',
    en: 'MaxCompute resources are CPU only; "{name}" cannot have a GPU spec',
  },

  // --- M: members and roles ---
  DOMAIN_MEMBER_USER_ID: {
    'zh-CN': '成员缺少用户ID',
    en: 'The member has no user ID',
  },
  DOMAIN_MEMBER_DUPLICATE: {
    'zh-CN': '成员 {userId} 重复添加,请合并其角色',
    en: 'Member {userId} is listed twice; merge their roles',
  },
  DOMAIN_MEMBER_DUPLICATE_ROLE: {
    'zh-CN': '成员 {userId} 的角色 {role} 重复',
    en: 'Member {userId} has role {role} twice',
  },
  DOMAIN_ROLE_UNKNOWN: {
    'zh-CN': '未知角色「{role}」:请使用基础角色、计算资源角色或自定义角色(role-…)',
    en: 'Unknown role "{role}": use a basic role, the compute resource role, or a custom role (role-…)',
  },
  DOMAIN_MAXCOMPUTE_ROLE_NO_RESOURCE: {
    'zh-CN': '成员 {userId} 拥有计算资源角色「MaxCompute开发」,但工作空间未关联MaxCompute资源',
    en: 'Member {userId} holds the compute resource role MaxCompute developer, but no MaxCompute resource is associated',
  },
  DOMAIN_CUSTOM_ROLE_UNKNOWN: {
    'zh-CN': '自定义角色「{role}」不存在',
    en: 'Custom role "{role}" does not exist',
  },
  DOMAIN_CUSTOM_ROLE_NAME: {
    'zh-CN': '自定义角色名称「{name}」无效:1~64 个字符,只能包含字母、数字、下划线和中划线',
    en: 'Custom role name "{name}" is invalid: 1 to 64 characters, only letters, digits, underscores and hyphens',
  },
  DOMAIN_CUSTOM_ROLE_DUPLICATE: {
    'zh-CN': '自定义角色名称「{name}」重复',
    en: 'Custom role name "{name}" is used twice',
  },
  DOMAIN_CUSTOM_ROLE_ID: {
    'zh-CN': '自定义角色ID「{roleId}」格式无效,应为 role- 开头',
    en: 'Custom role ID "{roleId}" is invalid; it starts with role-',
  },
  DOMAIN_CUSTOM_ROLE_ID_DUPLICATE: {
    'zh-CN': '自定义角色ID「{roleId}」重复',
    en: 'Custom role ID "{roleId}" is used twice',
  },
  DOMAIN_CUSTOM_ROLE_NO_PERMISSION: {
    'zh-CN': '自定义角色「{name}」在所有产品模块中均为无权限',
    en: 'Custom role "{name}" has no permission in any module',
  },
  DOMAIN_MEMBER_NO_ROLE: {
    'zh-CN': '每个成员至少要拥有一个角色:不能移除成员 {userId} 的最后一个角色,如需移除请删除该成员',
    en: 'Every member needs at least one role: the last role of member {userId} cannot be removed; remove the member instead',
  },
  DOMAIN_OWNER_REMOVED: {
    'zh-CN': '不能删除工作空间负责人 {userId}',
    en: 'The workspace owner {userId} cannot be removed',
  },
  DOMAIN_OWNER_ROLE_REMOVED: {
    'zh-CN': '不能删除负责人角色:成员 {userId} 是工作空间负责人',
    en: 'The owner role cannot be removed: member {userId} is the workspace owner',
  },
  DOMAIN_OWNER_ROLE_GRANTED: {
    'zh-CN': '负责人角色不能授予成员 {userId}:创建工作空间的账号自动成为负责人',
    en: 'The owner role cannot be granted to member {userId}: the account that created the workspace is its owner',
  },

  // --- S: scheduling ---
  DOMAIN_PRIORITY_RANGE: {
    'zh-CN': '优先级 {value} 无效,应为 {min}~{max} 的整数',
    en: 'Priority {value} is invalid; use a whole number from {min} to {max}',
  },
  DOMAIN_PRIORITY_LIMIT_DUPLICATE: {
    'zh-CN': '{subject} 的优先级上限重复配置',
    en: 'The priority limit for {subject} is set twice',
  },
  DOMAIN_PRIORITY_SUBJECT_UNKNOWN: {
    'zh-CN': '优先级上限指向的 {subject} 不是工作空间成员或已知角色',
    en: 'The priority limit names {subject}, which is not a member or a known role',
  },
  DOMAIN_DURATION_INVALID: {
    'zh-CN': '时长 {value} 无效,应为正整数(分钟)',
    en: 'Duration {value} is invalid; use a positive whole number of minutes',
  },
  DOMAIN_NON_MEMBER_LIMITS_UNUSED: {
    'zh-CN': '已禁止非工作空间成员使用资源,为其配置的约束不会生效',
    en: 'Non-members may not use resources, so the constraints set for them have no effect',
  },
  DOMAIN_TIMEOUT_DUPLICATE: {
    'zh-CN': '超时规则「{kind}」重复配置',
    en: 'Timeout rule "{kind}" is set twice',
  },

  // --- E (event notifications), ST, L and G (storage, SLS, switches): in their own files ---
  ...domainNotificationMessages,
  ...domainSettingsMessages,
} satisfies Catalog

/** Every code the domain area can produce. */
export type DomainCode = keyof typeof domainMessages
