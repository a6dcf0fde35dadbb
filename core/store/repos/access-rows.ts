/** The rows the access overview reads, as SQLite answers them and as the repository hands them out. */

export interface AccessUserRow {
  userId: string
  name: string
  displayName: string | null
  accountName: string | null
  accountType: string | null
  /** Memberships that count under the filter. */
  workspaces: number
}

export interface AccessCell {
  userId: string
  profileId: string
  workspaceId: string
  memberId: string
  roles: string[]
}

export interface AccessWorkspace {
  profileId: string
  profileName: string
  region: string
  workspaceId: string
  name: string
  displayName: string | null
  status: string | null
  ownerUserId: string | null
  /** When the members were last read (refresh); null: never. */
  fetchedAt: string | null
}

export const USER_COLS = 'u.user_id, u.name, u.display_name, u.account_name, u.account_type'
export const WS_COLS = `w.profile_id, p.name AS profile_name, p.region, w.workspace_id, w.name, w.display_name, w.status,
  a.owner_user_id, a.config_fetched_at`

export interface UserRow {
  user_id: string
  name: string
  display_name: string | null
  account_name: string | null
  account_type: string | null
  n: number
  total_users?: number
  total_memberships?: number
}
export interface WsRow {
  profile_id: string
  profile_name: string
  region: string
  workspace_id: string
  name: string
  display_name: string | null
  status: string | null
  owner_user_id: string | null
  config_fetched_at: string | null
}

export const toUser = (r: UserRow): AccessUserRow => ({
  userId: r.user_id,
  name: r.name,
  displayName: r.display_name,
  accountName: r.account_name,
  accountType: r.account_type,
  workspaces: r.n,
})
export const toWorkspace = (r: WsRow): AccessWorkspace => ({
  profileId: r.profile_id,
  profileName: r.profile_name,
  region: r.region,
  workspaceId: r.workspace_id,
  name: r.name,
  displayName: r.display_name,
  status: r.status,
  ownerUserId: r.owner_user_id,
  fetchedAt: r.config_fetched_at,
})
