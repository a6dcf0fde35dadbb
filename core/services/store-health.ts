import type { StoreRecovery } from '@shared/ipc/channels/profiles'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import type { Store } from '../store'

/** What happened to the local database at open: moved aside and restored from a backup, or started empty. */
export class StoreHealth {
  constructor(private readonly store: Store) {}

  /** The recovery done at open, with its message in `locale`; null when the database opened sound. */
  recovery(locale: Locale): (StoreRecovery & { code: string; message: string }) | null {
    const r = this.store.recovery
    if (!r) return null
    const code = r.restoredFrom ? 'STORE_RECOVERED' : 'STORE_RECOVERED_NO_BACKUP'
    const message = formatMessage(locale, code, {
      detail: r.detail,
      damaged: r.damagedFiles[0] ?? '',
      backup: r.restoredFrom ?? '',
      backupAt: r.restoredBackupAt ?? '',
    })
    return { ...r, code, message }
  }
}
