import fs from 'node:fs'
import path from 'node:path'
import type { StoreRecovery } from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import { makeBackup } from './backup'
import { integrityCheck, openChecked, type Db } from './database'
import { migrate } from './migrate'
import { LATEST_VERSION } from './migrations'
import { looksEmptied, moveAside, recoveryReport, restoreNewestBackup } from './recovery'
import { AccessRepo } from './repos/access'
import { AccessChangesRepo } from './repos/access-changes'
import { ActivityRepo } from './repos/activity'
import { DraftsRepo } from './repos/drafts'
import { MembersRepo } from './repos/members'
import { OutboxRepo } from './repos/outbox'
import { ProfilesRepo } from './repos/profiles'
import { RamPoliciesRepo } from './repos/ram-policies'
import { SettingsRepo } from './repos/settings'
import { WorkspacesRepo } from './repos/workspaces'

export const DB_FILE_NAME = 'pai-admin.db'
export const BACKUP_DIR_NAME = 'backups'

/** Where the store logs what it did (the core's Logger fits). */
export interface StoreLog {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
}

export interface OpenStoreOptions {
  dataDir: string
  log?: StoreLog
  /** Clock (tests). */
  now?: () => Date
}

/**
 * The local SQLite store: one file `<dataDir>/pai-admin.db`. All SQL lives in the repositories below;
 * the rest of the core calls their typed functions. See README.md in this folder.
 */
export class Store {
  readonly profiles: ProfilesRepo
  readonly settings: SettingsRepo
  readonly workspaces: WorkspacesRepo
  readonly members: MembersRepo
  readonly drafts: DraftsRepo
  readonly outbox: OutboxRepo
  readonly activity: ActivityRepo
  /** Who can do what across every profile's cache (issue 16). */
  readonly access: AccessRepo
  readonly accessChanges: AccessChangesRepo
  readonly ramPolicies: RamPoliciesRepo
  private closed = false

  constructor(
    private readonly db: Db,
    readonly file: string,
    readonly backupDir: string,
    /** Set when the database was found damaged at open and moved aside (shown to the user). */
    readonly recovery: StoreRecovery | null,
    private readonly now: () => Date,
    private readonly log?: StoreLog,
  ) {
    this.profiles = new ProfilesRepo(db, now)
    this.settings = new SettingsRepo(db, now)
    this.workspaces = new WorkspacesRepo(db, now)
    this.members = new MembersRepo(db, now)
    this.drafts = new DraftsRepo(db, now)
    this.outbox = new OutboxRepo(db, now)
    this.activity = new ActivityRepo(db, now)
    this.access = new AccessRepo(db)
    this.accessChanges = new AccessChangesRepo(db, now)
    this.ramPolicies = new RamPoliciesRepo(db)
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /**
   * Runs `fn` in one immediate transaction (nested calls become savepoints), e.g. a draft save and the
   * outbox ops it implies. `fn` must be synchronous.
   */
  transaction<T>(fn: () => T): T {
    this.assertOpen()
    return this.db.transaction(fn).immediate()
  }

  /** `PRAGMA integrity_check`: [] when sound (diagnostics, tests). */
  integrityCheck(): string[] {
    this.assertOpen()
    return integrityCheck(this.db)
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  /**
   * Closes the database. With `backup` (the default: a clean close) it first writes a compact copy
   * with VACUUM INTO to `<dataDir>/backups/` and keeps the newest 3.
   */
  close(opts: { backup?: boolean } = {}): { backup: string | null } {
    if (this.closed) return { backup: null }
    let backup: string | null = null
    if (opts.backup !== false) {
      try {
        const res = makeBackup(this.db, this.backupDir, this.now())
        if ('file' in res) backup = res.file
        else this.log?.warn('store backup skipped', { reason: res.skipped })
      } catch (err) {
        this.log?.warn('store backup failed', { error: err instanceof Error ? err.message : String(err) })
      }
    }
    this.db.close()
    this.closed = true
    return { backup }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('STORE_CLOSED')
  }
}

/**
 * Opens (creating if needed) `<dataDir>/pai-admin.db`: WAL, synchronous=FULL, foreign keys, busy
 * timeout; quick_check; migrations in one transaction. A damaged file is moved aside (kept), the newest
 * sound backup is restored and `store.recovery` says so. A file from a newer app is refused
 * (STORE_SCHEMA_TOO_NEW) and left untouched.
 */
export function openStore(opts: OpenStoreOptions): Store {
  const now = opts.now ?? (() => new Date())
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const file = path.join(opts.dataDir, DB_FILE_NAME)
  const backupDir = path.join(opts.dataDir, BACKUP_DIR_NAME)

  let recovery: StoreRecovery | null = null
  const emptied = looksEmptied(file, backupDir)
  let opened = emptied ? { damage: emptied } : openChecked(file)
  if ('damage' in opened) {
    const at = now()
    const damagedFiles = moveAside(file, at)
    const restored = restoreNewestBackup(file, backupDir, LATEST_VERSION)
    recovery = recoveryReport(opened.damage, damagedFiles, restored.restoredFrom, at)
    opts.log?.warn('store damaged: moved aside', { ...recovery, backupsRejected: restored.tried })
    opened = openChecked(file)
    if ('damage' in opened) {
      // The restored copy passed its check a moment ago; this is not expected. Keep it too, start empty.
      const again = moveAside(file, now())
      recovery = { ...recovery, damagedFiles: [...damagedFiles, ...again], restoredFrom: null, restoredBackupAt: null }
      opened = openChecked(file)
      if ('damage' in opened)
        throw new AppError('STORE_OPEN_FAILED', { params: { file, detail: opened.damage.detail } })
    }
  }
  const db = opened.db
  try {
    const { from, to } = migrate(db, file)
    if (from !== to) opts.log?.info('store migrated', { file, from, to })
  } catch (err) {
    db.close()
    throw err
  }
  return new Store(db, file, backupDir, recovery, now, opts.log)
}
