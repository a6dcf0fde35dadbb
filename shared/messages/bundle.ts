import type { Catalog } from './catalog'
import { bundleHintMessages } from './bundle-hints'

/**
 * Messages for config bundles [配置包] (D4) and the pai-admin CLI: file problems, import/export,
 * encrypted secrets, and one fix hint per rule ID (`BUNDLE_HINT_<ruleId>`).
 */
export const bundleMessages = {
  // ---- the file itself (rule D4) ----
  BUNDLE_EMPTY: { 'zh-CN': '文件为空', en: 'The file is empty' },
  BUNDLE_TOO_LARGE: {
    'zh-CN': '文件过大({size} 字节,上限 {max} 字节),未读取',
    en: 'The file is too large ({size} {size:byte|bytes}; the limit is {max}); it was not read',
  },
  BUNDLE_BINARY: {
    'zh-CN': '这不是文本文件(含有二进制内容或无效的 UTF-8 编码),不是配置包',
    en: 'This is not a text file (binary content or invalid UTF-8): not a bundle',
  },
  BUNDLE_FORMAT_UNKNOWN: {
    'zh-CN': '无法识别文件「{file}」的格式:请使用 .yaml、.yml 或 .json 扩展名',
    en: 'Unknown format for "{file}": use a .yaml, .yml or .json extension',
  },
  BUNDLE_SYNTAX: { 'zh-CN': '语法错误:{detail}', en: 'Syntax error: {detail}' },
  BUNDLE_TOO_DEEP: {
    'zh-CN': '嵌套层级过深(超过 {max} 层),未读取',
    en: 'Nested too deeply (more than {max} {max:level|levels}); it was not read',
  },
  BUNDLE_ALIAS_LIMIT: {
    'zh-CN': 'YAML 别名(alias)过多(上限 {max}),疑似“别名炸弹”,未读取',
    en: 'Too many YAML aliases (the limit is {max}), as in an alias bomb; it was not read',
  },
  BUNDLE_NOT_OBJECT: { 'zh-CN': '配置包的顶层必须是一个对象', en: 'The top level of a bundle must be an object' },
  BUNDLE_API_VERSION_MISSING: {
    'zh-CN': '缺少 apiVersion(当前版本为 {expected})',
    en: 'apiVersion is missing (the current one is {expected})',
  },
  BUNDLE_API_VERSION_UNKNOWN: {
    'zh-CN': '不支持的 apiVersion「{found}」;本应用支持:{expected}。可能由更新版本的应用导出,请升级应用',
    en: 'Unsupported apiVersion "{found}"; this app reads: {expected}. It may come from a newer version of the app: update the app',
  },
  BUNDLE_MIGRATED: {
    'zh-CN': '配置包为旧格式 {from},已按 {to} 读取;重新导出即可得到新格式',
    en: 'The bundle uses the older format {from} and was read as {to}; export again to get the new format',
  },
  BUNDLE_FIELD: { 'zh-CN': '{field}:{detail}', en: '{field}: {detail}' },
  BUNDLE_UNKNOWN_KEY: {
    'zh-CN': '不支持的字段「{key}」(拼写错误?)',
    en: 'Unsupported field "{key}" (a typo?)',
  },
  BUNDLE_DUPLICATE_KEY: {
    'zh-CN': '字段「{key}」在同一对象中出现了多次:只能写一次',
    en: 'The field "{key}" appears more than once in the same object: write it once',
  },
  BUNDLE_PROBLEMS_TRUNCATED: {
    'zh-CN': '共发现 {total} 个问题,仅列出前 {shown} 个',
    en: '{total} {total:problem|problems} in all; only the first {shown} are listed',
  },
  BUNDLE_TOO_COMPLEX: {
    'zh-CN': '读取文件所需的时间或内存超出上限,未读取:请拆分为较小的配置包',
    en: 'Reading the file took more time or memory than allowed, so it was not read: split it into smaller bundles',
  },
  BUNDLE_NAME_MISMATCH: {
    'zh-CN': '工作空间名称「{name}」与 config.basic.name「{configName}」不一致',
    en: 'The workspace name "{name}" differs from config.basic.name "{configName}"',
  },
  BUNDLE_DUPLICATE_WORKSPACE: {
    'zh-CN': '工作空间「{name}」在配置包中出现了多次',
    en: 'Workspace "{name}" appears more than once in the bundle',
  },
  BUNDLE_REGION_MISMATCH: {
    'zh-CN': '工作空间「{name}」的地域为 {region},但账号「{profile}」的地域为 {profileRegion}',
    en: 'Workspace "{name}" is in region {region}, but profile "{profile}" is in {profileRegion}',
  },
  BUNDLE_PROFILE_UNKNOWN: {
    'zh-CN': '未找到账号「{profile}」:请先用 pai-admin profile add 添加,或在「账号」页面添加',
    en: 'Profile "{profile}" not found: add it first (pai-admin profile add, or the Profiles screen)',
  },

  // ---- secrets ----
  BUNDLE_SECRET_IN_BUNDLE: {
    'zh-CN':
      '字段「{key}」含有密钥明文:配置包中不能写入密钥。请把钉钉加签密钥存入钥匙串并用 secretRef 引用(pai-admin secret set),或使用加密导出',
    en: 'The field "{key}" holds a secret in clear: secrets never go into a bundle. Keep the DingTalk signing secret in the keychain and name it with secretRef (pai-admin secret set), or use an encrypted export',
  },
  BUNDLE_SECRET_IN_CLEAR: {
    'zh-CN': '导出已中止:输出中出现了密钥明文({where})。密钥只能以钥匙串引用或口令加密的形式导出',
    en: 'Export stopped: a secret appeared in clear in the output ({where}). Secrets leave only as keychain references or encrypted with a passphrase',
  },
  BUNDLE_SECRET_MISSING: {
    'zh-CN': '钥匙串中没有加签密钥「{ref}」(账号「{profile}」),无法加密导出',
    en: 'The keychain holds no signing secret "{ref}" for profile "{profile}", so it cannot be exported encrypted',
  },
  BUNDLE_SECRETS_NEED_PROFILE: {
    'zh-CN': '离线草稿没有账号,无法从钥匙串读取或保存加签密钥',
    en: 'An offline draft has no profile, so signing secrets cannot be read from or saved to the keychain',
  },
  BUNDLE_PASSPHRASE_REQUIRED: {
    'zh-CN': '配置包中含有加密的密钥:请提供导出时设置的口令',
    en: 'The bundle carries encrypted secrets: give the passphrase used to export it',
  },
  BUNDLE_PASSPHRASE_WRONG: {
    'zh-CN': '口令错误,或加密内容已被修改,无法解密',
    en: 'Wrong passphrase, or the encrypted content was changed: it cannot be decrypted',
  },
  BUNDLE_PASSPHRASE_SHORT: {
    'zh-CN': '口令至少需要 {min} 个字符',
    en: 'The passphrase needs at least {min} {min:character|characters}',
  },
  BUNDLE_SECRETS_VERSION: {
    'zh-CN': '不支持的加密格式版本 {found}(本应用支持 {supported})',
    en: 'Unsupported encryption format version {found} (this app reads {supported})',
  },
  BUNDLE_SECRETS_PARAMS: {
    'zh-CN': '加密参数超出允许范围({detail}),未解密',
    en: 'Encryption parameters are out of the allowed range ({detail}); nothing was decrypted',
  },
  BUNDLE_SECRET_REF_MISSING: {
    'zh-CN':
      '账号「{profile}」的钥匙串中没有钉钉加签密钥「{ref}」:应用前请先设置(pai-admin secret set {ref} --profile {profile},或在应用中设置)',
    en: 'The keychain of profile "{profile}" holds no DingTalk signing secret "{ref}": set it before applying (pai-admin secret set {ref} --profile {profile}, or in the app)',
  },
  SECRET_REFS_MISSING: {
    'zh-CN':
      '账号「{profile}」的钥匙串中缺少配置所用的 {count} 个钉钉加签密钥:{refs}。未发送任何内容。请在应用的钉钉设置中逐个添加,或:printf %s "$SEC" | pai-admin secret set <名称> --profile {profile}',
    en: 'The keychain of profile "{profile}" lacks {count} DingTalk signing {count:secret|secrets} that the configuration names: {refs}. Nothing was sent. Add {count:it|each one} in the app, or: printf %s "$SEC" | pai-admin secret set NAME --profile {profile}',
  },
  BUNDLE_SECRET_NOT_STORED: {
    'zh-CN':
      '未导入任何内容:钥匙串未能保存钉钉加签密钥「{ref}」({detail})。本次导入已写入的密钥均已移除,草稿未改变。请确认系统钥匙串可用且已解锁,然后重新导入',
    en: 'Nothing was imported: the keychain did not store the DingTalk signing secret "{ref}" ({detail}). The secrets this import had written were removed and no draft changed. Make sure the system keychain is reachable and unlocked, then import again',
  },
  BUNDLE_DRAFTS_NOT_SAVED: {
    'zh-CN': '未导入任何内容:草稿未能保存到本地数据库({detail})。钥匙串已恢复为导入前的状态,草稿未改变',
    en: 'Nothing was imported: the drafts could not be saved in the local database ({detail}). The keychain is as it was before the import and no draft changed',
  },
  BUNDLE_SECRETS_NOT_RESTORED: {
    'zh-CN': '导入失败,且钥匙串中的加签密钥 {refs} 未能恢复为导入前的状态:请用 pai-admin secret list 检查',
    en: 'The import failed, and the signing secrets {refs} could not be put back in the keychain as they were: check them with pai-admin secret list',
  },
  BUNDLE_SECRET_REF_UNSTORABLE: {
    'zh-CN': '密钥引用「{ref}」无法作为钥匙串条目名(仅限 1-64 个字母、数字、“_”、“.”、“-”)',
    en: 'The secret reference "{ref}" cannot name a keychain entry (1-64 letters, digits, "_", "." or "-")',
  },

  // ---- import / export ----
  BUNDLE_INVALID: {
    'zh-CN': '配置包有 {errors} 个错误,未导入任何内容',
    en: 'The bundle has {errors} {errors:error|errors}; nothing was imported',
  },
  BUNDLE_STALE: {
    'zh-CN': '预览之后,工作空间「{name}」的草稿已被修改:请重新预览',
    en: 'The draft of workspace "{name}" changed after the preview: preview again',
  },
  BUNDLE_EXPORT_EMPTY: { 'zh-CN': '没有选择要导出的工作空间', en: 'No workspace selected for export' },
  BUNDLE_WORKSPACE_NOT_FOUND: {
    'zh-CN': '账号「{profile}」下未找到工作空间「{name}」(本地缓存中也没有;请先刷新)',
    en: 'Workspace "{name}" not found for profile "{profile}" (not in the local cache either: refresh first)',
  },

  // ---- CLI ----
  CLI_USAGE: { 'zh-CN': '用法错误:{detail}', en: 'Usage error: {detail}' },
  // ---- files through the desktop's dialogs (files.save, files.open) ----
  FILE_DIALOG_UNAVAILABLE: {
    'zh-CN': '此处没有系统文件对话框(浏览器中请使用下载或上传)',
    en: 'No system file dialog here (in a browser, download or upload instead)',
  },
  FILE_UNREADABLE: { 'zh-CN': '无法读取文件 {file}:{detail}', en: 'Cannot read {file}: {detail}' },
  FILE_UNWRITABLE: { 'zh-CN': '无法写入文件 {file}:{detail}', en: 'Cannot write {file}: {detail}' },
  FILE_KIND_BUNDLE: { 'zh-CN': '配置包(YAML、JSON)', en: 'Config bundle (YAML, JSON)' },
  FILE_KIND_CSV: { 'zh-CN': 'CSV 文件', en: 'CSV file' },
  FILE_KIND_XLSX: { 'zh-CN': 'Excel 工作簿', en: 'Excel workbook' },
  FILE_SAVE_TITLE: { 'zh-CN': '保存文件', en: 'Save file' },
  FILE_OPEN_TITLE: { 'zh-CN': '打开文件', en: 'Open file' },
  CLI_FILE_UNREADABLE: { 'zh-CN': '无法读取文件 {file}:{detail}', en: 'Cannot read {file}: {detail}' },
  CLI_FILE_UNWRITABLE: { 'zh-CN': '无法写入文件 {file}:{detail}', en: 'Cannot write {file}: {detail}' },
  CLI_SYNC_UNAVAILABLE: {
    'zh-CN': '此版本中同步引擎尚不可用,无法执行 {command}',
    en: 'The sync engine is not available in this build, so {command} cannot run',
  },
  CLI_APPLY_NEEDS_YES: {
    'zh-CN': '非交互环境下执行 apply 需要 --yes 确认',
    en: 'apply needs --yes when not run in a terminal',
  },
  CLI_APPLY_DECLINED: { 'zh-CN': '已取消,未发送任何更改', en: 'Cancelled; nothing was sent' },
  CLI_PLAN_REFUSED: {
    'zh-CN': '计划中有 {count} 项被拒绝的操作,未执行',
    en: 'The plan has {count} refused {count:action|actions}; nothing was applied',
  },
  CLI_PROBLEM_COUNTS: {
    'zh-CN': '{errors} 个错误,{warnings} 个警告',
    en: '{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}',
  },
  CLI_VALID: {
    'zh-CN': '通过:{warnings} 个警告',
    en: 'OK: {warnings} {warnings:warning|warnings}',
  },
  CLI_PLAN_COUNTS: {
    'zh-CN': '计划:{apply} 项应用,{manual} 项需在控制台操作,{refused} 项被拒绝,{conflict} 项冲突。',
    en: 'Plan: {apply} to apply, {manual} manual, {refused} refused, {conflict} {conflict:conflict|conflicts}.',
  },
  CLI_APPLY_CONFIRM: {
    'zh-CN': '执行 {count} 项操作?[y/N] ',
    en: 'Apply {count} {count:action|actions}? [y/N] ',
  },
  CLI_EXPORT_WROTE: {
    'zh-CN': '已写入 {file}({workspaces} 个工作空间,{secrets} 个加密密钥)',
    en: 'Wrote {file} ({workspaces} {workspaces:workspace|workspaces}, {secrets} encrypted {secrets:secret|secrets}).',
  },

  // ---- fix hints, one per rule a bundle can break: in ./bundle-hints ----
  ...bundleHintMessages,
} satisfies Catalog
