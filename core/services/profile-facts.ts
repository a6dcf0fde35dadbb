import { z } from 'zod'
import { IdentitySchema } from '@shared/domain'
import type { Store } from '../store'

/**
 * What a refresh learned about a profile's account and keeps for offline work: who the AccessKey
 * belongs to (A2/A3), the DataWorks workspace names that share PAI's namespace (W4), and whether
 * EventBridge is authorized (E1). Kept in the settings table under `facts:<profileId>`.
 */
export const ProfileFactsSchema = z.object({
  identity: IdentitySchema.optional(),
  dataworksNames: z.array(z.string()).default([]),
  eventBridgeAuthorized: z.boolean().optional(),
  fetchedAt: z.string().optional(),
})
export type ProfileFacts = z.infer<typeof ProfileFactsSchema>

const keyOf = (profileId: string): string => `facts:${profileId}`

export function readProfileFacts(store: Store, profileId: string): ProfileFacts {
  const got = store.settings.get(keyOf(profileId), ProfileFactsSchema)
  return got?.ok ? got.value : ProfileFactsSchema.parse({})
}

export function writeProfileFacts(store: Store, profileId: string, patch: Partial<ProfileFacts>): ProfileFacts {
  const next = ProfileFactsSchema.parse({ ...readProfileFacts(store, profileId), ...patch })
  store.settings.set(keyOf(profileId), next)
  return next
}
