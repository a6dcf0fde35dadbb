import { checkWorkspaceName, validate, type Problem } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../cloud'
import type { Store } from '../store'
import { validationContextFor } from '../model/validation-context'

/** What the wizard learns about a new workspace name (W4), and from where. */
export interface NameCheck {
  name: string
  /** `cloud`: ListWorkspaces Option=CheckWorkspaceExists answered; `cache`: offline, against the cached names. */
  source: 'cloud' | 'cache'
  taken: boolean
  /** The W4 problem to show (and to block the step with) when the name is taken. */
  problem?: Problem
  /** Why the cloud could not be asked (the cache answered instead). */
  cloudError?: string
}

const W4 = (name: string, code: string, params: Record<string, string> = {}): Problem => ({
  ruleId: 'W4',
  pointer: '/basic/name',
  severity: 'error',
  code,
  params: { name, ...params },
})

/** The offline answer: the domain's own W4 check against every cached PAI and DataWorks name (case ignored). */
function fromCache(store: Store, profileId: string, name: string): NameCheck {
  const ctx = validationContextFor(store, profileId)
  const problem = validate({ basic: { name, description: '-' } }, ctx).problems.find(
    (p) => p.ruleId === 'W4' && p.pointer === '/basic/name',
  )
  return problem ? { name, source: 'cache', taken: true, problem } : { name, source: 'cache', taken: false }
}

/**
 * W4 as the user types (the renderer debounces): online, the cloud's own pre-check (it also knows DataWorks
 * names and workspaces in the recycle bin, which no list shows); offline or when the cloud cannot be asked,
 * the cache. A name that breaks the format rules (W1) is not sent anywhere.
 */
export async function checkNewWorkspaceName(
  store: Store,
  clientsFor: (profileId: string) => Promise<CloudClients>,
  profileId: string,
  name: string,
): Promise<NameCheck> {
  if (checkWorkspaceName(name)) return fromCache(store, profileId, name)
  let answer: Awaited<ReturnType<CloudClients['pai']['checkWorkspaceName']>>
  try {
    answer = await (await clientsFor(profileId)).pai.checkWorkspaceName(name)
  } catch (err) {
    return { ...fromCache(store, profileId, name), cloudError: err instanceof AppError ? err.code : 'INTERNAL' }
  }
  if (!answer.taken) return { name, source: 'cloud', taken: false }
  const holder = answer.workspaceName
  const cached = fromCache(store, profileId, name)
  const problem =
    cached.problem ??
    (holder !== undefined && holder !== name
      ? W4(name, 'DOMAIN_NAME_TAKEN_CASE', { existing: holder })
      : W4(name, 'DOMAIN_NAME_TAKEN_CLOUD'))
  return { name, source: 'cloud', taken: true, problem }
}
