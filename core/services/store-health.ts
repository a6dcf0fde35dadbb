import type { StoreRecovery } from '@shared/ipc/channels/profiles'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import type { Store } from '../store'

/**
 * What happened to the local database at open: moved aside and restored from a backup, started empty, or a
 * damaged write-ahead log found after an unclean shutdown.
 */
export class StoreHealth {
  constructor(private readonly store: Store) {}

  /** The recovery done at open, with its message in `locale`; null when the database opened sound. */
  recovery(locale: Locale): (StoreRecovery & { code: string; message: string }) | null {
    const r = this.store.recovery
    if (!r) return null
    const code =
      r.reason === 'wal-damaged'
        ? 'STORE_WAL_DAMAGED'
        : r.restoredFrom
          ? 'STORE_RECOVERED'
          : 'STORE_RECOVERED_NO_BACKUP'
    // Ops a restored backup (or a damaged log) left open are held back, never resumed on their own.
    const held = r.heldOps ? ` ${formatMessage(locale, 'STORE_OPS_HELD', { count: r.heldOps })}` : ''
    const message =
      formatMessage(locale, code, {
        detail: r.detail,
        damaged: r.damagedFiles[0] ?? '',
        backup: r.restoredFrom ?? '',
        backupAt: r.restoredBackupAt ?? '',
      }) + held
    return { ...r, code, message }
  }
}
