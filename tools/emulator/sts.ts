import crypto from 'node:crypto'
import { EmuError, bad, type Incoming } from './http'
import type { Account, EmulatorOptions } from './options'

/**
 * STS 2015-04-01: AssumeRole, AssumeRoleWithOIDC and the temporary credentials they issue (docs/emulator.md
 * says which behaviour is documented and which is assumed). A temporary AccessKey is accepted only with its
 * security token (`x-acs-security-token`, the `SecurityToken` parameter of V1 requests, or SLS's header) and
 * only until it expires; then the answer is `InvalidSecurityToken.Expired`.
 */

type Role = EmulatorOptions['roles'][number] & { accountUid: string; roleId: string }
type OidcProvider = EmulatorOptions['oidcProviders'][number]

const ARN = /^acs:ram::(\d+):role\/(.+)$/

/** "2015-04-09T11:52:19Z": the format STS answers with (no milliseconds). */
export function stsTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class StsState {
  readonly roles: Role[]
  private readonly sessions = new Map<string, Account>()

  constructor(
    private readonly opts: EmulatorOptions,
    firstMainUid: string | undefined,
  ) {
    this.roles = opts.roles.map((r, i) => ({
      ...r,
      roleName: r.roleName,
      accountUid: r.accountUid ?? firstMainUid ?? '',
      roleId: r.roleId ?? `3${String(i + 1).padStart(17, '0')}`,
    }))
  }

  /** A temporary AccessKey's identity, if STS issued it. */
  account(accessKeyId: string): Account | undefined {
    return this.sessions.get(accessKeyId)
  }

  /** Every temporary identity issued so far (tests read the credentials a user would paste). */
  issued(): Account[] {
    return [...this.sessions.values()]
  }

  role(arn: string): Role | undefined {
    const m = ARN.exec(arn)
    if (!m) return undefined
    return this.roles.find((r) => r.accountUid === m[1] && r.roleName.toLowerCase() === (m[2] ?? '').toLowerCase())
  }

  /** Issues temporary credentials of `role` for `duration` seconds. */
  issue(role: Role, sessionName: string, durationSeconds: number, now: number): Account {
    const id = `STS.${crypto.randomBytes(15).toString('base64url').slice(0, 20)}`
    const account: Account = {
      accessKeyId: id,
      accessKeySecret: crypto.randomBytes(24).toString('base64url'),
      type: 'ram',
      uid: role.roleId,
      name: `${role.roleName}/${sessionName}`,
      parentUid: role.accountUid,
      policies: role.policies,
      eventBridge: true,
      disabled: false,
      session: {
        securityToken: `CAIS${crypto.randomBytes(48).toString('base64')}`,
        expiresAt: now + durationSeconds * 1000,
        roleName: role.roleName,
        roleId: role.roleId,
        sessionName,
      },
    }
    this.sessions.set(id, account)
    return account
  }

  roleArn(role: Role): string {
    return `acs:ram::${role.accountUid}:role/${role.roleName.toLowerCase()}`
  }
}

/**
 * A temporary AccessKey must come with its own security token and be unexpired (checked after the
 * signature). `flavor` picks the error shape: SLS answers `SecurityTokenExpired` (assumption).
 */
export function checkSecurityToken(
  account: Account,
  token: string | undefined,
  now: number,
  flavor: 'acs' | 'sls' = 'acs',
): void {
  const s = account.session
  if (!s) return
  if (!token) throw new EmuError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.')
  const a = Buffer.from(token)
  const b = Buffer.from(s.securityToken)
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b))
    throw new EmuError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'Specified SecurityToken mismatch with the AccessKey.',
    )
  if (now >= s.expiresAt) {
    if (flavor === 'sls')
      throw new EmuError(401, 'SecurityTokenExpired', 'The security token you provided has expired.')
    throw new EmuError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.')
  }
}

const SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/

function common(state: StsState, p: Record<string, string>): { role: Role; sessionName: string; duration: number } {
  const arn = p.RoleArn ?? ''
  if (!arn) throw bad('MissingRoleArn', 'RoleArn is mandatory for this action.')
  if (!ARN.test(arn)) throw bad('InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.')
  const role = state.role(arn)
  if (!role) throw new EmuError(404, 'EntityNotExist.Role', `The role not exists: ${arn}.`)
  const sessionName = p.RoleSessionName ?? ''
  if (!SESSION_NAME.test(sessionName))
    throw bad('InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.')
  const duration = p.DurationSeconds ? Number(p.DurationSeconds) : 3600
  if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration)
    throw bad(
      'InvalidParameter.DurationSeconds',
      `The Min/Max value of DurationSeconds is 15min/${role.maxSessionDuration / 60}min.`,
    )
  if (p.Policy !== undefined) {
    try {
      JSON.parse(p.Policy)
    } catch {
      throw bad('InvalidParameter.PolicyGrammar', 'The parameter Policy has not passed grammar check.')
    }
  }
  return { role, sessionName, duration }
}

