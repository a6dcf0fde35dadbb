import type { Catalog } from './catalog'

/** Messages of the credential kinds (core/cloud/credentials.ts), profile kinds and the import of existing profiles. */
export const credentialMessages = {
  CLOUD_TOKEN_EXPIRED: {
    'zh-CN': '临时凭证(STS Token)已过期({cloudCode}):请重新获取 STS Token 并更新账号配置。请求 ID:{requestId}',
    en: 'The temporary credentials (STS token) have expired ({cloudCode}): get a new STS token and update the profile. Request ID: {requestId}',
  },
  CREDENTIALS_ROLE_NOT_FOUND: {
    'zh-CN': 'RAM 角色不存在:{roleArn}({cloudCode})。请检查角色 ARN 中的账号 ID 和角色名。请求 ID:{requestId}',
    en: 'The RAM role does not exist: {roleArn} ({cloudCode}). Check the account ID and the role name in the role ARN. Request ID: {requestId}',
  },
  CREDENTIALS_ROLE_ARN_INVALID: {
    'zh-CN': '角色 ARN 格式不正确:{roleArn}({cloudCode})。格式为 acs:ram::<账号ID>:role/<角色名>。请求 ID:{requestId}',
    en: 'The role ARN is malformed: {roleArn} ({cloudCode}). It has the form acs:ram::<account ID>:role/<role name>. Request ID: {requestId}',
  },
  CREDENTIALS_ROLE_DENIED: {
    'zh-CN':
      '不允许扮演 RAM 角色 {roleArn}({cloudCode}:{cloudMessage})。请检查:角色的信任策略是否信任当前身份、外部 ID(ExternalId)是否一致、当前 RAM 用户是否有 AliyunSTSAssumeRoleAccess 权限;阿里云账号(主账号)不能扮演角色。{externalIdSent:本配置发送的外部 ID 为“|本配置未发送外部 ID}{externalId}{externalIdSent:”|}。请求 ID:{requestId}',
    en: 'Assuming the RAM role {roleArn} was refused ({cloudCode}: {cloudMessage}). Check that the role trust policy trusts this identity, that the external ID matches, and that the RAM user has AliyunSTSAssumeRoleAccess; an Alibaba Cloud main account cannot assume roles. {externalIdSent:This profile sent the external ID "|This profile sent no external ID}{externalId}{externalIdSent:"|}. Request ID: {requestId}',
  },
  CREDENTIALS_POLICY_INVALID: {
    'zh-CN': '会话权限策略(Policy)不是有效的 RAM 策略({cloudCode})。请求 ID:{requestId}',
    en: 'The session policy is not a valid RAM policy ({cloudCode}). Request ID: {requestId}',
  },
  CREDENTIALS_OIDC_TOKEN_EXPIRED: {
    'zh-CN': 'OIDC Token 已过期({cloudCode}):令牌文件需要由 CI 系统或集群定期更新。请求 ID:{requestId}',
    en: 'The OIDC token has expired ({cloudCode}): the token file must be renewed by the CI system or cluster. Request ID: {requestId}',
  },
  CREDENTIALS_OIDC_TOKEN_REJECTED: {
    'zh-CN':
      'STS 拒绝了 OIDC Token({cloudCode}:{cloudMessage})。请检查 OIDC 身份提供商的签发者(Issuer)和客户端 ID(应为 sts.aliyuncs.com)。请求 ID:{requestId}',
    en: 'STS refused the OIDC token ({cloudCode}: {cloudMessage}). Check the OIDC provider issuer and the client ID (audience sts.aliyuncs.com). Request ID: {requestId}',
  },
  CREDENTIALS_OIDC_TOKEN_FILE: {
    'zh-CN': '无法读取 OIDC 令牌文件 {file}({detail})。',
    en: 'Cannot read the OIDC token file {file} ({detail}).',
  },
  CREDENTIALS_ECS_METADATA: {
    'zh-CN': '无法从 ECS 实例元数据服务获取 RAM 角色凭证({detail})。此类账号只能在绑定了 RAM 角色的 ECS 实例上使用。',
    en: 'Cannot get the RAM role credentials from the ECS instance metadata service ({detail}). This kind of profile works only on an ECS instance with a RAM role attached.',
  },
  CREDENTIALS_ENV_MISSING: {
    'zh-CN':
      '环境变量中没有可用的凭证,缺少:{names}。请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET(可选 ALIBABA_CLOUD_SECURITY_TOKEN),或 OIDC 的 ALIBABA_CLOUD_ROLE_ARN、ALIBABA_CLOUD_OIDC_PROVIDER_ARN、ALIBABA_CLOUD_OIDC_TOKEN_FILE;在 ECS 实例上也可使用实例 RAM 角色。',
    en: 'No usable credentials in the environment; missing: {names}. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (optionally ALIBABA_CLOUD_SECURITY_TOKEN), or for OIDC ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE; on an ECS instance its RAM role works too.',
  },
  CREDENTIALS_FIELD_INVALID: {
    'zh-CN': '账号配置中的 {field} 无效:“{value}”,应为 {hint}。',
    en: 'The profile field {field} is invalid: "{value}"; expected {hint}.',
  },
  // The expected forms of CREDENTIALS_FIELD_INVALID's {hint} (messageRef), one per field.
  CREDENTIALS_HINT_ROLE_ARN: {
    'zh-CN': 'acs:ram::<账号 ID>:role/<角色名称>',
    en: 'acs:ram::<account ID>:role/<role name>',
  },
  CREDENTIALS_HINT_OIDC_PROVIDER_ARN: {
    'zh-CN': 'acs:ram::<账号 ID>:oidc-provider/<身份提供商名称>',
    en: 'acs:ram::<account ID>:oidc-provider/<provider name>',
  },
  CREDENTIALS_HINT_SESSION_NAME: {
    'zh-CN': '{min}-{max} 个字母、数字或 . @ _ -',
    en: '{min}-{max} letters, digits or . @ _ -',
  },
  CREDENTIALS_HINT_DURATION: { 'zh-CN': '{min}-{max} 之间的秒数', en: '{min}-{max} {max:second|seconds}' },
  CREDENTIALS_HINT_POLICY: { 'zh-CN': 'JSON 格式的权限策略', en: 'a JSON policy document' },
  CREDENTIALS_HINT_STS_EXPIRATION: {
    'zh-CN': 'ISO 8601 时间,如 {example}',
    en: 'an ISO 8601 time, e.g. {example}',
  },
  CREDENTIALS_FAILED: {
    'zh-CN': '无法获取 {kind} 类型的凭证:{detail}',
    en: 'Cannot get the {kind} credentials: {detail}',
  },
  PROFILE_RAM_ROLE_ADVICE: {
    'zh-CN':
      '当前为扮演的 RAM 角色:该角色需要 AliyunPAIFullAccess 权限。该策略包含 PAI 所有权限,请谨慎授予;可在会话权限策略中进一步收窄。',
    en: 'This is an assumed RAM role: the role needs the AliyunPAIFullAccess policy. That policy grants every PAI permission, so grant it with care; a session policy can narrow it further.',
  },
  PROFILE_KIND_FIELDS: {
    'zh-CN': '{kind} 类型的账号需要填写:{fields}',
    en: 'A {kind} profile needs: {fields}',
  },
  PROFILE_BASE_INVALID: {
    'zh-CN': '源账号无效:{detail}',
    en: 'The source profile is not usable: {detail}',
  },
  PROFILE_IN_USE: {
    'zh-CN': '账号 {name} 是 {users} 扮演角色所用的源账号,请先修改或删除这些账号。',
    en: 'Profile {name} is the source profile of {users}, which assume roles with it: change or remove them first.',
  },
  IMPORT_FILE_UNREADABLE: {
    'zh-CN': '无法读取 {file}({detail})。文件未被修改。',
    en: 'Cannot read {file} ({detail}). The file was not changed.',
  },
  IMPORT_FILE_INVALID: {
    'zh-CN': '{file} 的格式无法识别({detail})。文件未被修改。',
    en: '{file} is not in a format that can be read ({detail}). The file was not changed.',
  },
  IMPORT_CHANGED: {
    'zh-CN': '{file} 在预览后已被修改,请重新预览再导入。',
    en: '{file} changed after the preview: preview it again before importing.',
  },
  CLI_IMPORT_NEEDS_YES: {
    'zh-CN': '非交互环境下执行 profile import 需要 --yes 确认(请先查看上面列出的将导入的账号)',
    en: 'profile import needs --yes when not run in a terminal (check the profiles listed above first)',
  },
  CLI_IMPORT_DECLINED: { 'zh-CN': '已取消,未导入任何账号', en: 'Cancelled; nothing was imported' },
  IMPORT_NOTHING_SELECTED: {
    'zh-CN': '没有选择要导入的账号。',
    en: 'No profile was selected for import.',
  },
} satisfies Catalog
