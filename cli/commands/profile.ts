import fs from 'node:fs'
import type { Locale } from '@shared/locale'
import { FIELD_HINTS } from '@shared/credential-hints'
import { countOf, formatMessage, type MessageRef } from '@shared/messages'
import { printable } from '@shared/printable'
import { profileExpiry } from '@shared/profile-expiry'
import { vpcEndpoints } from '@shared/cloud-endpoints'
import type { ImportCandidate } from '@shared/ipc/channels/profile-import'
import { NO_ENDPOINTS, type ProfileKind, type ProfileView } from '@shared/ipc/channels/profiles'
import { CliError, EXIT, ExitWith } from '../exit-codes'
import { table } from '../output'
import { confirm, readSecret, secretPrompt } from '../secret-input'
import { CoreCallError, type Session } from '../session'

export interface ProfileAddOptions {
  region: string
  kind?: ProfileKind
  accessKeyId?: string
  endpoint?: string
  endpointPai?: string
  endpointEventbridge?: string
  endpointSts?: string
  endpointSls?: string
  vpc?: boolean
  protocol?: 'http' | 'https'
  proxy?: string
  sourceProfile?: string
  roleArn?: string
  roleSessionName?: string
  duration?: string
  externalId?: string
  policyFile?: string
  oidcProviderArn?: string
  oidcTokenFile?: string
  ecsRoleName?: string
  stsExpiration?: string
}

/** Who the profile is (from its last check) and when its temporary credentials expire. */
function identity(p: ProfileView): string {
  return p.caller ? (p.caller.arn ?? `${p.caller.identityType} ${p.caller.accountId}`) : ''
}
/** Only an STS token profile can be expired; the other kinds renew their temporary credentials. */
function expiry(p: ProfileView): string {
  const e = profileExpiry(p)
  if (e.state === 'none') return ''
  if (e.state === 'expired') return `expired ${e.at}`
  return e.state === 'renews' ? 'renews automatically' : e.at
}
function secret(p: ProfileView): string {
  if (!p.needsSecret) return '-'
  return p.hasSecret ? 'yes' : 'no'
}

const row = (p: ProfileView) => [
  p.name,
  p.kind,
  p.region,
  p.endpoint ?? '',
  p.roleArn ?? p.accessKeyId ?? p.ecsRoleName ?? '',
  identity(p),
  expiry(p),
  secret(p),
  p.active ? '*' : '',
]
const HEAD = ['NAME', 'KIND', 'REGION', 'ENDPOINT', 'KEY / ROLE', 'IDENTITY', 'EXPIRES', 'SECRET', 'ACTIVE']

/**
 * `profile add`: secrets come from stdin or a hidden prompt and go only to the keychain. An AccessKey
 * (or a role with its own key) reads one secret; an STS token reads the AccessKey secret, then the
 * security token (two lines on stdin). Roles, OIDC and ECS read none.
 */
