export { Vault } from './vault'
export { dingtalkKind, type SecretKey, type SecretKind } from './accounts'
export { keychainSettled } from './in-flight'
