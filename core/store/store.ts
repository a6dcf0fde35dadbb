import fs from 'node:fs'
import path from 'node:path'
import type { StoreRecovery } from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import { fileStamp, makeBackup } from './backup'
import { integrityCheck, openChecked, type Db } from './database'
import { migrate } from './migrate'
import { LATEST_VERSION } from './migrations'
import { OpenLock } from './open-lock'
import { privateDir, privateFile, tightenFile } from '../private-files'
import { looksEmptied, moveAside, recoveryReport, restoreNewestBackup } from './recovery'
import { checkWal } from './wal-check'
import { AccessRepo } from './repos/access'
import { AccessChangesRepo } from './repos/access-changes'
import { AccessDraftsRepo } from './repos/access-drafts'
import { ActivityRepo } from './repos/activity'
import { CloudRecordsRepo } from './repos/cloud-records'
import { DraftsRepo } from './repos/drafts'
import { MembersRepo } from './repos/members'
import { OutboxRepo } from './repos/outbox'
import { ProfileFactsRepo } from './repos/profile-facts'
import { ProfilesRepo } from './repos/profiles'
import { RamPoliciesRepo } from './repos/ram-policies'
import { RamUsersRepo } from './repos/ram-users'
import { SettingsRepo } from './repos/settings'
import { SyncRunsRepo } from './repos/sync-runs'
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
  readonly syncRuns: SyncRunsRepo
  readonly profileFacts: ProfileFactsRepo
  readonly cloudRecords: CloudRecordsRepo
  /** Who can do what across every profile's cache (issue 16). */
  readonly access: AccessRepo
  readonly accessChanges: AccessChangesRepo
  /** The drafts of bulk access changes, a thousand in one transaction. */
  readonly accessDrafts: AccessDraftsRepo
  readonly ramPolicies: RamPoliciesRepo
  /** The account's RAM users per profile (the member picker). */
  readonly ramUsers: RamUsersRepo
  private closed = false

  constructor(
    private readonly db: Db,
    readonly file: string,
    readonly backupDir: string,
    /** Set when the database was found damaged at open and moved aside (shown to the user). */
    readonly recovery: StoreRecovery | null,
    private readonly now: () => Date,
    private readonly log?: StoreLog,
    /** This process's share of the open lock (see open-lock.ts), released at close. */
    private readonly openLock?: OpenLock,
  ) {
    this.profiles = new ProfilesRepo(db, now)
    this.settings = new SettingsRepo(db, now)
    this.workspaces = new WorkspacesRepo(db, now)
    this.members = new MembersRepo(db, now)
    this.drafts = new DraftsRepo(db, now)
    this.outbox = new OutboxRepo(db, now)
    this.activity = new ActivityRepo(db, now)
    this.syncRuns = new SyncRunsRepo(db, now)
    this.profileFacts = new ProfileFactsRepo(db, now)
    this.cloudRecords = new CloudRecordsRepo(db, now)
    this.access = new AccessRepo(db)
    this.accessChanges = new AccessChangesRepo(db, now)
    this.accessDrafts = new AccessDraftsRepo(db, now)
    this.ramPolicies = new RamPoliciesRepo(db)
    this.ramUsers = new RamUsersRepo(db)
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Inside a transaction now (false after SQLite rolled one back by itself, e.g. on a full disk). */
  get inTransaction(): boolean {
    return !this.closed && this.db.inTransaction
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
    this.openLock?.release()
    this.closed = true
    return { backup }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('STORE_CLOSED')
  }
}

/**
 * Opens (creating if needed) `<dataDir>/pai-admin.db`: WAL, synchronous=FULL, foreign keys, busy timeout; the data
 * folder 0700 and its files 0600; quick_check; migrations in one transaction. The first process to open the
 * database after an unclean shutdown (a write-ahead log left behind) reads the log before SQLite does and runs a
 * full integrity check: committed changes the log has lost are reported (`wal-damaged`, the log copied aside),
 * never dropped silently. A damaged file is moved aside (kept), the newest sound backup is restored and
 * `store.recovery` says so. Outbox ops that were open in a restored or damaged database are held back (never
 * sent on their own: they need a new plan). A file from a newer app is refused (STORE_SCHEMA_TOO_NEW), untouched.
 */
