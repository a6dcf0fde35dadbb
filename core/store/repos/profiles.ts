import Database from 'better-sqlite3'
import type { ProfileFields } from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { newId } from '../ids'

/** A stored profile: connection settings only. There is no secret column (D2). */
export interface ProfileRecord extends ProfileFields {
  id: string
  createdAt: string
  updatedAt: string
}

interface Row {
  id: string
  name: string
  region: string
  endpoint: string | null
  protocol: 'http' | 'https'
  access_key_id: string
  proxy: string | null
  created_at: string
  updated_at: string
}

const COLS = 'id, name, region, endpoint, protocol, access_key_id, proxy, created_at, updated_at'

function toRecord(r: Row): ProfileRecord {
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    endpoint: r.endpoint,
    protocol: r.protocol,
    accessKeyId: r.access_key_id,
    proxy: r.proxy,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

export class ProfilesRepo {
  private readonly qList
  private readonly qGet
  private readonly qByName
  private readonly qInsert
  private readonly qUpdate
  private readonly qDelete

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qList = db.prepare<[], Row>(`SELECT ${COLS} FROM profiles ORDER BY name COLLATE NOCASE`)
    this.qGet = db.prepare<[string], Row>(`SELECT ${COLS} FROM profiles WHERE id = ?`)
    this.qByName = db.prepare<[string], Row>(`SELECT ${COLS} FROM profiles WHERE name = ? COLLATE NOCASE`)
    this.qInsert = db.prepare<[Row]>(
      `INSERT INTO profiles (${COLS}) VALUES (@id, @name, @region, @endpoint, @protocol, @access_key_id, @proxy, @created_at, @updated_at)`,
    )
    this.qUpdate = db.prepare<[Row]>(
      `UPDATE profiles SET name = @name, region = @region, endpoint = @endpoint, protocol = @protocol,
         access_key_id = @access_key_id, proxy = @proxy, updated_at = @updated_at WHERE id = @id`,
    )
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

  /** Adds a profile; PROFILE_NAME_TAKEN when the name exists (case-insensitive). */
  insert(fields: ProfileFields, id: string = newId()): ProfileRecord {
    const at = this.now().toISOString()
    const row: Row = {
      id,
      name: fields.name,
      region: fields.region,
      endpoint: fields.endpoint,
      protocol: fields.protocol,
      access_key_id: fields.accessKeyId,
      proxy: fields.proxy,
      created_at: at,
      updated_at: at,
    }
    try {
      this.qInsert.run(row)
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: fields.name } })
      throw err
    }
    return toRecord(row)
  }

  /** Changes the given fields; PROFILE_NOT_FOUND / PROFILE_NAME_TAKEN. */
  update(id: string, patch: Partial<ProfileFields>): ProfileRecord {
    const cur = this.get(id)
    if (!cur) throw new AppError('PROFILE_NOT_FOUND', { params: { id } })
    const next: ProfileRecord = { ...cur, ...patch, id, updatedAt: this.now().toISOString() }
    try {
      this.qUpdate.run({
        id,
        name: next.name,
        region: next.region,
        endpoint: next.endpoint,
        protocol: next.protocol,
        access_key_id: next.accessKeyId,
        proxy: next.proxy,
        created_at: next.createdAt,
        updated_at: next.updatedAt,
      })
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: next.name } })
      throw err
    }
    return next
  }

  /** Deletes the profile and, by cascade, its cache, drafts and outbox rows. Activity rows stay. */
  remove(id: string): boolean {
    return this.qDelete.run(id).changes > 0
  }
}
