import type { Catalog } from './catalog'

/**
 * The CLI's secret reading (`secret set|list|delete`, `profile add`, bundle passphrases, `dingtalk test`):
 * what is asked for (CLI_SECRET_WHAT_*, used inside the errors) and the hidden prompt (CLI_SECRET_PROMPT_*).
 * A prompt ends with a space: the typed secret is not echoed after it.
 */
export const cliSecretMessages = {
  CLI_SECRET_WHAT_PASSPHRASE: { 'zh-CN': '口令', en: 'passphrase' },
  CLI_SECRET_WHAT_DINGTALK: { 'zh-CN': '钉钉加签密钥', en: 'DingTalk signing secret' },
  CLI_SECRET_WHAT_ACCESS_KEY_SECRET: { 'zh-CN': 'AccessKey Secret', en: 'AccessKey Secret' },
  CLI_SECRET_WHAT_SECURITY_TOKEN: { 'zh-CN': '安全令牌(Security Token)', en: 'Security Token' },
  CLI_SECRET_WHAT_STS_PAIR: {
    'zh-CN': 'AccessKey Secret 和 Security Token(两行)',
    en: 'AccessKey Secret and Security Token (two lines)',
  },
  CLI_SECRET_PROMPT_PASSPHRASE: { 'zh-CN': '口令: ', en: 'Passphrase: ' },
  CLI_SECRET_PROMPT_EXPORT_PASSPHRASE: { 'zh-CN': '用于加密密钥的口令: ', en: 'Passphrase for the secrets: ' },
  CLI_SECRET_PROMPT_DINGTALK: { 'zh-CN': '加签密钥(SEC…): ', en: 'Signing secret (SEC…): ' },
  CLI_SECRET_PROMPT_DINGTALK_REF: { 'zh-CN': '「{ref}」的加签密钥(SEC…): ', en: 'Signing secret for {ref} (SEC…): ' },
  CLI_SECRET_PROMPT_ACCESS_KEY_SECRET: { 'zh-CN': 'AccessKey Secret: ', en: 'AccessKey Secret: ' },
  CLI_SECRET_PROMPT_SECURITY_TOKEN: { 'zh-CN': '安全令牌(Security Token): ', en: 'Security Token: ' },
  CLI_SECRET_REQUIRED: {
    'zh-CN': '请通过标准输入提供{what}(例如:printf %s "$SECRET" | pai-admin …),或在终端中运行以输入',
    en: 'Give the {what} on standard input (e.g. printf %s "$SECRET" | pai-admin …), or run in a terminal to type it',
  },
  CLI_SECRET_ABORTED: {
    'zh-CN': '已取消:未输入{what},未做任何更改',
    en: 'Cancelled: no {what} was entered; nothing was changed',
  },
  CLI_SECRET_SET: {
    'zh-CN': '已将加签密钥「{ref}」保存到账号「{profile}」的钥匙串',
    en: 'Stored the signing secret "{ref}" in the keychain of profile "{profile}"',
  },
  CLI_SECRET_DELETED: {
    'zh-CN': '已从账号「{profile}」的钥匙串删除加签密钥「{ref}」',
    en: 'Deleted the signing secret "{ref}" from the keychain of profile "{profile}"',
  },
  CLI_SECRET_NOT_FOUND: {
    'zh-CN': '账号「{profile}」的钥匙串中没有加签密钥「{ref}」',
    en: 'The keychain of profile "{profile}" holds no signing secret "{ref}"',
  },
  CLI_SECRET_NONE: {
    'zh-CN':
      '账号「{profile}」的钥匙串中没有钉钉加签密钥。添加:printf %s "$SEC" | pai-admin secret set 名称 --profile {profile}',
    en: 'The keychain of profile "{profile}" holds no DingTalk signing secret. Add one: printf %s "$SEC" | pai-admin secret set NAME --profile {profile}',
  },
} satisfies Catalog