export function openStore(opts: OpenStoreOptions): Store {
  const now = opts.now ?? (() => new Date())
  privateDir(opts.dataDir)
  const file = path.join(opts.dataDir, DB_FILE_NAME)
  const backupDir = path.join(opts.dataDir, BACKUP_DIR_NAME)
  const lock = OpenLock.take(opts.dataDir, OPEN_WAIT_MS)
  try {
    const { db, recovery } = openChecking(file, backupDir, lock.first, now, opts.log)
    lock.share()
    return new Store(db, file, backupDir, recovery, now, opts.log, lock)
  } catch (err) {
    lock.release()
    throw err
  }
}

/** How long a process waits for the first one to finish checking the database after an unclean shutdown. */
const OPEN_WAIT_MS = 120_000

function openChecking(
  file: string,
  backupDir: string,
  first: boolean,
  now: () => Date,
  log: StoreLog | undefined,
): { db: Db; recovery: StoreRecovery | null } {
  const existed = fs.existsSync(file)
  for (const suffix of ['', '-wal', '-shm']) tightenFile(file + suffix)
  if (fs.existsSync(backupDir)) {
    privateDir(backupDir)
    for (const f of fs.readdirSync(backupDir)) tightenFile(path.join(backupDir, f))
  }
  // Nobody else has the database open and a log is left: the last session ended without a clean close.
  const unclean = first && existed && fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0
  const wal = unclean ? walDamage(file, now(), log) : null

  let recovery: StoreRecovery | null = null
  const emptied = looksEmptied(file, backupDir)
  if (!existed) privateFile(file)
  let opened = emptied ? { damage: emptied } : openChecked(file, unclean ? 'full' : 'quick')
  if ('damage' in opened) {
    const at = now()
    const damagedFiles = moveAside(file, at)
    const restored = restoreNewestBackup(file, backupDir, LATEST_VERSION)
    recovery = recoveryReport(opened.damage, damagedFiles, restored.restoredFrom, at)
    log?.warn('store damaged: moved aside', { ...recovery, backupsRejected: restored.tried })
    opened = openChecked(file, 'quick')
    if ('damage' in opened) {
      // The restored copy passed its check a moment ago; this is not expected. Keep it too, start empty.
      const again = moveAside(file, now())
      recovery = { ...recovery, damagedFiles: [...damagedFiles, ...again], restoredFrom: null, restoredBackupAt: null }
      opened = openChecked(file, 'quick')
      if ('damage' in opened)
        throw new AppError('STORE_OPEN_FAILED', { params: { file, detail: opened.damage.detail } })
    }
  } else if (wal) recovery = wal
  const db = opened.db
  try {
    const { from, to } = migrate(db, file)
    if (from !== to) log?.info('store migrated', { file, from, to })
    if (recovery && (recovery.restoredFrom || recovery.reason === 'wal-damaged')) {
      const held = new OutboxRepo(db, now).holdOpen(
        recovery.restoredFrom ? 'restored' : 'wal-damaged',
        recovery.restoredFrom ? path.basename(recovery.restoredFrom) : null,
      )
      recovery = { ...recovery, heldOps: held }
      if (held) log?.warn('outbox ops held back for a new plan', { held, reason: recovery.reason })
    }
  } catch (err) {
    db.close()
    throw err
  }
  return { db, recovery }
}

/**
 * After an unclean shutdown: reads the write-ahead log as SQLite is about to replay it. Committed transactions
 * beyond a damaged frame would be dropped without a word: the log is copied aside and the loss reported.
 */
function walDamage(file: string, at: Date, log: StoreLog | undefined): StoreRecovery | null {
  const report = checkWal(`${file}-wal`)
  log?.warn('unclean shutdown: checking the write-ahead log and the whole database', { file, wal: report })
  if (!report || report.commitsLost === 0) return null
  const copy = path.join(path.dirname(file), `${path.basename(file, '.db')}.damaged-${fileStamp(at)}.db-wal`)
  fs.copyFileSync(`${file}-wal`, copy)
  tightenFile(copy)
  return {
    at: at.toISOString(),
    reason: 'wal-damaged',
    detail: `${report.commitsLost} committed change(s) after byte ${report.firstBadFrameAt ?? '?'} of the log cannot be read`,
    damagedFiles: [copy],
    restoredFrom: null,
    restoredBackupAt: null,
  }
}
