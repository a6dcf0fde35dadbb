import type { Catalog } from './catalog'

/** Domain messages of the E rules (event notifications: EventBridge, rules, targets, DingTalk). Part of ./domain. */
export const domainNotificationMessages = {
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
} satisfies Catalog
