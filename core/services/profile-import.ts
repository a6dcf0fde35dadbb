import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ProfileAddSchema, NO_ENDPOINTS, type ProfileAdd, type ProfileView } from '@shared/ipc/channels/profiles'
import type { ImportCandidate } from '@shared/ipc/channels/profile-import'
import { AppError, summarizeIssues } from '@shared/ipc/errors'
import {
  ImportFormatError,
  parseImport,
  type ImportEntry,
  type ImportSource,
  type ParsedImport,
} from '../cloud/profile-import'
import type { Store } from '../store'
import type { ProfilesService } from './profiles'

/** Where each source lives by default (the SDKs honour ALIBABA_CLOUD_CREDENTIALS_FILE for the second). */
function defaultImportFile(source: ImportSource, env: NodeJS.ProcessEnv = process.env): string {
  if (source === 'aliyun-cli') return path.join(os.homedir(), '.aliyun', 'config.json')
  return env.ALIBABA_CLOUD_CREDENTIALS_FILE || path.join(os.homedir(), '.alibabacloud', 'credentials')
}

interface Request {
  source: ImportSource
  file?: string
  defaultRegion: string
}

/**
 * Import of existing profiles (issue 15 item 3): preview, then import what the user confirmed. The
 * files are only ever read. Secrets go to the keychain through ProfilesService.add; an import that
 * fails part-way removes the profiles (and secrets) it had added, so nothing is half imported.
 */
export class ProfileImporter {
  constructor(
    private readonly store: Store,
    private readonly profiles: ProfilesService,
  ) {}

  async preview(req: Request): Promise<{ file: string; fingerprint: string; candidates: ImportCandidate[] }> {
    const { file, parsed } = await this.read(req)
    const taken = new Set(this.store.profiles.list().map((p) => p.name.toLowerCase()))
    const candidates = parsed.entries.map((e) => {
      const name = uniqueName(e.sourceName, taken)
      taken.add(name.toLowerCase())
      return this.candidate(e, name, req.defaultRegion, parsed)
    })
    return { file, fingerprint: parsed.fingerprint, candidates }
  }

  async import(
    req: Request & { fingerprint: string; select: Array<{ sourceName: string; name?: string; region?: string }> },
  ): Promise<{ created: ProfileView[] }> {
    if (req.select.length === 0) throw new AppError('IMPORT_NOTHING_SELECTED')
    const { file, parsed } = await this.read(req)
    if (parsed.fingerprint !== req.fingerprint) throw new AppError('IMPORT_CHANGED', { params: { file } })
    const bySource = new Map(parsed.entries.map((e) => [e.sourceName, e]))
    const chosen = new Map(req.select.map((s) => [s.sourceName, s]))
    const taken = new Set(this.store.profiles.list().map((p) => p.name.toLowerCase()))
    // Sources first: a chained role needs its source profile's id.
    const order: ImportEntry[] = []
    const visit = (name: string, trail: string[]): void => {
      const e = bySource.get(name)
      if (!e) throw new AppError('PROFILE_BASE_INVALID', { params: { detail: `${name} is not in ${file}` } })
      if (order.includes(e)) return
      if (trail.includes(name))
        throw new AppError('PROFILE_BASE_INVALID', { params: { detail: `${[...trail, name].join(' -> ')}` } })
      if (e.baseSourceName) {
        if (!chosen.has(e.baseSourceName))
          throw new AppError('PROFILE_BASE_INVALID', {
            params: { detail: `${name} assumes its role with ${e.baseSourceName}: select it too` },
          })
        visit(e.baseSourceName, [...trail, name])
      }
      order.push(e)
    }
    for (const s of req.select) visit(s.sourceName, [])
    const created: ProfileView[] = []
    const ids = new Map<string, string>()
    try {
      for (const e of order) {
        const sel = chosen.get(e.sourceName)!
        const name = sel.name ?? uniqueName(e.sourceName, taken)
        taken.add(name.toLowerCase())
        const input = this.input(e, name, sel.region ?? req.defaultRegion, ids)
        const problems = [...blocking(e), ...(input.ok ? [] : input.problems)]
        if (!input.ok || problems.length)
          throw new AppError('VALIDATION', { params: { summary: `${e.sourceName}: ${problems.join('; ')}` } })
        const view = await this.profiles.add(input.value)
        ids.set(e.sourceName, view.id)
        created.push(view)
      }
    } catch (err) {
      // Nothing half imported: remove what this import added (its secrets go with it).
      for (const v of created.reverse()) await this.profiles.remove(v.id).catch(() => undefined)
      throw err
    }
    return { created }
  }

