import type { WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { dingtalkKind, type SecretKind, type Vault } from '../vault'
import { dingtalkRefs } from '../services/secret-refs'
import type { SecretMap } from './crypto'

/** A keychain entry the import writes, and what it held before (null: there was none). */
export interface Written {
  profileId: string
  ref: string
  kind: SecretKind
  before: string | null
}

/** What an import writes to the keychain: each (profile, ref) once, for the workspaces that go to a profile. */
interface Planned {
  profileId: string
  ref: string
  kind: SecretKind
  secret: string
}

function plan(steps: Array<{ config: WorkspaceConfig; profileId: string | undefined }>, secrets: SecretMap): Planned[] {
  const out = new Map<string, Planned>()
  for (const { config, profileId } of steps) {
    if (!profileId) continue
    for (const ref of dingtalkRefs(config)) {
      const secret = secrets[ref]
      if (secret === undefined) continue
      const kind = dingtalkKind(ref)
      out.set(`${profileId}\n${kind}`, { profileId, ref, kind, secret })
    }
  }
  return [...out.values()]
}

function detailOf(err: unknown): string {
  if (err instanceof AppError && typeof err.params.detail === 'string') return err.params.detail
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300)
}

/**
 * Writes a bundle's signing secrets to the keychain, first reading what each entry held, so that all of
 * them can be put back. A keychain that fails half-way (locked, gone, refusing one entry) is restored at
 * once: the entries this import already wrote are deleted (or get their old value back), and the error is
 * BUNDLE_SECRET_NOT_STORED naming the secret (BUNDLE_SECRETS_NOT_RESTORED when even that fails).
 */
export async function storeSecrets(
  vault: Pick<Vault, 'get' | 'set' | 'delete'>,
  steps: Array<{ config: WorkspaceConfig; profileId: string | undefined }>,
  secrets: SecretMap | undefined,
): Promise<Written[]> {
  if (!secrets) return []
  const planned = plan(steps, secrets)
  const written: Written[] = []
  let current: Planned | undefined
  try {
    const before: Array<string | null> = []
    for (const p of planned) {
      current = p
      before.push(await vault.get(p.profileId, p.kind))
    }
    for (const [i, p] of planned.entries()) {
      current = p
      await vault.set(p.profileId, p.kind, p.secret)
      written.push({ profileId: p.profileId, ref: p.ref, kind: p.kind, before: before[i]! })
    }
  } catch (err) {
    await restoreSecrets(vault, written, err)
    throw new AppError('BUNDLE_SECRET_NOT_STORED', {
      ruleId: 'D2',
      params: { ref: current?.ref ?? '', detail: detailOf(err) },
      cause: err,
    })
  }
  return written
}

/** Puts every entry back as it was (deletes the new ones); one that cannot be is reported by name. */
export async function restoreSecrets(
  vault: Pick<Vault, 'set' | 'delete'>,
  written: readonly Written[],
  cause: unknown,
): Promise<void> {
  const left: string[] = []
  for (const w of [...written].reverse()) {
    try {
      if (w.before === null) await vault.delete(w.profileId, w.kind)
      else await vault.set(w.profileId, w.kind, w.before)
    } catch {
      left.push(w.ref)
    }
  }
  if (left.length > 0)
    throw new AppError('BUNDLE_SECRETS_NOT_RESTORED', { ruleId: 'D2', params: { refs: left.reverse() }, cause })
}
