import type { Catalog } from './catalog'

/**
 * Messages for the cloud area's codes (core/cloud). Every cloud error that reached a server
 * shows its request ID, so a user can quote it to Alibaba Cloud support.
 */
export const cloudMessages = {
  CLOUD_AUTH: {
    'zh-CN':
      'AccessKey 无效或签名不匹配({cloudCode}):请检查 AccessKey ID 与 AccessKey Secret 是否正确、是否已被禁用。请求 ID:{requestId}',
    en: 'The AccessKey is invalid or the signature does not match ({cloudCode}): check the AccessKey ID and secret, and that the key is enabled. Request ID: {requestId}',
  },
  CLOUD_CLOCK_SKEW: {
    'zh-CN': '请求时间与云端相差过大({cloudCode}):请校准本机时间后重试。请求 ID:{requestId}',
    en: "The request's time is too far from the cloud's clock ({cloudCode}): correct this computer's clock and try again. Request ID: {requestId}",
  },
  CLOUD_PERMISSION: {
    'zh-CN':
      '当前身份无权执行此操作({cloudCode})。RAM 用户需要授权 AliyunPAIFullAccess 策略,该策略授予全部 PAI 权限,请谨慎添加;建议使用阿里云账号(主账号)操作。请求 ID:{requestId}',
    en: 'The current identity may not perform this operation ({cloudCode}). A RAM user needs the AliyunPAIFullAccess policy; it grants every PAI permission, so add it with care. Operating with the Alibaba Cloud main account is recommended. Request ID: {requestId}',
  },
  CLOUD_WORKSPACE_ROLE: {
    'zh-CN': '只有工作空间的管理员或负责人可以修改工作空间配置({cloudCode})。请求 ID:{requestId}',
    en: "Only the workspace's administrator or owner may change its configuration ({cloudCode}). Request ID: {requestId}",
  },
  CLOUD_SLS_PERMISSION: {
    'zh-CN':
      '当前身份无权读取日志服务(SLS)的 Project 或 LogStore({cloudCode}),需要 log:ListProject 等权限。请求 ID:{requestId}',
    en: 'The current identity may not read Log Service (SLS) projects or logstores ({cloudCode}); it needs log:ListProject and related permissions. Request ID: {requestId}',
  },
  CLOUD_RAM_PERMISSION: {
    'zh-CN':
      '当前身份无权读取访问控制(RAM)的用户、用户组或权限策略({cloudCode}:{cloudMessage}),需要 AliyunRAMReadOnlyAccess 等权限;仍可手动输入用户 UID。请求 ID:{requestId}',
    en: 'The current identity may not read Resource Access Management (RAM) users, groups or policies ({cloudCode}: {cloudMessage}); it needs AliyunRAMReadOnlyAccess or similar. You can still type a user UID. Request ID: {requestId}',
  },
  CLOUD_SERVICE_NOT_ENABLED: {
    'zh-CN':
      '云服务尚未开通或未授权({cloudCode}):首次使用事件通知需要开通事件总线 EventBridge,并为 PAI 工作空间一键授权。请求 ID:{requestId}',
    en: 'The cloud service is not activated or not authorized ({cloudCode}): event notifications first need EventBridge activated and PAI workspaces authorized. Request ID: {requestId}',
  },
  CLOUD_NOT_FOUND: {
    'zh-CN': '云端找不到该对象,可能已被删除({cloudCode}:{cloudMessage})。请求 ID:{requestId}',
    en: 'The cloud cannot find it; it may have been deleted ({cloudCode}: {cloudMessage}). Request ID: {requestId}',
  },
  CLOUD_NAME_CONFLICT: {
    'zh-CN':
      '名称已经存在:「{name}」。PAI 与 DataWorks 共用工作空间,同名的 DataWorks 工作空间也会占用该名称,请换一个名称。请求 ID:{requestId}',
    en: 'The name already exists: "{name}". PAI and DataWorks share workspaces, so a DataWorks workspace of the same name also takes it; choose another name. Request ID: {requestId}',
  },
  CLOUD_ALREADY_EXISTS: {
    'zh-CN': '云端已存在同名或相同的对象({cloudCode}:{cloudMessage})。请求 ID:{requestId}',
    en: 'The cloud already has this item or one of the same name ({cloudCode}: {cloudMessage}). Request ID: {requestId}',
  },
  CLOUD_OWNER_PROTECTED: {
    'zh-CN': '不能移除工作空间负责人,也不能移除负责人的负责人角色({cloudCode})。请求 ID:{requestId}',
    en: "The workspace owner cannot be removed, nor can the owner's owner role ({cloudCode}). Request ID: {requestId}",
  },
  CLOUD_LAST_ROLE: {
    'zh-CN': '成员至少要保留一个角色:不能移除其最后一个角色,如需移除请删除该成员({cloudCode})。请求 ID:{requestId}',
    en: 'A member keeps at least one role: the last role cannot be removed; remove the member instead ({cloudCode}). Request ID: {requestId}',
  },
  CLOUD_REQUEST_REJECTED: {
    'zh-CN': '云端拒绝了请求({cloudCode}:{cloudMessage})。请求 ID:{requestId}',
    en: 'The cloud refused the request ({cloudCode}: {cloudMessage}). Request ID: {requestId}',
  },
  CLOUD_THROTTLED: {
    'zh-CN': '请求过于频繁,已被云端限流({cloudCode}),重试 {attempts} 次后仍未成功,请稍后再试。请求 ID:{requestId}',
    en: 'The cloud is throttling these requests ({cloudCode}); still refused after {attempts} {attempts:attempt|attempts}, try again later. Request ID: {requestId}',
  },
  CLOUD_SERVER: {
    'zh-CN': '云端服务出错({cloudCode},HTTP {httpStatus}),重试 {attempts} 次后仍未成功。请求 ID:{requestId}',
    en: 'The cloud service failed ({cloudCode}, HTTP {httpStatus}); still failing after {attempts} {attempts:attempt|attempts}. Request ID: {requestId}',
  },
  CLOUD_NETWORK: {
    'zh-CN': '无法连接云端 {endpoint}:{detail}。请检查网络和代理设置。',
    en: 'Cannot reach the cloud at {endpoint}: {detail}. Check the network and proxy settings.',
  },
  CLOUD_TIMEOUT: {
    'zh-CN': '连接云端 {endpoint} 超时({detail})。',
    en: 'The request to {endpoint} timed out ({detail}).',
  },
  CLOUD_ANSWER_LOST: {
    'zh-CN': '请求已发出但未收到云端的答复({detail}),操作可能已经生效;请刷新后确认,不要直接重复创建。',
    en: 'The request was sent but its answer was lost ({detail}); the operation may have taken effect. Refresh and check before creating it again.',
  },
  CLOUD_BAD_RESPONSE: {
    'zh-CN': '云端返回的数据无法解析({summary})。请求 ID:{requestId}',
    en: 'The cloud returned data that cannot be understood ({summary}). Request ID: {requestId}',
  },
  CLOUD_PROXY: {
    'zh-CN': '代理设置无效:{detail}',
    en: 'Invalid proxy setting: {detail}',
  },
  CLOUD_ROLE_JOB_FAILED: {
    'zh-CN': '自定义角色的后台任务失败:{reason}',
    en: 'The custom role job failed: {reason}',
  },
  CLOUD_ROLE_JOB_TIMEOUT: {
    'zh-CN': '自定义角色的后台任务在 {seconds} 秒内没有完成(任务 {jobId})',
    en: 'The custom role job {jobId} did not finish within {seconds} {seconds:second|seconds}',
  },
  DINGTALK_OK: {
    'zh-CN': '测试连通性成功:钉钉机器人已收到测试消息。',
    en: 'Connectivity test passed: the DingTalk robot received the test message.',
  },
  DINGTALK_BAD_WEBHOOK: {
    'zh-CN': 'Webhook 地址无效:应为 https://oapi.dingtalk.com/robot/send?access_token=… 形式',
    en: 'Invalid webhook: expected https://oapi.dingtalk.com/robot/send?access_token=…',
  },
  DINGTALK_SIGN_MISMATCH: {
    'zh-CN': '加签密钥不匹配:请核对机器人安全设置中的加签密钥(SEC 开头)。',
    en: "The signature does not match: check the signing secret (starting with SEC) in the robot's security settings.",
  },
  DINGTALK_SECRET_MISSING: {
    'zh-CN': '该机器人开启了加签,但没有填写加签密钥:请在机器人安全设置中复制加签密钥(SEC 开头)并填写后再测试。',
    en: "The robot signs its messages (加签) but no signing secret was given: copy the secret (starting with SEC) from the robot's security settings and enter it, then test again.",
  },
  DINGTALK_TIMESTAMP_INVALID: {
    'zh-CN': '时间戳无效:本机时间与钉钉服务器相差超过 1 小时,请校准时间。',
    en: "Invalid timestamp: this computer's clock is more than an hour off DingTalk's; correct it.",
  },
  DINGTALK_KEYWORD_MISSING: {
    'zh-CN': '消息未包含机器人设置的自定义关键词。',
    en: "The message does not contain one of the robot's custom keywords.",
  },
  DINGTALK_IP_NOT_ALLOWED: {
    'zh-CN': '本机出口 IP 不在机器人的 IP 白名单中({errmsg})。',
    en: "This computer's public IP is not in the robot's IP allow-list ({errmsg}).",
  },
  DINGTALK_TOKEN_INVALID: {
    'zh-CN': 'access_token 无效或机器人已被删除。',
    en: 'The access_token is invalid or the robot was removed.',
  },
  DINGTALK_RATE_LIMITED: {
    'zh-CN': '发送过于频繁:每个机器人每分钟最多 20 条消息,请稍后再试。',
    en: 'Sending too fast: a robot accepts at most 20 messages a minute; try again later.',
  },
  DINGTALK_ERROR: {
    'zh-CN': '钉钉机器人返回错误 {errcode}:{errmsg}',
    en: 'The DingTalk robot answered error {errcode}: {errmsg}',
  },
} satisfies Catalog
