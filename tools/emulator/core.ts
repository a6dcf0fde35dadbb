import fs from 'node:fs'
import path from 'node:path'
import { NonceCache } from './acs3'
import { EmuError, forbidden, notFound, type Incoming } from './http'
import { emptyState, nextId, type EmuState, type TenantRec, type UserRec, type WorkspaceRec } from './model'
import type { Account, EmulatorOptions } from './options'
import { StsState } from './sts'

export const ADMIN_ROLE = 'PAI.WorkspaceAdmin'
export const OWNER_ROLE = 'PAI.WorkspaceOwner'

/** Who is calling, after the signature check. */
export interface Caller {
  account: Account
  tenant: TenantRec
  isMain: boolean
}

export interface Ctx {
  core: EmulatorCore
  inc: Incoming
  caller: Caller
  now: number
  /** Path parameters, decoded. */
  params: Record<string, string>
}

/** State, accounts and the shared checks every service uses. */
export class EmulatorCore {
  state: EmuState
  readonly accounts = new Map<string, Account>()
  readonly nonces: NonceCache
  /** RAM roles and the temporary credentials STS issued (in memory: they do not outlive the process). */
  readonly sts: StsState
  /** IMDSv2 tokens the ECS metadata service handed out. */
  readonly metadataTokens = new Set<string>()
  private saveTimer: NodeJS.Timeout | undefined

  constructor(
    readonly opts: EmulatorOptions,
    accounts: Account[],
  ) {
    for (const a of accounts) this.accounts.set(a.accessKeyId, a)
    this.nonces = new NonceCache(opts.clockSkewMs * 2)
    this.sts = new StsState(opts, accounts.find((a) => a.type === 'main')?.uid)
    this.state = this.load() ?? this.initialState()
    this.registerAccounts()
  }

  initialState(): EmuState {
    const s = emptyState()
    s.seq += this.opts.seed % 1000
    this.state = s
    this.registerAccounts()
    return s
  }

  private registerAccounts(): void {
    for (const a of this.accounts.values()) {
      const t = this.tenant(a.parentUid)
      if (a.type === 'main') t.eventBridge = a.eventBridge
      t.users[a.uid] = {
        UserId: a.uid,
        UserName: a.name,
        DisplayName: a.name,
        AccountType: a.type === 'main' ? '1' : '5',
      }
    }
  }

  reset(): void {
    this.state = this.initialState()
    this.dirty()
  }

  /** The tenant (main account) with this UID, created on first use. */
  tenant(uid: string): TenantRec {
    let t = this.state.tenants[uid]
    if (!t) {
      t = { uid, eventBridge: true, users: {}, dataworksNames: [], workspaces: {}, buses: {}, slsProjects: {} }
      this.state.tenants[uid] = t
    }
    return t
  }

  /** A permanent AccessKey, or a temporary one STS issued. */
  accountFor(accessKeyId: string): Account | undefined {
    return this.accounts.get(accessKeyId) ?? this.sts.account(accessKeyId)
  }

  callerOf(account: Account): Caller {
    return { account, tenant: this.tenant(account.parentUid), isMain: account.type === 'main' }
  }

  hasPolicy(c: Caller, ...policies: string[]): boolean {
    return (
      c.isMain ||
      c.account.policies.includes('AdministratorAccess') ||
      policies.some((p) => c.account.policies.includes(p))
    )
  }

  /** A3: a RAM user needs AliyunPAIFullAccess for any PAI call. */
  requirePai(c: Caller, action: string): void {
    if (!this.hasPolicy(c, 'AliyunPAIFullAccess'))
      throw forbidden(
        'Forbidden.RAM',
        `User not authorized to operate on the specified resource: the RAM user ${c.account.name} needs the policy AliyunPAIFullAccess (paiworkspace:${action}).`,
      )
  }

  workspace(c: Caller, id: string | undefined): WorkspaceRec {
    const ws = id ? c.tenant.workspaces[id] : undefined
    if (!ws) throw notFound('100400027', 'Workspace not exists')
    return ws
  }

  /** A1: only the main account (A2), administrators and the owner may change a workspace. */
  requireAdmin(c: Caller, ws: WorkspaceRec): void {
    if (c.isMain) return
    const m = Object.values(ws.members).find((x) => x.UserId === c.account.uid)
    if (!m || !(m.Roles.includes(ADMIN_ROLE) || m.Roles.includes(OWNER_ROLE)))
      throw forbidden(
        'NoPermission',
        `You are not authorized to change workspace ${ws.WorkspaceId}: only its administrators (${ADMIN_ROLE}) and owner (${OWNER_ROLE}) may.`,
      )
  }

  user(t: TenantRec, uid: string): UserRec {
    return t.users[uid] ?? { UserId: uid, UserName: uid, DisplayName: uid, AccountType: '5' }
  }

  id(): number {
    return nextId(this.state)
  }

  countCreate(key: string): void {
    this.state.createCalls[key] = (this.state.createCalls[key] ?? 0) + 1
  }

  /** Schedules a save of the state file (when one is set). */
  dirty(): void {
    if (!this.opts.stateFile || this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      this.save()
    }, 50)
  }

  save(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer)
      this.saveTimer = undefined
    }
    const file = this.opts.stateFile
    if (!file) return
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(this.state))
    fs.renameSync(tmp, file)
  }

  private load(): EmuState | undefined {
    const file = this.opts.stateFile
    if (!file || !fs.existsSync(file)) return undefined
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    if (!raw || typeof raw !== 'object' || !('tenants' in raw) || !('seq' in raw))
      throw new Error(`${file} is not an emulator state file`)
    return { ...emptyState(), ...(raw as EmuState) }
  }
}

export function unknownApi(inc: Incoming): EmuError {
  return new EmuError(
    404,
    'InvalidApi.NotFound',
    `Specified api is not found, please check your url and method: ${inc.method} ${inc.rawPath}`,
  )
}
