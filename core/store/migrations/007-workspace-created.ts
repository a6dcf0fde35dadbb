import type { Migration } from './types'

/**
 * The workspace list shows when each workspace was created (issue 18): `GmtCreateTime` of ListWorkspaces and
 * GetWorkspace (docs/pai-api-facts.md §1.2), cached next to `gmt_modified`. Rows cached before this step have
 * none until the next refresh. No index: the list does not sort by it (the covering indexes stay as they are).
 */
export const workspaceCreated: Migration = {
  version: 7,
  name: 'workspace-created',
  up(db) {
    db.exec('ALTER TABLE cached_workspaces ADD COLUMN gmt_create TEXT')
  },
}
