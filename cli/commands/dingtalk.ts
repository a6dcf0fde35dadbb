import { printable } from '@shared/printable'
import { EXIT, ExitWith } from '../exit-codes'
import { readSecret, secretPrompt } from '../secret-input'
import type { Session } from '../session'

/** `dingtalk test` (E7): sends a signed test message; the signing secret comes from stdin or a hidden prompt. */
export async function dingtalkTest(s: Session, o: { webhook: string; profile?: string }): Promise<void> {
  const secret = await readSecret(secretPrompt(s.locale, 'dingtalk'))
  const profileId = o.profile ? await s.profileId(o.profile) : null
  const res = await s.call('dingtalk.test', { webhook: o.webhook, secret, profileId })
  s.out.result(res, () => `${res.ok ? 'OK' : 'FAILED'}: ${printable(res.message)}`)
  if (!res.ok) throw new ExitWith(EXIT.cloud)
}
