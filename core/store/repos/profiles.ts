import Database from 'better-sqlite3'
import {
  CallerInfoSchema,
  NO_ENDPOINTS,
  type CallerInfo,
  type ProfileFields,
  type ProfileKind,
} from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { newId } from '../ids'

/** A stored profile: connection and credential settings only. There is no secret column (D2). */
export interface ProfileRecord extends ProfileFields {
  id: string
  createdAt: string
  updatedAt: string
  /** Who the credentials were at the last check (GetCallerIdentity); null before the first. */
  caller: CallerInfo | null
}

/** What `insert` needs: a name and a region; every other field has its default (an AccessKey profile). */
export type ProfileInsert = Pick<ProfileFields, 'name' | 'region'> & Partial<ProfileFields>

interface Row {
  id: string
  name: string
  region: string
  kind: ProfileKind
  endpoint: string | null
  endpoint_pai: string | null
  endpoint_eventbridge: string | null
  endpoint_sts: string | null
  endpoint_sls: string | null
  protocol: 'http' | 'https'
  access_key_id: string
  base_profile_id: string | null
  role_arn: string | null
  role_session_name: string | null
  duration_seconds: number | null
  external_id: string | null
  session_policy: string | null
  oidc_provider_arn: string | null
  oidc_token_file: string | null
  ecs_role_name: string | null
  sts_expiration: string | null
  proxy: string | null
  imported_from: string | null
  caller_json: string | null
  created_at: string
  updated_at: string
}

