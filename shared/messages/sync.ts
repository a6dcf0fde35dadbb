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
    'zh-CN':
      '当前为 RAM 用户(子账号):需要授予 AliyunPAIFullAccess 权限。该策略包含 PAI 所有权限,请谨慎添加;推荐使用主账号进行操作。',
    en: 'This is a RAM user: it needs the AliyunPAIFullAccess policy. That policy grants every PAI permission, so add it with care; operating with the main account is recommended.',
  },
  DRAFT_UNREADABLE: {
    'zh-CN': '草稿 {key} 无法读取:{detail}',
    en: 'Draft {key} cannot be read: {detail}',
  },
  // ---- sync engine (core/sync)
  DEPENDENCY_FAILED: {
    'zh-CN': '未发送:它依赖的操作失败了,该操作成功后才会发送',
    en: 'Not sent: an operation it depends on failed; it is sent once that one succeeds',
  },
  OP_CLOUD_SAID: {
    'zh-CN': '云端原文:{cloudCode} {cloudMessage}',
    en: 'The cloud said: {cloudCode} {cloudMessage}',
  },
  SYNC_CONFLICT: {
    'zh-CN': '「{target}」在上次同步后已在云端被修改,与本地草稿冲突:请逐项选择保留本地值或采用云端值',
    en: '"{target}" was changed in the cloud since the draft was based on it, and the draft changed it too: choose, field by field, to keep yours or take the cloud\'s',
  },
  SYNC_MANUAL_STEP: {
    'zh-CN': '此项设置没有公开 API,请按步骤在 PAI 控制台中完成,完成后标记为已完成',
    en: 'This setting has no public API: do it in the PAI console with these steps, then mark it done',
  },
  SYNC_PLAN_STALE: {
    'zh-CN': '执行计划已过期:草稿或云端缓存在生成计划后发生了变化,请重新生成计划后再执行',
    en: 'The saved plan is stale: the draft or the cached cloud state changed after it was made. Plan again, then apply',
  },
  SYNC_CONFLICTS_UNRESOLVED: {
    'zh-CN': '还有 {count} 处冲突未解决:请先逐项选择保留本地值或采用云端值',
    en: "{count} {count:conflict is|conflicts are} not resolved yet: choose yours or the cloud's for each first",
  },
  SYNC_DRAFT_INVALID: {
    'zh-CN': '草稿有 {count} 个错误(规则 {rules}),修正后才能同步到云端',
    en: 'The draft has {count} {count:error|errors} (rules {rules}); fix them before applying',
  },
  SYNC_RUN_IN_PROGRESS: {
    'zh-CN': '此工作空间的上一次同步({runId})尚未完成,请等待其完成',
    en: 'The previous apply of this workspace ({runId}) is still running; wait for it to finish',
  },
  SYNC_NO_PROFILE: {
    'zh-CN': '草稿 {key} 不属于任何账号:请先选择一个账号再同步',
    en: 'Draft {key} belongs to no profile: choose a profile before applying it',
  },
  SYNC_NOTHING_TO_RESOLVE: {
    'zh-CN': '新建的工作空间 {key} 尚未在云端创建,没有需要解决的冲突',
    en: 'Workspace {key} is not created yet: there is no conflict to resolve',
  },
  SYNC_ACTION_NOT_MANUAL: {
    'zh-CN': '计划中没有需要手动完成的步骤「{actionId}」',
    en: 'The plan has no manual step "{actionId}"',
  },
  SYNC_PATH_INVALID: {
    'zh-CN': '字段路径「{path}」无效',
    en: 'Invalid field path "{path}"',
  },
  SYNC_WAIT_TIMEOUT: {
    'zh-CN': '等待同步任务 {runId} 完成超时',
    en: 'Timed out waiting for apply run {runId}',
  },
  SYNC_OP_UNKNOWN: {
    'zh-CN': '未知的同步操作类型「{kind}」',
    en: 'Unknown sync operation kind "{kind}"',
  },
  SYNC_OP_INVALID: {
    'zh-CN': '同步操作 {kind} 的内容无效:{summary}',
    en: 'Sync operation {kind} has an invalid payload: {summary}',
  },
  SYNC_NO_WORKSPACE_ID: {
    'zh-CN': '无法确定工作空间 ID:创建工作空间的步骤尚未完成',
    en: 'The workspace ID is unknown: the step that creates the workspace has not finished',
  },
  SYNC_CUSTOM_ROLE_MISSING: {
    'zh-CN': '云端找不到自定义角色「{name}」',
    en: 'Custom role "{name}" was not found in the cloud',
  },
  SYNC_CUSTOM_ROLE_GRANT_UNVERIFIED: {
    'zh-CN':
      '将通过 API 授予自定义角色「{roles}」:PAI 文档只列出了内置角色,未说明自定义角色能否这样授予。发送后会回读成员;若云端未授予,该操作会标记为未生效,请在控制台中授予',
    en: 'Custom role "{roles}" will be granted through the API. PAI documents only its built-in roles for this, so the member is read back after the call; if the cloud did not grant it, the step ends "not applied" and the role is to be granted in the console',
  },
  SYNC_CUSTOM_ROLE_NOT_GRANTED: {
    'zh-CN':
      '云端接受了请求,但成员 {userId} 并未获得自定义角色「{name}」:请在 PAI 控制台中为其授予该角色(未生效,草稿已保留)',
    en: 'The cloud accepted the call but member {userId} does not hold custom role "{name}": grant it in the PAI console (not applied; the draft is kept)',
  },
  SYNC_MEMBER_MISSING: {
    'zh-CN': '云端找不到成员 {userId}',
    en: 'Member {userId} was not found in the cloud',
  },
  SYNC_RESOURCE_MISSING: {
    'zh-CN': '云端找不到计算资源「{name}」',
    en: 'Compute resource "{name}" was not found in the cloud',
  },
  SYNC_WORKSPACE_NOT_READY: {
    'zh-CN': '工作空间 {workspaceId} 仍未就绪(状态 {status})',
    en: 'Workspace {workspaceId} is not ready (status {status})',
  },
  SYNC_SECRET_MISSING: {
    'zh-CN': '系统钥匙串中找不到钉钉加签密钥「{ref}」:请在通知对象中重新填写',
    en: 'The DingTalk signing secret "{ref}" is not in the OS keychain: enter it again on the target',
  },
  SYNC_TARGETS_REJECTED: {
    'zh-CN': '规则「{rule}」的通知对象未被接受({cloudCode}):{cloudMessage}',
    en: 'The targets of rule "{rule}" were refused ({cloudCode}): {cloudMessage}',
  },
  SYNC_NOT_APPLIED: {
    'zh-CN':
      '未生效:云端接受了「{field}」的修改但读回的值不同(发送 {sent},读回 {found})。该写入的格式无公开文档,请在控制台设置;草稿已保留',
    en: 'Not applied: the cloud accepted the change of "{field}" but reads back something else (sent {sent}, read {found}). How to write it is not documented: set it in the console. The draft is kept',
  },
  SYNC_FOREIGN_RULE_READ_ONLY: {
    'zh-CN':
      '事件规则「{rule}」是在应用之外(如控制台)创建的,应用无法完整解读,只读:不会修改它。如需修改请在控制台操作,或删除该规则',
    en: 'Event rule "{rule}" was made outside the app (e.g. in the console) and the app cannot map it exactly, so it is read-only: it is never changed. Change it in the console, or delete the rule',
  },
  SYNC_ROLE_MODULE_READ_ONLY: {
    'zh-CN':
      '自定义角色「{role}」的模块 {modules} 在控制台中设置了应用无法完整解读的权限(如权限点),只读:应用不会修改这些模块。如需修改请在控制台操作',
    en: 'Custom role "{role}": {moduleCount:module|modules} {modules} {moduleCount:holds|hold} permissions set in the console that the app cannot map exactly (such as permission points), so they are read-only: the app never changes them. Change them in the console',
  },
  SYNC_FOREIGN_RULE_NOT_COPIED: {
    'zh-CN':
      '事件规则「{rule}」是在应用之外创建的只读规则,云端没有它:应用不会复制它。如需要请在控制台重新创建,并从草稿中移除',
    en: 'Event rule "{rule}" is a read-only rule made outside the app and the cloud does not have it: the app does not copy it. Recreate it in the console if needed, and remove it from the draft',
  },
  SYNC_FOREIGN_RULE_CHANGED: {
    'zh-CN': '事件规则「{rule}」在草稿基于的状态之后已在云端被修改:不会删除它。请刷新后确认再删除',
    en: 'Event rule "{rule}" was changed in the cloud since the draft was based on it, so it is not deleted: refresh, check it, then delete it again',
  },
  SYNC_PASSTHROUGH_READ_ONLY: {
    'zh-CN': '配置项「{key}」不是应用管理的配置,只读:应用不会写入它。如需修改请在控制台操作',
    en: 'Config key "{key}" is not one the app manages, so it is read-only: the app never writes it. Change it in the console',
  },
} satisfies Catalog