export async function profileAdd(s: Session, name: string, o: ProfileAddOptions): Promise<void> {
  const kind: ProfileKind = o.kind ?? 'access-key'
  const baseProfileId = o.sourceProfile ? await s.profileId(o.sourceProfile) : null
  const ownKey = kind === 'access-key' || kind === 'sts-token' || (kind === 'ram-role-arn' && !baseProfileId)
  const secrets: { accessKeySecret?: string; securityToken?: string } = {}
  if (ownKey && kind === 'sts-token') {
    const [sk, token] = await readStsSecrets(s.locale)
    secrets.accessKeySecret = sk
    secrets.securityToken = token
  } else if (ownKey) secrets.accessKeySecret = await readSecret(secretPrompt(s.locale, 'accessKeySecret'))
  const endpoints = o.vpc ? vpcEndpoints(o.region) : { ...NO_ENDPOINTS }
  if (o.endpointPai) endpoints.pai = o.endpointPai
  if (o.endpointEventbridge) endpoints.eventBridge = o.endpointEventbridge
  if (o.endpointSts) endpoints.sts = o.endpointSts
  if (o.endpointSls) endpoints.sls = o.endpointSls
  const input = {
    name,
    kind,
    region: o.region,
    accessKeyId: o.accessKeyId ?? null,
    endpoint: o.endpoint ?? null,
    endpoints,
    protocol: o.protocol ?? 'https',
    proxy: o.proxy ?? null,
    baseProfileId,
    roleArn: o.roleArn ?? null,
    roleSessionName: o.roleSessionName ?? null,
    durationSeconds: o.duration ? Number(o.duration) : null,
    externalId: o.externalId ?? null,
    policy: o.policyFile ? readPolicy(o.policyFile) : null,
    oidcProviderArn: o.oidcProviderArn ?? null,
    oidcTokenFile: o.oidcTokenFile ?? null,
    ecsRoleName: o.ecsRoleName ?? null,
    stsExpiration: o.stsExpiration ?? null,
  }
  let p: ProfileView
  try {
    p = await s.call('profiles.add', { ...input, ...secrets })
  } catch (err) {
    throw fieldInvalid(err, { ...input, policy: o.policyFile }) ?? err
  }
  s.out.result(p, () => table(HEAD, [row(p)]))
}

/** The options whose format the core checks, with the expected form (in the user's language when shown). */
const FIELD_OPTIONS: Record<string, { option: string; hint: MessageRef }> = {
  roleArn: { option: '--role-arn', hint: FIELD_HINTS.roleArn },
  oidcProviderArn: { option: '--oidc-provider-arn', hint: FIELD_HINTS.oidcProviderArn },
  roleSessionName: { option: '--role-session-name', hint: FIELD_HINTS.roleSessionName },
  durationSeconds: { option: '--duration', hint: FIELD_HINTS.durationSeconds },
  policy: { option: '--policy-file', hint: FIELD_HINTS.policy },
  stsExpiration: { option: '--sts-expiration', hint: FIELD_HINTS.stsExpiration },
}

/**
 * A field the core refused by its format (VALIDATION) as the localized CREDENTIALS_FIELD_INVALID
 * naming the option typed and the expected form, instead of the schema's English hint.
 */
function fieldInvalid(err: unknown, input: Record<string, unknown>): CliError | undefined {
  if (!(err instanceof CoreCallError) || err.code !== 'VALIDATION') return undefined
  const issues = (err.details as { issues?: Array<{ path: string[] }> } | undefined)?.issues ?? []
  const field = issues.map((i) => i.path[0] ?? '').find((f) => f in FIELD_OPTIONS)
  if (!field) return undefined
  const { option, hint } = FIELD_OPTIONS[field]!
  const value = String(input[field] ?? '').slice(0, 80)
  return new CliError('CREDENTIALS_FIELD_INVALID', { field: option, value, hint }, EXIT.usage)
}

function readPolicy(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new CliError('CLI_FILE_UNREADABLE', { file, detail: (err as NodeJS.ErrnoException).code ?? 'error' })
  }
}

/** An STS token's two secrets: two lines of stdin, or two hidden prompts on a terminal. */
async function readStsSecrets(locale: Locale): Promise<[string, string]> {
  if (process.stdin.isTTY)
    return [
      await readSecret(secretPrompt(locale, 'accessKeySecret')),
      await readSecret(secretPrompt(locale, 'securityToken')),
    ]
  const pair = formatMessage(locale, 'CLI_SECRET_WHAT_STS_PAIR')
  const all = await readSecret({ what: pair, prompt: '' })
  const [a = '', b = ''] = all.split(/\r?\n/)
  if (!a || !b) throw new CliError('CLI_SECRET_REQUIRED', { what: pair })
  return [a, b]
}

