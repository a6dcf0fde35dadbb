import type { Catalog } from './catalog'

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
    en: 'The workspace name must be {min} to {max} characters long (now {length})',
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
    en: 'The workspace description may have at most {max} characters (now {length})',
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

  // --- E: event notifications ---
  DOMAIN_EVENTBRIDGE_NOT_AUTHORIZED: {
    'zh-CN':
      '首次创建通知规则时,需要开通EventBridge并一键授权PAIWorkSpace服务账号(将创建服务关联角色 AliyunServiceRoleForPAIWorkspace)',
    en: 'Before the first notification rule, activate EventBridge and authorize the PAIWorkSpace service account (this creates the service-linked role AliyunServiceRoleForPAIWorkspace)',
  },
  DOMAIN_RULE_NAME: {
    'zh-CN': '事件规则名称「{name}」无效:1~127 个字符,以字母或数字开头,只能包含字母、数字、下划线和中划线',
    en: 'Event rule name "{name}" is invalid: 1 to 127 characters, starting with a letter or digit, only letters, digits, underscores and hyphens',
  },
  DOMAIN_RULE_DUPLICATE: {
    'zh-CN': '事件规则名称「{name}」重复',
    en: 'Event rule name "{name}" is used twice',
  },
  DOMAIN_RULE_NO_EVENT_TYPES: {
    'zh-CN': '事件规则「{name}」至少需要选择一种事件类型',
    en: 'Event rule "{name}" needs at least one event type',
  },
  DOMAIN_RULE_DUPLICATE_EVENT_TYPE: {
    'zh-CN': '事件规则「{name}」中事件类型 {eventType} 重复',
    en: 'Event rule "{name}" lists event type {eventType} twice',
  },
  DOMAIN_TIMEOUT_EVENT_NEEDS_RULE: {
    'zh-CN': '事件规则「{name}」订阅了DLC任务超时事件,需要先在调度配置中配置超时规则',
    en: 'Event rule "{name}" subscribes to the DLC task timeout event, which needs a timeout rule in the scheduling configuration',
  },
  DOMAIN_RULE_NO_TARGETS: {
    'zh-CN': '事件规则「{name}」没有事件目标,不会发出通知',
    en: 'Event rule "{name}" has no targets and will notify no one',
  },
  DOMAIN_TARGET_NOT_ALLOWED: {
    'zh-CN':
      '事件目标「{target}」不支持事件类型 {eventType}:HTTP/HTTPS 仅支持模型事件;语音电话、短信、邮件仅支持工作流任务和DLC任务事件',
    en: 'Target "{target}" does not support event type {eventType}: HTTP/HTTPS takes model events only; voice, SMS and email take workflow and DLC task events only',
  },
  DOMAIN_TARGET_REGION: {
    'zh-CN': '语音电话、短信和邮件仅支持华东1(杭州)、华东2(上海)、华北6(乌兰察布)地域使用,当前地域为 {region}',
    en: 'Voice, SMS and email are available only in cn-hangzhou, cn-shanghai and cn-wulanchabu; this region is {region}',
  },
  DOMAIN_TARGET_QUOTA_EXCEEDED: {
    'zh-CN': '事件规则「{name}」的事件目标占用配额 {used},超过配额 {quota}(每个联系人占用一个配额,联系人不去重累加)',
    en: 'Event rule "{name}" uses {used} target units, more than its quota of {quota} (each contact takes one unit; contacts are not de-duplicated)',
  },
  DOMAIN_FOREIGN_RULE_QUOTA: {
    'zh-CN':
      '事件规则「{name}」(在应用之外创建,只读)的事件目标占用配额 {used},超过配额 {quota};应用不会修改该规则,请在控制台调整或申请提高配额',
    en: 'Event rule "{name}" (made outside the app, read-only) uses {used} target units, more than the quota of {quota}; the app never changes it: adjust it in the console or ask for a higher quota',
  },
  DOMAIN_QUOTA_RANGE: {
    'zh-CN': '事件目标配额 {value} 无效,应为 {min}~{max} 的整数(默认 5,建议申请量不超过 100)',
    en: 'Target quota {value} is invalid; use a whole number from {min} to {max} (default 5, recommended at most 100)',
  },
  DOMAIN_CONTACTS_EMPTY: {
    'zh-CN': '{target} 至少需要一个联系人',
    en: '{target} needs at least one contact',
  },
  DOMAIN_CONTACT_INVALID: {
    'zh-CN': '联系人「{value}」无效:不能为空,最多 128 个字符',
    en: 'Contact "{value}" is invalid: it cannot be blank and has at most 128 characters',
  },
  DOMAIN_DINGTALK_WEBHOOK: {
    'zh-CN': '钉钉 Webhook 地址无效,应为 https://oapi.dingtalk.com/robot/send?access_token=…',
    en: 'The DingTalk webhook is invalid; it looks like https://oapi.dingtalk.com/robot/send?access_token=…',
  },
  DOMAIN_DINGTALK_SECRET_MISSING: {
    'zh-CN': '钉钉通知需要配置加签密钥',
    en: 'A DingTalk target needs its signing secret',
  },
  DOMAIN_DINGTALK_SECRET_FORMAT: {
    'zh-CN': '加签密钥格式无效,应为机器人安全设置中以 SEC 开头的字符串',
    en: 'The signing secret is invalid; it is the string starting with SEC from the robot security settings',
  },
  DOMAIN_SECRET_REF_FORMAT: {
    'zh-CN': '密钥引用「{value}」无效:应为钥匙串条目名称(字母、数字及 . _ : @ / -,最多 200 个字符)',
    en: 'Secret reference "{value}" is invalid: it names a keychain entry (letters, digits and . _ : @ / -, at most 200 characters)',
  },
  DOMAIN_SECRET_IN_CONFIG: {
    'zh-CN': '配置中出现了密钥本身:密钥只能保存在系统钥匙串中,配置中只能保存其引用名称',
    en: 'The configuration holds a secret itself: secrets live only in the OS keychain, the configuration holds only a reference to it',
  },
  DOMAIN_HTTP_URL: {
    'zh-CN': 'URL「{value}」无效,应为 http:// 或 https:// 开头的地址',
    en: 'URL "{value}" is invalid; it must be an http:// or https:// address',
  },
  DOMAIN_HTTP_URL_CREDENTIALS: {
    'zh-CN': 'URL 中不能包含用户名或密码',
    en: 'The URL must not contain a user name or password',
  },

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

/** Every code the domain area can produce. */
export type DomainCode = keyof typeof domainMessages
