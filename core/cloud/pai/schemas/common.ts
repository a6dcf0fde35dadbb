import { z } from 'zod'

/**
 * AIWorkSpace 2021-02-04 answers and inputs, spelled exactly as the API spells them (docs/pai-api-facts.md §1).
 * Answers keep only the declared fields; a field the cloud omits is optional unless we cannot work
 * without it (IDs and names). This file holds the pieces every area shares.
 */

/** IDs are strings on the wire even when numeric; accept a number too and keep it as a string. */
export const Id = z.union([z.string(), z.number().transform(String)])
export const Str = z.string()
export const Labels = z.array(z.object({ Key: Str.optional(), Value: Str.optional() }))
export const Rid = { RequestId: Str.optional() }

/** An answer that carries nothing but its request ID. */
export const RequestIdOnly = z.object(Rid)
