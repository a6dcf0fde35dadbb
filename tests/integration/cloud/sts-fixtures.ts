import crypto from 'node:crypto'
import type { AccountInput, OidcProviderInput, RoleInput } from '../../../tools/emulator'
import { ALICE, MAIN } from '../emulator/support'

/** Accounts, roles and an OIDC provider for the STS tests (emulator over real HTTP). */

/** A second main account: the "other account" reached by assuming a role (many accounts, one identity). */
export const OTHER: AccountInput = {
  accessKeyId: 'TESTAK5tOtherMain000001',
  accessKeySecret: 'other-secret-0001',
  type: 'main',
  uid: '1800000000000002',
  name: 'other-corp',
}

/** A RAM user of MAIN allowed to assume roles (AliyunSTSAssumeRoleAccess). */
export const DEPLOYER: AccountInput = {
  accessKeyId: 'TESTAK5tRamDeployer0001',
  accessKeySecret: 'deployer-secret-0001',
  type: 'ram',
  uid: '2700000000000009',
  name: 'deployer',
  parentUid: MAIN.uid,
  policies: ['AliyunSTSAssumeRoleAccess'],
}

export const OIDC_PROVIDER: OidcProviderInput = {
  arn: `acs:ram::${OTHER.uid}:oidc-provider/github`,
  issuerUrl: 'https://token.actions.githubusercontent.com',
  clientIds: ['sts.aliyuncs.com'],
  signingKey: 'emulator-oidc-signing-key',
}

/** In OTHER: the role DEPLOYER assumes (trusts MAIN's RAM identities, needs an external ID). */
export const ADMIN_ROLE: RoleInput = {
  roleName: 'pai-admin',
  accountUid: OTHER.uid,
  policies: ['AliyunPAIFullAccess', 'AliyunEventBridgeFullAccess', 'AliyunSTSAssumeRoleAccess'],
  trust: { principals: [`acs:ram::${MAIN.uid}:root`], externalId: 'ext-4711', oidcProviders: [] },
}
/** In OTHER: a role only ADMIN_ROLE's sessions may assume (a chain). */
export const CHAINED_ROLE: RoleInput = {
  roleName: 'pai-readonly',
  accountUid: OTHER.uid,
  policies: ['AliyunPAIFullAccess'],
  trust: { principals: [`acs:ram::${OTHER.uid}:role/pai-admin`], oidcProviders: [] },
}
/** In OTHER: the role a CI pipeline takes with its OIDC token. */
export const CI_ROLE: RoleInput = {
  roleName: 'ci-deploy',
  accountUid: OTHER.uid,
  // A refresh reads the workspace's event rules too (EventBridge).
  policies: ['AliyunPAIFullAccess', 'AliyunEventBridgeFullAccess'],
  trust: { principals: [], oidcProviders: [OIDC_PROVIDER.arn] },
}
/** In MAIN: the role of "this ECS instance". */
export const ECS_ROLE: RoleInput = {
  roleName: 'EcsPaiRole',
  accountUid: MAIN.uid,
  policies: ['AliyunPAIFullAccess'],
  trust: { principals: [], oidcProviders: [] },
}

export const ROLES = [ADMIN_ROLE, CHAINED_ROLE, CI_ROLE, ECS_ROLE]
export const STS_ACCOUNTS = [MAIN, ALICE, OTHER, DEPLOYER]

export const arnOf = (r: RoleInput): string => `acs:ram::${r.accountUid}:role/${r.roleName}`

/** An OIDC token (JWT, HS256 with the emulator provider's key) as a CI system writes to its token file. */
export function oidcToken(
  claims: { exp?: number; aud?: string; iss?: string; sub?: string } = {},
  key = OIDC_PROVIDER.signingKey,
): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url')
  const header = b64({ alg: 'HS256', typ: 'JWT' })
  const payload = b64({
    iss: claims.iss ?? OIDC_PROVIDER.issuerUrl,
    aud: claims.aud ?? 'sts.aliyuncs.com',
    sub: claims.sub ?? 'repo:acme/pai-config:ref:refs/heads/main',
    exp: claims.exp ?? Math.floor(Date.now() / 1000) + 600,
  })
  const sig = crypto.createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${sig}`
}
