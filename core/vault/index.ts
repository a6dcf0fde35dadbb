export { Vault } from './vault'
export { dingtalkKind, type SecretKey, type SecretKind } from './accounts'