  private async read(req: Request): Promise<{ file: string; parsed: ParsedImport }> {
    const file = req.file ?? defaultImportFile(req.source)
    let bytes: Buffer
    try {
      bytes = await fs.readFile(file)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error'
      throw new AppError('IMPORT_FILE_UNREADABLE', { params: { file, detail: code }, cause: err })
    }
    try {
      return { file, parsed: parseImport(req.source, bytes) }
    } catch (err) {
      if (err instanceof ImportFormatError)
        throw new AppError('IMPORT_FILE_INVALID', { params: { file, detail: err.message } })
      throw err
    }
  }

  /** The profile an entry becomes, checked with the same schema as a profile typed in the form. */
  private input(
    e: ImportEntry,
    name: string,
    region: string,
    ids: Map<string, string>,
  ): { ok: true; value: ProfileAdd } | { ok: false; problems: string[] } {
    if (e.unsupported) return { ok: false, problems: [`mode ${e.unsupported} is not supported`] }
    const raw: Record<string, unknown> = {
      ...e.fields,
      name,
      region: e.fields.region || region,
      endpoints: e.fields.endpoints ?? NO_ENDPOINTS,
      ...e.secrets,
    }
    if (e.baseSourceName) raw.baseProfileId = ids.get(e.baseSourceName) ?? 'pending-import'
    const parsed = ProfileAddSchema.safeParse(raw)
    if (!parsed.success) return { ok: false, problems: [summarizeIssues(parsed.error.issues)] }
    return { ok: true, value: parsed.data }
  }

  private candidate(e: ImportEntry, name: string, region: string, parsed: ParsedImport): ImportCandidate {
    const check = this.input(e, name, region, new Map())
    const problems = [...e.problems.map((p) => `missing ${p}`), ...(check.ok ? [] : check.problems)]
    const stops = [...blocking(e), ...(check.ok ? [] : check.problems)]
    return {
      sourceName: e.sourceName,
      name,
      kind: e.unsupported ? null : (e.fields.kind ?? null),
      unsupported: e.unsupported ?? null,
      region: e.fields.region || region,
      endpoints: e.fields.endpoints ?? NO_ENDPOINTS,
      accessKeyId: e.fields.accessKeyId ?? null,
      roleArn: e.fields.roleArn ?? null,
      oidcProviderArn: e.fields.oidcProviderArn ?? null,
      oidcTokenFile: e.fields.oidcTokenFile ?? null,
      ecsRoleName: e.fields.ecsRoleName ?? null,
      baseSourceName: e.baseSourceName ?? null,
      secrets: { accessKeySecret: Boolean(e.secrets.accessKeySecret), securityToken: Boolean(e.secrets.securityToken) },
      problems,
      importable: stops.length === 0,
      current: parsed.current === e.sourceName,
    }
  }
}

/** What keeps an entry from being imported. A missing region is filled with the default one: shown, not blocking. */
function blocking(e: ImportEntry): string[] {
  return e.problems.filter((p) => p !== 'region_id').map((p) => `missing ${p}`)
}

function uniqueName(base: string, taken: Set<string>): string {
  const clean = base.trim().slice(0, 56) || 'imported'
  if (!taken.has(clean.toLowerCase())) return clean
  for (let i = 2; ; i++) {
    const n = `${clean}-${i}`
    if (!taken.has(n.toLowerCase())) return n
  }
}
