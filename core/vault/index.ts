export { Vault, type VaultOptions } from './vault'
export { KEYCHAIN_SERVICE, accountFor, dingtalkKind, parseAccount, type SecretKey, type SecretKind } from './accounts'
export { keychainError } from './errors'
