import crypto from 'node:crypto'
import type { Answer, Incoming } from './http'
import { header } from './http'
import { stsTime, type StsState } from './sts'

/**
 * The ECS instance metadata service's RAM-role paths (http://100.100.100.200), as @alicloud/credentials
 * reads them: `PUT /latest/api/token` (IMDSv2 token), `GET /latest/meta-data/ram/security-credentials/`
 * (the role name) and `GET …/security-credentials/<role>` (temporary credentials, `Code: "Success"`).
 * Tests reach it only through the app's test-only route (PAI_ADMIN_TEST_ECS_METADATA_ORIGIN).
 */

const text = (status: number, body: string): Answer => ({ status, headers: { 'content-type': 'text/plain' }, body })

export function handleEcsMetadata(
  state: StsState,
  roleName: string | undefined,
  tokens: Set<string>,
  inc: Incoming,
  now: number,
): Answer {
  if (inc.method === 'PUT' && inc.rawPath === '/latest/api/token') {
    const ttl = Number(header(inc, 'x-aliyun-ecs-metadata-token-ttl-seconds'))
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return text(400, 'invalid ttl')
    const token = crypto.randomBytes(24).toString('base64url')
    tokens.add(token)
    return text(200, token)
  }
  // IMDSv1 (no token) is accepted, as on instances that allow it; a wrong token is refused.
  const token = header(inc, 'x-aliyun-ecs-metadata-token')
  if (token !== undefined && !tokens.has(token)) return text(401, 'invalid metadata token')
  const base = '/latest/meta-data/ram/security-credentials/'
  if (inc.method !== 'GET' || !inc.rawPath.startsWith(base)) return text(404, 'Not Found')
  const role = roleName ? state.roles.find((r) => r.roleName === roleName) : undefined
  if (!role) return text(404, 'Not Found')
  const asked = decodeURIComponent(inc.rawPath.slice(base.length))
  if (asked === '') return text(200, role.roleName)
  if (asked !== role.roleName) return text(404, 'Not Found')
  const s = state.issue(role, `ecs-${role.roleId.slice(-6)}`, 6 * 3600, now)
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      AccessKeyId: s.accessKeyId,
      AccessKeySecret: s.accessKeySecret,
      SecurityToken: s.session!.securityToken,
      Expiration: stsTime(s.session!.expiresAt),
      LastUpdated: stsTime(now),
      Code: 'Success',
    }),
  }
}