function credentialsAnswer(state: StsState, role: Role, s: Account): Record<string, unknown> {
  return {
    Credentials: {
      AccessKeyId: s.accessKeyId,
      AccessKeySecret: s.accessKeySecret,
      SecurityToken: s.session!.securityToken,
      Expiration: stsTime(s.session!.expiresAt),
    },
    AssumedRoleUser: {
      Arn: `acs:ram::${role.accountUid}:assumed-role/${role.roleName.toLowerCase()}/${s.session!.sessionName}`,
      AssumedRoleId: `${role.roleId}:${s.session!.sessionName}`,
    },
  }
}

const DENIED = 'You are not authorized to do this action. You should be authorized by RAM.'

/** AssumeRole: `caller` signed the request (a RAM user, or a role session: role chaining). */
export function assumeRole(state: StsState, caller: Account, p: Record<string, string>, now: number): unknown {
  if (caller.type === 'main') throw new EmuError(403, 'NoPermission', 'Roles may not be assumed by root accounts.')
  const { role, sessionName, duration } = common(state, p)
  const mayAssume =
    caller.policies.includes('AliyunSTSAssumeRoleAccess') || caller.policies.includes('AdministratorAccess')
  const me = caller.session
    ? [`acs:ram::${caller.parentUid}:role/${caller.session.roleName.toLowerCase()}`]
    : [`acs:ram::${caller.parentUid}:user/${caller.name}`]
  const trusted = role.trust.principals.some((pr) => pr === `acs:ram::${caller.parentUid}:root` || me.includes(pr))
  // The trust policy's sts:ExternalId condition. Which code STS answers for a mismatch is not documented:
  // the emulator answers as for any trust-policy refusal (assumption).
  const externalOk = role.trust.externalId === undefined || role.trust.externalId === p.ExternalId
  if (!mayAssume || !trusted || !externalOk) throw new EmuError(403, 'NoPermission', DENIED)
  return credentialsAnswer(state, role, state.issue(role, sessionName, duration, now))
}

function b64json(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'))
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** AssumeRoleWithOIDC: anonymous; the OIDC token (a JWT read from the token file) is the proof. */
export function assumeRoleWithOidc(
  state: StsState,
  providers: OidcProvider[],
  p: Record<string, string>,
  now: number,
): unknown {
  const provider = providers.find((x) => x.arn === p.OIDCProviderArn)
  if (!provider) throw new EmuError(403, 'AuthenticationFail.NoPermission', 'No such OIDC Provider registered.')
  const [h, b, sig] = (p.OIDCToken ?? '').trim().split('.')
  const header = b64json(h)
  const claims = b64json(b)
  const expected = crypto.createHmac('sha256', provider.signingKey).update(`${h}.${b}`).digest('base64url')
  if (!header || !claims || header.alg !== 'HS256' || sig !== expected)
    throw bad('AuthenticationFail.OIDCToken.Invalid', 'The OIDC token is invalid.')
  if (claims.iss !== provider.issuerUrl)
    throw bad(
      'AuthenticationFail.OIDCToken.IssuerNotMatch',
      "The issuer in the OIDC Token doesn't match the OIDC Provider registered.",
    )
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  if (!aud.some((a) => typeof a === 'string' && provider.clientIds.includes(a)))
    throw bad('AuthenticationFail.OIDCToken.AudienceNotMatch', 'Invalid audience.')
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
    throw bad('AuthenticationFail.OIDCToken.Expired', 'This JsonWebToken is expired.')
  const { role, sessionName, duration } = common(state, p)
  if (!role.trust.oidcProviders.includes(provider.arn))
    throw new EmuError(403, 'AuthenticationFail.NoPermission', 'There is no permission')
  return {
    ...credentialsAnswer(state, role, state.issue(role, sessionName, duration, now)),
    OIDCTokenInfo: { Subject: claims.sub, Issuer: claims.iss, ClientIds: aud.join(',') },
  }
}

/** Who signed (GetCallerIdentity), for permanent keys and STS sessions alike. */
export function callerIdentity(a: Account): Record<string, unknown> {
  if (a.session)
    return {
      AccountId: a.parentUid,
      IdentityType: 'AssumedRoleUser',
      Arn: `acs:ram::${a.parentUid}:assumed-role/${a.session.roleName.toLowerCase()}/${a.session.sessionName}`,
      PrincipalId: `${a.session.roleId}:${a.session.sessionName}`,
      RoleId: a.session.roleId,
    }
  const main = a.type === 'main'
  return {
    AccountId: a.parentUid,
    UserId: a.uid,
    PrincipalId: a.uid,
    IdentityType: main ? 'Account' : 'RAMUser',
    Arn: main ? `acs:ram::${a.parentUid}:root` : `acs:ram::${a.parentUid}:user/${a.name}`,
  }
}

/** The parameters of an RPC request: its query and its form body (AssumeRole sends RoleArn & co. in the body). */
export function rpcParams(inc: Incoming): Record<string, string> {
  const out: Record<string, string> = { ...inc.query }
  const type = String(inc.headers['content-type'] ?? '')
  if (inc.body.length && type.startsWith('application/x-www-form-urlencoded'))
    for (const [k, v] of new URLSearchParams(inc.body.toString('utf8'))) out[k] = v
  return out
}
