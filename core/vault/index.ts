export { Vault } from './vault'
export { dingtalkKind, type SecretKey } from './accounts'
