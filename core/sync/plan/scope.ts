import type { WorkspaceConfig } from '@shared/domain'
import { canonicalJson } from '../../store/json'
import type { PlanInput } from './actions'

/**
 * What a plan covers: every area, or the members area alone (custom roles with it: members name them). A bulk
 * access change (issue 16) plans a thousand drafts that differ from their cloud copy in their members only.
 */
export type PlanScope = 'all' | 'members'

/** The sections outside the members area, each compared whole. */
const OTHER_SECTIONS = [
  'basic',
  'owner',
  'resources',
  'scheduling',
  'notifications',
  'storage',
  'sls',
  'switches',
  'passthrough',
] as const satisfies ReadonlyArray<Exclude<keyof WorkspaceConfig, 'members' | 'customRoles'>>

const sameSection = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b)

/**
 * Whether planning the members area alone gives the whole plan: an existing workspace whose draft, base and cached
 * cloud copy hold the same value in every other section (and the same custom roles), so every other area's planner
 * has nothing to compare. A draft that changed anything else is planned whole.
 */
export function onlyMembersDiffer(input: PlanInput): boolean {
  const { draft, base, cloud } = input
  if (!base || !cloud || input.manualOverlay) return false
  for (const k of [...OTHER_SECTIONS, 'customRoles' as const]) {
    if (!sameSection(draft[k], cloud[k]) || !sameSection(base[k], cloud[k])) return false
  }
  return true
}
