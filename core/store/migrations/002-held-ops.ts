import type { Migration } from './types'

/**
 * Ops held back because the database they were queued in is not the one that was last written: it was restored
 * from a backup, or the write-ahead log of an unclean shutdown was damaged (commits lost). Their intent may be stale
 * (the cloud or the draft moved on), so they are never resumed on their own: the op is `blocked` in `outbox` and
 * this row says why; the user makes a new plan (or cancels). Deleted with the op.
 */
export const heldOps: Migration = {
  version: 2,
  name: 'held-ops',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_held (
        op_id           TEXT PRIMARY KEY REFERENCES outbox (op_id) ON DELETE CASCADE,
        reason          TEXT NOT NULL CHECK (reason IN ('restored', 'wal-damaged')),
        previous_status TEXT NOT NULL,
        held_at         TEXT NOT NULL,
        source          TEXT
      ) STRICT;
    `)
  },
}
