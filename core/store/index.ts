export { openStore, Store } from './store'
export { newLocalWorkspaceKey, isLocalWorkspaceKey } from './ids'
export type { ProfileRecord } from './repos/profiles'
export type { OutboxOp, HeldOp } from './repos/outbox'