/** `profile list [--check]`: with --check, asks STS who each profile is now (GetCallerIdentity). */
export async function profileList(s: Session, o: { check?: boolean } = {}): Promise<void> {
  let res = await s.call('profiles.list', {})
  const problems: Array<{ name: string; code: string; message: string }> = []
  if (o.check) {
    for (const p of res.profiles) {
      try {
        await s.call('profiles.test', { id: p.id })
      } catch (err) {
        if (!(err instanceof CoreCallError)) throw err
        problems.push({ name: p.name, code: err.code, message: err.userMessage })
      }
    }
    res = await s.call('profiles.list', {})
  }
  s.out.result(o.check ? { ...res, problems } : res, () =>
    res.profiles.length === 0
      ? 'No profiles. Add one: pai-admin profile add NAME --region R --access-key-id ID, or import: pai-admin profile import'
      : table(HEAD, res.profiles.map(row)),
  )
  if (res.keychainError) s.out.note(res.keychainError.message)
  // The message may quote the cloud's text: one escaped line each (no forged line in a CI log).
  for (const p of problems) s.out.note(printable(`${p.name}: ${p.message}`))
  if (problems.length) throw new ExitWith(EXIT.cloud)
}

export async function profileRemove(s: Session, name: string): Promise<void> {
  const id = await s.profileId(name)
  const res = await s.call('profiles.remove', { id })
  s.out.result(
    { name, ...res },
    () =>
      `Removed profile ${name} (${countOf(res.deletedDrafts, 'draft')}, ${countOf(res.deletedSecrets, 'keychain entry', 'keychain entries')}).`,
  )
}

export interface ProfileImportOptions {
  from: 'aliyun-cli' | 'alibabacloud'
  file?: string
  select?: string[]
  defaultRegion?: string
  yes?: boolean
}

const importRow = (c: ImportCandidate) => [
  c.sourceName + (c.current ? ' *' : ''),
  c.name,
  c.kind ?? `(${c.unsupported})`,
  c.region,
  c.accessKeyId ?? c.roleArn ?? '',
  [c.secrets.accessKeySecret ? 'secret' : '', c.secrets.securityToken ? 'token' : ''].filter(Boolean).join('+'),
  c.importable ? 'yes' : c.problems.join('; '),
]

/**
 * `profile import`: shows what the file holds (never a secret), asks (or --yes), then imports. The
 * aliyun CLI's and the SDKs' files are only read.
 */
export async function profileImport(s: Session, o: ProfileImportOptions): Promise<void> {
  const base = {
    source: o.from,
    ...(o.file ? { file: o.file } : {}),
    ...(o.defaultRegion ? { defaultRegion: o.defaultRegion } : {}),
  }
  const preview = await s.call('profiles.importPreview', base)
  const wanted = o.select ?? preview.candidates.filter((c) => c.importable).map((c) => c.sourceName)
  const unknown = wanted.filter((n) => !preview.candidates.some((c) => c.sourceName === n))
  if (unknown.length) throw new CliError('CLI_USAGE', { detail: `not in ${preview.file}: ${unknown.join(', ')}` })
  if (s.out.mode !== 'json') {
    s.out.note(printable(`${preview.file}:`))
    s.out.note(
      table(
        ['IN FILE', 'AS', 'KIND', 'REGION', 'KEY / ROLE', 'SECRETS', 'IMPORTABLE'],
        preview.candidates.map(importRow),
      ),
    )
  }
  if (wanted.length === 0) throw new CliError('IMPORT_NOTHING_SELECTED')
  if (!o.yes) {
    if (!process.stdin.isTTY) throw new CliError('CLI_IMPORT_NEEDS_YES')
    if (!(await confirm(`Import ${wanted.join(', ')} (secrets into the keychain)? [y/N] `)))
      throw new CliError('CLI_IMPORT_DECLINED')
  }
  const res = await s.call('profiles.import', {
    ...base,
    fingerprint: preview.fingerprint,
    select: wanted.map((sourceName) => ({ sourceName })),
  })
  s.out.result(res, () => table(HEAD, res.created.map(row)))
}
