export { openStore, Store, DB_FILE_NAME, BACKUP_DIR_NAME, type OpenStoreOptions, type StoreLog } from './store'
export { KEEP_BACKUPS, listBackups } from './backup'
export { newId, newLocalWorkspaceKey, isLocalWorkspaceKey } from './ids'
export { canonicalJson, contentHash, readJson, type Checked } from './json'
export { LATEST_VERSION } from './migrations'
export type { ProfileRecord } from './repos/profiles'
export type { CachedWorkspace, CachedWorkspaceInput, WorkspaceSort, ListQuery, Page } from './repos/workspaces'
export type { CachedMember, CachedMemberInput, MemberSort } from './repos/members'
export type { Draft, DraftSaveInput, DraftSummary } from './repos/drafts'
export { OP_STATUSES, type NewOp, type OpStatus, type OutboxOp } from './repos/outbox'
export type { ActivityEntry, ActivityInput, ActivityResult } from './repos/activity'
export type { AccessCell, AccessFilter, AccessSort, AccessUserRow, AccessWorkspace } from './repos/access'
export {
  ACCESS_CHANGE_KINDS,
  type AccessChangeKind,
  type AccessChangeRecord,
  type AccessChangeStatus,
} from './repos/access-changes'
export type { RamPolicyFact } from './repos/ram-policies'
