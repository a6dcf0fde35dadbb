import type zh from '../zh-CN/access'
import type { Shape } from '../shape'

/** English strings of the access overview. */
export default {
  access: {
    user: 'User',
    userFilter: 'User name or UserId',
    workspaceFilter: 'Workspace name',
    roles: 'Roles',
    profiles: 'Profiles',
    adminsOnly: 'Administrators only',
    minWorkspaces: 'In at least N workspaces',
    withoutFullAccess: 'RAM users without AliyunPAIFullAccess',
    notRefreshedDays: 'Not refreshed for N days',
    counts: '{users} users, {memberships} memberships, {workspaces} workspaces',
    workspaces: 'Workspaces',
    owner: 'Owner',
    empty: 'No membership matches',
    refreshAll: 'Refresh every profile',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export XLSX',
    exported: '{rows} rows exported',
    userPage: "The user's workspaces",
    lastRefreshed: 'Last refreshed',
    never: 'never',
    openMembers: 'Open the members tab',
    offboard: 'Remove from every workspace (offboard)',
    plan: 'Bulk change plan',
    planCounts: '{apply} to apply, {refused} refused, {conflict} conflicts',
    cacheAge: 'cache {age} old',
    refused: 'Refused',
    instead: 'Instead',
    apply: 'Apply all',
    applying: 'Applying: {done}/{total}',
    finished: 'Finished: {done}/{total}, {failed} failed',
    close: 'Close',
  },
} satisfies Shape<typeof zh>