const FIELDS = [
  'id',
  'name',
  'region',
  'kind',
  'endpoint',
  'endpoint_pai',
  'endpoint_eventbridge',
  'endpoint_sts',
  'endpoint_sls',
  'protocol',
  'access_key_id',
  'base_profile_id',
  'role_arn',
  'role_session_name',
  'duration_seconds',
  'external_id',
  'session_policy',
  'oidc_provider_arn',
  'oidc_token_file',
  'ecs_role_name',
  'sts_expiration',
  'proxy',
  'imported_from',
  'caller_json',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof Row>
const COLS = FIELDS.join(', ')

function readCaller(json: string | null): CallerInfo | null {
  if (!json) return null
  try {
    const parsed = CallerInfoSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function toRecord(r: Row): ProfileRecord {
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    kind: r.kind,
    endpoint: r.endpoint,
    endpoints: { pai: r.endpoint_pai, eventBridge: r.endpoint_eventbridge, sts: r.endpoint_sts, sls: r.endpoint_sls },
    protocol: r.protocol,
    // Kinds without an AccessKey of their own store '' (the column is NOT NULL).
    accessKeyId: r.access_key_id === '' ? null : r.access_key_id,
    baseProfileId: r.base_profile_id,
    roleArn: r.role_arn,
    roleSessionName: r.role_session_name,
    durationSeconds: r.duration_seconds,
    externalId: r.external_id,
    policy: r.session_policy,
    oidcProviderArn: r.oidc_provider_arn,
    oidcTokenFile: r.oidc_token_file,
    ecsRoleName: r.ecs_role_name,
    stsExpiration: r.sts_expiration,
    proxy: r.proxy,
    importedFrom: r.imported_from,
    caller: readCaller(r.caller_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toRow(p: ProfileRecord): Row {
  return {
    id: p.id,
    name: p.name,
    region: p.region,
    kind: p.kind,
    endpoint: p.endpoint,
    endpoint_pai: p.endpoints.pai,
    endpoint_eventbridge: p.endpoints.eventBridge,
    endpoint_sts: p.endpoints.sts,
    endpoint_sls: p.endpoints.sls,
    protocol: p.protocol,
    access_key_id: p.accessKeyId ?? '',
    base_profile_id: p.baseProfileId,
    role_arn: p.roleArn,
    role_session_name: p.roleSessionName,
    duration_seconds: p.durationSeconds,
    external_id: p.externalId,
    session_policy: p.policy,
    oidc_provider_arn: p.oidcProviderArn,
    oidc_token_file: p.oidcTokenFile,
    ecs_role_name: p.ecsRoleName,
    sts_expiration: p.stsExpiration,
    proxy: p.proxy,
    imported_from: p.importedFrom,
    caller_json: p.caller ? JSON.stringify(p.caller) : null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  }
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

const DEFAULTS: Omit<ProfileFields, 'name' | 'region'> = {
  kind: 'access-key',
  endpoint: null,
  endpoints: NO_ENDPOINTS,
  protocol: 'https',
  accessKeyId: null,
  baseProfileId: null,
  roleArn: null,
  roleSessionName: null,
  durationSeconds: null,
  externalId: null,
  policy: null,
  oidcProviderArn: null,
  oidcTokenFile: null,
  ecsRoleName: null,
  stsExpiration: null,
  proxy: null,
  importedFrom: null,
}

export class ProfilesRepo {
  private readonly qList
  private readonly qGet
  private readonly qByName
  private readonly qUsers
  private readonly qInsert
  private readonly qUpdate
  private readonly qCaller
  private readonly qDelete

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qList = db.prepare<[], Row>(`SELECT ${COLS} FROM profiles ORDER BY name COLLATE NOCASE`)
    this.qGet = db.prepare<[string], Row>(`SELECT ${COLS} FROM profiles WHERE id = ?`)
    this.qByName = db.prepare<[string], Row>(`SELECT ${COLS} FROM profiles WHERE name = ? COLLATE NOCASE`)
    this.qUsers = db.prepare<[string], Row>(
      `SELECT ${COLS} FROM profiles WHERE base_profile_id = ? ORDER BY name COLLATE NOCASE`,
    )
    this.qInsert = db.prepare<[Row]>(`INSERT INTO profiles (${COLS}) VALUES (${FIELDS.map((f) => `@${f}`).join(', ')})`)
    this.qUpdate = db.prepare<[Row]>(
      `UPDATE profiles SET ${FIELDS.filter((f) => f !== 'id' && f !== 'created_at' && f !== 'caller_json')
        .map((f) => `${f} = @${f}`)
        .join(', ')} WHERE id = @id`,
    )
    this.qCaller = db.prepare<[string | null, string]>('UPDATE profiles SET caller_json = ? WHERE id = ?')
    this.qDelete = db.prepare<[string]>('DELETE FROM profiles WHERE id = ?')
  }

  list(): ProfileRecord[] {
    return this.qList.all().map(toRecord)
  }

  get(id: string): ProfileRecord | undefined {
    const r = this.qGet.get(id)
    return r ? toRecord(r) : undefined
  }

  /** Case-insensitive, as the name's unique index. */
  getByName(name: string): ProfileRecord | undefined {
    const r = this.qByName.get(name)
    return r ? toRecord(r) : undefined
  }

  /** The profiles that assume a role with this one's credentials (ram-role-arn with it as source). */
  usersOf(id: string): ProfileRecord[] {
    return this.qUsers.all(id).map(toRecord)
  }

  /** Adds a profile; PROFILE_NAME_TAKEN when the name exists (case-insensitive). */
  insert(fields: ProfileInsert, id: string = newId()): ProfileRecord {
    const at = this.now().toISOString()
    const rec: ProfileRecord = { ...DEFAULTS, ...fields, id, caller: null, createdAt: at, updatedAt: at }
    try {
      this.qInsert.run(toRow(rec))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: fields.name } })
      throw err
    }
    return rec
  }

  /** Changes the given fields; PROFILE_NOT_FOUND / PROFILE_NAME_TAKEN. A changed credential setting forgets the caller. */
  update(id: string, patch: Partial<ProfileFields>): ProfileRecord {
    const cur = this.get(id)
    if (!cur) throw new AppError('PROFILE_NOT_FOUND', { params: { id } })
    const next: ProfileRecord = { ...cur, ...patch, id, updatedAt: this.now().toISOString() }
    try {
      this.qUpdate.run(toRow(next))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: next.name } })
      throw err
    }
    return next
  }

  /** Records who the credentials are (GetCallerIdentity), or forgets it (null). Does not touch updatedAt. */
  setCaller(id: string, caller: CallerInfo | null): void {
    this.qCaller.run(caller ? JSON.stringify(CallerInfoSchema.parse(caller)) : null, id)
  }

  /** Deletes the profile and, by cascade, its cache, drafts and outbox rows. Activity rows stay. */
  remove(id: string): boolean {
    return this.qDelete.run(id).changes > 0
  }
}
