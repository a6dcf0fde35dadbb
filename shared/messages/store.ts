import type { Catalog } from './catalog'

/** Messages for the local store (SQLite), the keychain vault and account profiles [账号配置]. */
export const storeMessages = {
  // ---- local database ----
  STORE_SCHEMA_TOO_NEW: {
    'zh-CN':
      '本地数据文件 {file} 由更新版本的应用写入(数据版本 {found},本应用最高支持 {supported})。请升级应用后再打开。为保护数据,本应用不会降级或修改此文件。',
    en: 'The local data file {file} was written by a newer version of the app (data version {found}; this app supports up to {supported}). Please update the app to open it. To protect your data, this app will not downgrade or modify the file.',
  },
  STORE_OPEN_FAILED: {
    'zh-CN': '无法打开本地数据库 {file}:{detail}',
    en: 'Cannot open the local database {file}: {detail}',
  },
  STORE_CLOSED: {
    'zh-CN': '本地数据库已关闭',
    en: 'The local database is closed',
  },
  STORE_RECOVERED: {
    'zh-CN':
      '本地数据库已损坏({detail})。损坏的文件已保留在 {damaged};已从 {backupAt} 的备份 {backup} 恢复,此后的更改可能丢失。',
    en: 'The local database was damaged ({detail}). The damaged file is kept at {damaged}; the data was restored from the backup {backup} made at {backupAt}, so changes made after that backup may be missing.',
  },
  STORE_RECOVERED_NO_BACKUP: {
    'zh-CN': '本地数据库已损坏({detail})。损坏的文件已保留在 {damaged};没有可用的备份,已新建一个空数据库。',
    en: 'The local database was damaged ({detail}). The damaged file is kept at {damaged}; no usable backup was found, so a new empty database was created.',
  },
  DRAFT_CONFLICT: {
    'zh-CN': '草稿已在别处被修改(当前修订 {current},你编辑的是修订 {expected})。请重新加载草稿后再编辑。',
    en: 'The draft was changed elsewhere (current revision {current}, you edited revision {expected}). Reload the draft and edit again.',
  },
  DRAFT_NOT_FOUND: {
    'zh-CN': '未找到工作空间 {workspaceKey} 的草稿',
    en: 'No draft found for workspace {workspaceKey}',
  },
  OUTBOX_OP_NOT_FOUND: {
    'zh-CN': '未找到待发送操作 {opId}',
    en: 'Outbox operation {opId} not found',
  },
  OUTBOX_DEPENDENCY_UNKNOWN: {
    'zh-CN': '操作 {opId} 依赖的操作 {dependsOn} 不存在,整批操作未加入待发送队列',
    en: 'Operation {opId} depends on {dependsOn}, which does not exist; the batch was not queued',
  },
  OUTBOX_BAD_TRANSITION: {
    'zh-CN': '操作 {opId} 当前状态为 {status},不能改为 {to}',
    en: 'Operation {opId} is {status} and cannot become {to}',
  },

  // ---- keychain vault ----
  KEYCHAIN_UNAVAILABLE: {
    'zh-CN':
      '无法访问系统钥匙串({detail})。密钥只保存在系统钥匙串中,绝不以明文保存。Linux:请安装并解锁 Secret Service(例如 gnome-keyring:apt install gnome-keyring),并在桌面会话或 D-Bus 会话中运行;macOS:请在「钥匙串访问」中解锁登录钥匙串;Windows:请确认「凭据管理器」可用。',
    en: 'The system keychain is not reachable ({detail}). Secrets are kept only in the keychain, never in plain text. Linux: install and unlock a Secret Service such as gnome-keyring (apt install gnome-keyring) and run inside a desktop or D-Bus session; macOS: unlock the login keychain in Keychain Access; Windows: make sure Credential Manager is available.',
  },
  KEYCHAIN_ERROR: {
    'zh-CN': '系统钥匙串操作失败:{detail}',
    en: 'The system keychain refused the operation: {detail}',
  },

  // ---- profiles [账号配置] ----
  PROFILE_NOT_FOUND: {
    'zh-CN': '未找到账号配置 {id}',
    en: 'Profile {id} not found',
  },
  PROFILE_NAME_TAKEN: {
    'zh-CN': '账号配置名称「{name}」已存在,请换一个名称',
    en: 'A profile named "{name}" already exists; choose another name',
  },
  PROFILE_HAS_PENDING_OPS: {
    'zh-CN': '账号配置「{name}」还有 {count} 个未完成的待发送操作,请先完成或取消这些操作再删除',
    en: 'Profile "{name}" still has {count} unfinished outbox operations; finish or cancel them before removing it',
  },
} satisfies Catalog
