import { AppError } from '@shared/ipc/errors'
import { decryptSecrets, type SecretMap } from './crypto'
import { STORABLE_REF, type BundlesDeps } from './deps'
import type { RawProblem } from './problems'
import type { WorkspaceConfig } from '@shared/domain'
import { dingtalkRefs, keychainRefsOnce, missingSecretRefs } from '../services/secret-refs'
import { TargetResolver, type Target } from './targets'
import type { OffThreadCheck } from './worker/checker'

export interface ImportInput {
  fileName: string
  content: string
  passphrase?: string
  /** undefined: each workspace's `profile`, else the active profile; null: offline drafts; else this profile. */
  profileId?: string | null
}

/** A bundle checked for import: every problem, where each workspace goes, and its decrypted secrets. */
export interface Prepared {
  check: OffThreadCheck
  targets: Map<number, Target>
  secrets: SecretMap | undefined
}

/** The encrypted secrets opened with the passphrase, or the problem why not. */
async function openSecrets(
  check: { secrets?: OffThreadCheck['secrets'] },
  passphrase: string | undefined,
): Promise<{ secrets?: SecretMap; problem?: RawProblem }> {
  if (!check.secrets) return {}
  const at = { pointer: '/secrets', severity: 'error' as const }
  if (passphrase === undefined)
    return { problem: { ...at, ruleId: 'D2', code: 'BUNDLE_PASSPHRASE_REQUIRED', params: {} } }
  try {
    return { secrets: await decryptSecrets(check.secrets, passphrase) }
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    return { problem: { ...at, ruleId: err.ruleId ?? 'D2', code: err.code, params: err.params } }
  }
}

/** Where a configuration names a ref: its first DingTalk target with it. */
function refPointer(index: number, config: WorkspaceConfig, ref: string): string {
  const rules = config.notifications.rules
  for (let r = 0; r < rules.length; r++) {
    const t = rules[r]!.targets.findIndex((x) => x.type === 'dingtalk' && x.secretRef === ref)
    if (t >= 0) return `/workspaces/${index}/config/notifications/rules/${r}/targets/${t}/secretRef`
  }
  return `/workspaces/${index}`
}

/**
 * A warning for each signing secret a workspace names that its profile's keychain does not hold (and the
 * bundle does not carry): importing is fine, applying is not (`plan` and `apply` refuse, naming them).
 */
async function secretsNotInKeychain(
  deps: BundlesDeps,
  workspaces: Array<{ index: number; config?: WorkspaceConfig }>,
  resolver: TargetResolver,
  arriving: string[],
): Promise<RawProblem[]> {
  const out: RawProblem[] = []
  const held = keychainRefsOnce(deps.vault)
  for (const ws of workspaces) {
    const profile = resolver.targets.get(ws.index)?.profile
    if (!ws.config || !profile) continue
    for (const ref of await missingSecretRefs(deps.vault, profile.id, [ws.config], arriving, held))
      out.push({
        pointer: refPointer(ws.index, ws.config, ref),
        ruleId: 'D2',
        severity: 'warning',
        code: 'BUNDLE_SECRET_REF_MISSING',
        params: { ref, profile: profile.name },
        workspace: ws.index,
      })
  }
  return out
}

/**
 * Reads and checks a bundle for import, off the core's thread (the worker), with each workspace validated
 * where it goes; opens its encrypted secrets with the passphrase. Changes nothing.
 */
export async function prepareImport(deps: BundlesDeps, input: ImportInput, diff: boolean): Promise<Prepared> {
  const resolver = new TargetResolver(deps, input.profileId)
  let secrets: SecretMap | undefined
  const check = await deps.checker.check(input.fileName, input.content, {
    targetOf: (meta) => resolver.targetOf(meta),
    diff,
    more: async (parsed, checked) => {
      const extra: RawProblem[] = []
      const opened = await openSecrets(parsed, input.passphrase)
      if (opened.problem) extra.push(opened.problem)
      secrets = opened.secrets
      extra.push(...(await secretsNotInKeychain(deps, checked.workspaces, resolver, Object.keys(secrets ?? {}))))
      if (!secrets) return extra
      for (const ws of checked.workspaces) {
        if (!ws.config) continue
        const refs = dingtalkRefs(ws.config).filter((ref) => secrets![ref] !== undefined)
        if (refs.length === 0) continue
        const at = { pointer: `/workspaces/${ws.index}`, ruleId: 'D2', severity: 'error' as const, workspace: ws.index }
        if (!resolver.targets.get(ws.index)?.profile)
          extra.push({ ...at, code: 'BUNDLE_SECRETS_NEED_PROFILE', params: {} })
        for (const ref of refs)
          if (!STORABLE_REF.test(ref)) extra.push({ ...at, code: 'BUNDLE_SECRET_REF_UNSTORABLE', params: { ref } })
      }
      return extra
    },
  })
  return { check, targets: resolver.targets, secrets }
}
