import { z } from 'zod'
import { IdentitySchema } from '@shared/domain'
import type { Store } from '../store'

/**
 * What a refresh learned about a profile's account and keeps for offline work: who the AccessKey
 * belongs to (A2/A3), the DataWorks workspace names that share PAI's namespace (W4), and whether
 * EventBridge is authorized (E1). Kept in the `profile_facts` table (it goes with its profile).
 */
export const ProfileFactsSchema = z.object({
  identity: IdentitySchema.optional(),
  dataworksNames: z.array(z.string()).default([]),
  eventBridgeAuthorized: z.boolean().optional(),
  fetchedAt: z.string().optional(),
})
export type ProfileFacts = z.infer<typeof ProfileFactsSchema>

export function readProfileFacts(store: Store, profileId: string): ProfileFacts {
  const got = store.profileFacts.get(profileId, ProfileFactsSchema)
  return got?.ok ? got.value : ProfileFactsSchema.parse({})
}

export function writeProfileFacts(store: Store, profileId: string, patch: Partial<ProfileFacts>): ProfileFacts {
  const next = ProfileFactsSchema.parse({ ...readProfileFacts(store, profileId), ...patch })
  store.profileFacts.set(profileId, next)
  return next
}
