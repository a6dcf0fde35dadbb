import { z } from 'zod'
import type { AccessPart } from '@shared/ipc/channels/access'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import type { RawRefusal } from './access-edits'

/**
 * The parts of a bulk access change as they are stored (one per workspace: drafted or not, its refusals, its run),
 * a refusal in the user's language, and a part's summary for the activity log.
 */

const RefusalRecord = z.object({
  userId: z.string(),
  verb: z.string(),
  ruleId: z.string().optional(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  instead: z.string(),
})
const PartRecord = z.object({
  profileId: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  drafted: z.boolean(),
  refused: z.array(RefusalRecord),
  runId: z.string().optional(),
})
export type PartRecord = z.infer<typeof PartRecord>
export const PartsRecord = z.array(PartRecord)

export function renderRefusal(r: RawRefusal, locale: Locale): AccessPart['refused'][number] {
  const out: AccessPart['refused'][number] = {
    userId: r.userId,
    verb: r.verb,
    code: r.code,
    message: formatMessage(locale, r.code, r.params),
    instead: formatMessage(locale, r.instead, r.params),
  }
  if (r.ruleId) out.ruleId = r.ruleId
  return out
}

export function partSummary(p: PartRecord, planned: AccessPart): Record<string, unknown> {
  return {
    profileId: p.profileId,
    workspaceId: p.workspaceId,
    workspace: p.name,
    runId: p.runId ?? null,
    apply: planned.counts.apply,
    refused: planned.counts.refused,
    rules: [...new Set(planned.refused.map((r) => r.ruleId).filter(Boolean))],
  }
}
