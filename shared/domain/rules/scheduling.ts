import { BUILTIN_ROLE_IDS, PRIORITY_MAX, PRIORITY_MIN } from '../enums'
import { priorityLimitKey } from '../keys'
import type { PriorityLimit } from '../model'
import type { Collector } from '../problems'
import type { Rule } from './env'

const isPriority = (v: number): boolean => Number.isInteger(v) && v >= PRIORITY_MIN && v <= PRIORITY_MAX
const isMinutes = (v: number): boolean => Number.isInteger(v) && v > 0
const range = (value: number) => ({ value, min: PRIORITY_MIN, max: PRIORITY_MAX })
const builtin = new Set<string>(BUILTIN_ROLE_IDS)

/** S1 (limits per role or member, priority 1-9, maximum runtime), S2 (non-members), S3 (timeout rules). */
export const checkScheduling: Rule = (cfg, env, c) => {
  const s = cfg.scheduling
  if (s.maxRuntimeMinutes !== undefined && c.fails(isMinutes(s.maxRuntimeMinutes)))
    c.error('/scheduling/maxRuntimeMinutes', 'S1', 'DOMAIN_DURATION_INVALID', { value: s.maxRuntimeMinutes })

  const memberIds = env.memberIndex
  const roleIds = new Set<string>(builtin)
  for (const r of cfg.customRoles) if (r?.roleId) roleIds.add(r.roleId)
  checkLimits(s.jobPriorityLimits, '/scheduling/jobPriorityLimits', memberIds, roleIds, c)
  checkLimits(s.instancePriorityLimits, '/scheduling/instancePriorityLimits', memberIds, roleIds, c)

  const nm = s.nonMembers
  const np = '/scheduling/nonMembers'
  if (nm.maxJobPriority !== undefined && c.fails(isPriority(nm.maxJobPriority)))
    c.error(`${np}/maxJobPriority`, 'S2', 'DOMAIN_PRIORITY_RANGE', range(nm.maxJobPriority))
  if (nm.maxInstancePriority !== undefined && c.fails(isPriority(nm.maxInstancePriority)))
    c.error(`${np}/maxInstancePriority`, 'S2', 'DOMAIN_PRIORITY_RANGE', range(nm.maxInstancePriority))
  if (nm.maxRuntimeMinutes !== undefined && c.fails(isMinutes(nm.maxRuntimeMinutes)))
    c.error(`${np}/maxRuntimeMinutes`, 'S2', 'DOMAIN_DURATION_INVALID', { value: nm.maxRuntimeMinutes })
  const limited =
    nm.maxJobPriority !== undefined || nm.maxInstancePriority !== undefined || nm.maxRuntimeMinutes !== undefined
  if (c.fails(nm.allowed || !limited)) c.warn(np, 'S2', 'DOMAIN_NON_MEMBER_LIMITS_UNUSED')

  const kinds = new Set<string>()
  for (let i = 0; i < s.timeouts.length; i++) {
    const t = s.timeouts[i]
    if (!t) continue
    const p = `/scheduling/timeouts/${i}`
    if (c.fails(isMinutes(t.minutes))) c.error(`${p}/minutes`, 'S3', 'DOMAIN_DURATION_INVALID', { value: t.minutes })
    if (c.fails(!kinds.has(t.kind))) c.error(`${p}/kind`, 'S3', 'DOMAIN_TIMEOUT_DUPLICATE', { kind: t.kind })
    kinds.add(t.kind)
  }
}

function checkLimits(
  list: readonly PriorityLimit[],
  base: string,
  memberIds: ReadonlyMap<string, number>,
  roleIds: Set<string>,
  c: Collector,
): void {
  const seen = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const l = list[i]
    if (!l) continue
    const p = `${base}/${i}`
    if (c.fails(isPriority(l.maxPriority)))
      c.error(`${p}/maxPriority`, 'S1', 'DOMAIN_PRIORITY_RANGE', range(l.maxPriority))
    const key = priorityLimitKey(l)
    if (c.fails(!seen.has(key)))
      c.error(`${p}/subjectId`, 'S1', 'DOMAIN_PRIORITY_LIMIT_DUPLICATE', { subject: l.subjectId })
    seen.add(key)
    const known = l.subjectType === 'member' ? memberIds.has(l.subjectId) : roleIds.has(l.subjectId)
    if (c.fails(known))
      c.warn(`${p}/subjectId`, 'S1', 'DOMAIN_PRIORITY_SUBJECT_UNKNOWN', { subject: l.subjectId.slice(0, 80) })
  }
}
