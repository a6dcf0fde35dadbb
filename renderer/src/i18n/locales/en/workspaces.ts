import type zh from '../zh-CN/workspaces'
import type { Shape } from '../shape'

/** English strings of the workspace list. */
const workspaces: Shape<typeof zh> = {
  workspaces: {
    searchPlaceholder: 'Search by name or display name',
    statusFilter: 'Status',
    allStatuses: 'All statuses',
    draftsOnly: 'Drafts only',
    refresh: 'Refresh',
    refreshUnavailable: 'Add and choose a profile to refresh from the cloud',
    name: 'Workspace name',
    displayName: 'Display name',
    status: 'Status',
    mode: 'Mode',
    owner: 'Owner',
    fetchedAt: 'Last refresh',
    draft: 'Draft',
    errors: '{n} error | {n} errors',
    warnings: '{n} warning | {n} warnings',
    hasDraft: 'Has local changes not yet applied',
    total: '{n} workspace | {n} workspaces',
    empty: 'No workspaces. Create a draft, or add a profile and refresh from the cloud.',
    create: 'Create workspace',
    neverFetched: 'Never',
    modeSimple: 'Simple',
    modeStandard: 'Standard',
    profileScope: 'Profile: {name}',
    offlineScope: 'Offline only (local drafts)',
    statusValues: {
      ENABLED: 'Enabled',
      INITIALIZING: 'Creating',
      FAILURE: 'Failed',
      DISABLED: 'Disabled',
      FROZEN: 'Frozen',
      UPDATING: 'Updating',
      DRAFT: 'Draft (not created)',
    },
  },
}
export default workspaces
